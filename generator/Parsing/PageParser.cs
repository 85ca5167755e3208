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
/// <param name="keepTree">
/// False in a build that keeps nothing for a next one: the page's Markdown tree is set aside
/// (<see cref="ParsedPage.SetAsideBody"/>) and parsed again from the body text when rendered.
/// </param>
public sealed class PageParser(MarkdownPipeline pipeline, SiteData site, DiagnosticBag diagnostics, bool keepTree = true)
{
    private readonly FrontMatterReader _reader = new(site, diagnostics);

    public ParsedPage Parse(SourceDocument doc)
    {
        var split = FrontMatterSplitter.Split(doc, diagnostics);
        var kind = PageKinds.KindOf(doc.ContentPath);
        var (common, kindMeta) = _reader.Read(doc, split, kind);
        var (body, refused) = ParseBody(doc, split);
        var page = new ParsedPage(doc, kind, PageKinds.TopFolder(doc.ContentPath), common, kindMeta, body,
            split.BodyLineOffset, HeadingIds(body));
        if (!keepTree)
        {
            // A body refused as too deep stays the empty tree, without a second message.
            var markdown = pipeline;
            if (refused) page.SetAsideBody(() => new MarkdownDocument());
            else if (Utf8Text(split.Body) is { } utf8) page.SetAsideBody(() => Reparse(System.Text.Encoding.UTF8.GetString(utf8), markdown));
            else
            {
                var text = split.Body;
                page.SetAsideBody(() => Reparse(text, markdown));
            }
        }
        return page;
    }

    /// <summary>
    /// The body as UTF-8, which gives the same text back: half the memory of the string while a
    /// page waits to be rendered (every page's body waits from parsing to the templates stage).
    /// Null for a text that has a lone surrogate (UTF-8 cannot hold one).
    /// </summary>
    private static byte[]? Utf8Text(string text)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(text)];
        return System.Text.Unicode.Utf8.FromUtf16(text, bytes, out _, out var written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done
            && written == bytes.Length ? bytes : null;
    }

    /// <summary>The same tree <see cref="Parse"/> made, from the same body text (its heading ids renamed the same way).</summary>
    private static MarkdownDocument Reparse(string body, MarkdownPipeline pipeline)
    {
        var document = Markdown.Parse(body, pipeline);
        HeadingIds(document);
        return document;
    }

    /// <summary>
    /// Quotes, list items, emphasis and links inside each other; real pages use a handful. Markdig's
    /// own limit is 128 blocks (a list level is two: the list and its item), reached at 64 lists.
    /// </summary>
    public const int MaxMarkdownDepth = 50;

    /// <summary>
    /// The Markdown tree; an empty one, and ABC004, when it is nested deeper than
    /// <see cref="MaxMarkdownDepth"/> (later stages walk the tree recursively) or so deep that
    /// Markdig itself gives up (<c>Refused</c>).
    /// </summary>
    private (MarkdownDocument Tree, bool Refused) ParseBody(SourceDocument doc, SplitDocument split)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(split.Body, pipeline);
        }
        catch (Exception e) when (IsTooDeep(e))
        {
            ReportTooDeep(doc, DeepestLine(split.Body) + split.BodyLineOffset, 1);
            return (new MarkdownDocument(), true);
        }
        if (FirstTooDeep(document) is not { } deep) return (document, false);
        ReportTooDeep(doc, split.BodyLineOffset + deep.Line + 1, deep.Column + 1);
        return (new MarkdownDocument(), true);
    }

    /// <summary>Markdig's answer to input nested beyond its own limit (or the stack running short).</summary>
    public static bool IsTooDeep(Exception e) =>
        e is InsufficientExecutionStackException || (e is ArgumentException && e.Message.Contains("too deeply nested", StringComparison.Ordinal));

    private void ReportTooDeep(SourceDocument doc, int line, int column) =>
        diagnostics.Report(Rules.MarkdownTooDeep, new SourceSpan(doc.DisplayPath, line, column),
            $"Teksten har mer enn {MaxMarkdownDepth} nivåer inne i hverandre her (lister, sitater, utheving eller lenker). Forenkle oppsettet.");

    /// <summary>The first element (in document order) deeper than the limit, found without recursion.</summary>
    private static MarkdownObject? FirstTooDeep(MarkdownDocument document)
    {
        var stack = new Stack<(MarkdownObject Node, int Depth)>([(document, 0)]);
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxMarkdownDepth) return node;
            // Levels as an editor counts them: a quote, a list item, an emphasis, a link; a list and
            // its item are one level, and a paragraph or a word adds none.
            switch (node)
            {
                // Children pushed last to first, so the first is looked at first.
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        var child = container[i];
                        stack.Push((child, child is ListBlock or LeafBlock ? depth : depth + 1));
                    }
                    break;
                case LeafBlock { Inline: { } text }:
                    stack.Push((text, depth));
                    break;
                case Markdig.Syntax.Inlines.ContainerInline container:
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        stack.Push((child, child is Markdig.Syntax.Inlines.ContainerInline ? depth + 1 : depth));
                    }
                    break;
            }
        }
        return null;
    }

    /// <summary>
    /// Where nesting too deep for Markdig most likely is, 1-based in the body: the first line with
    /// the longest run of the characters that open levels (indentation, &gt;, list and emphasis marks, brackets).
    /// </summary>
    private static int DeepestLine(string body)
    {
        var (best, bestRun, number) = (1, -1, 0);
        foreach (var line in body.Split('\n'))
        {
            number++;
            var (run, longest) = (0, 0);
            foreach (var c in line)
            {
                run = c is ' ' or '\t' or '>' or '-' or '+' or '*' or '_' or '[' or '(' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
            if (longest > bestRun) (best, bestRun) = (number, longest);
        }
        return best;
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
