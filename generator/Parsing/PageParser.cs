using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ForbedringsAbc.Parsing;

/// <summary>
/// Parses one content file in a single pass: front matter (typed and checked) and the Markdown
/// tree (with source positions and heading ids). Pure: the same file always gives the same page.
/// </summary>
public sealed class PageParser(MarkdownPipeline pipeline, SiteData site, DiagnosticBag diagnostics)
{
    private readonly FrontMatterReader _reader = new(site, diagnostics);

    public ParsedPage? Parse(SourceDocument doc)
    {
        var split = FrontMatterSplitter.Split(doc, diagnostics);
        if (split is null) return null;
        var kind = PageKinds.KindOf(doc.ContentPath);
        var (common, kindMeta) = _reader.Read(doc, split, kind);
        var body = Markdown.Parse(split.Body, pipeline);
        return new ParsedPage(doc, kind, PageKinds.TopFolder(doc.ContentPath), common, kindMeta, body,
            split.BodyLineOffset, HeadingIds(body));
    }

    private static HashSet<string> HeadingIds(MarkdownDocument body)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in body.Descendants<HeadingBlock>())
        {
            if (heading.TryGetAttributes()?.Id is { } id) ids.Add(id);
        }
        return ids;
    }
}
