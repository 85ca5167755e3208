using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;
using Markdig;
using Markdig.Renderers.Html;
using ForbedringsAbc.Links;
using Markdig.Syntax;
using SourceSpan = ForbedringsAbc.Diagnostics.SourceSpan;

namespace ForbedringsAbc.Parsing;

/// <summary>
/// Parses one content file in a single pass: front matter (typed and checked) and the Markdown
/// tree (with source positions and heading ids). Pure: the same file always gives the same page.
/// </summary>
public sealed class PageParser(MarkdownPipeline pipeline, SiteData site, DiagnosticBag diagnostics)
{
    private readonly FrontMatterReader _reader = new(site, diagnostics);

    public ParsedPage Parse(SourceDocument doc)
    {
        var split = FrontMatterSplitter.Split(doc, diagnostics);
        var kind = PageKinds.KindOf(doc.ContentPath);
        var (common, kindMeta) = _reader.Read(doc, split, kind);
        var body = ParseBody(doc, split);
        return new ParsedPage(doc, kind, PageKinds.TopFolder(doc.ContentPath), common, kindMeta, body,
            split.BodyLineOffset, HeadingIds(body));
    }

    /// <summary>The Markdown tree; an empty one, and a diagnostic, if Markdig gives up (nesting beyond its depth limit).</summary>
    private MarkdownDocument ParseBody(SourceDocument doc, SplitDocument split)
    {
        try
        {
            return Markdown.Parse(split.Body, pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            diagnostics.Report(Rules.Unprocessable, SourceSpan.WholeFile(doc.DisplayPath),
                $"Teksten kan ikke leses som Markdown: den har for mange nivåer inne i hverandre (lister eller sitater). Forenkle oppsettet. ({e.Message})");
            return new MarkdownDocument();
        }
    }

    /// <summary>
    /// The heading ids of the body. A heading whose id the layout uses itself (see
    /// <see cref="GeneratedAnchors"/>) is renamed with a suffix, as GitHub does for repeated headings.
    /// </summary>
    private static HashSet<string> HeadingIds(MarkdownDocument body)
    {
        var headings = body.Descendants<HeadingBlock>().Select(h => (Heading: h, Attributes: h.TryGetAttributes())).Where(h => h.Attributes?.Id is not null).ToList();
        var ids = headings.Select(h => h.Attributes!.Id!).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, attributes) in headings.Where(h => GeneratedAnchors.IsReserved(h.Attributes!.Id!)))
        {
            var original = attributes!.Id!;
            var n = 1;
            while (ids.Contains($"{original}-{n}") || GeneratedAnchors.IsReserved($"{original}-{n}")) n++;
            attributes.Id = $"{original}-{n}";
            ids.Remove(original);
            ids.Add(attributes.Id);
        }
        return ids;
    }
}
