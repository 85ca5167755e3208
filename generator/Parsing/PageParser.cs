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
/// False in a build that keeps nothing for a next one: the body is kept as text and parsed when
/// the page is rendered (<see cref="ParsedPage.DeferBody"/>), so it is parsed once, there.
/// </param>
public sealed class PageParser(MarkdownPipeline pipeline, SiteData site, DiagnosticBag diagnostics, bool keepTree = true)
{
    private readonly FrontMatterReader _reader = new(site, diagnostics);

    /// <param name="bodyUtf8">
    /// The body as UTF-8 when <paramref name="doc"/> holds only the front matter (a build that
    /// keeps nothing for a next one, <see cref="Loading.StreamedDocument"/>); null when the
    /// document is the whole file.
    /// </param>
    public ParsedPage Parse(SourceDocument doc, ReadOnlyMemory<byte>? bodyUtf8 = null)
    {
        var split = FrontMatterSplitter.Split(doc, diagnostics);
        var kind = PageKinds.KindOf(doc.ContentPath);
        var (common, kindMeta) = _reader.Read(doc, split, kind);
        if (keepTree)
        {
            var text = bodyUtf8 is { } given ? System.Text.Encoding.UTF8.GetString(given.Span) : split.Body;
            var (body, ids) = ParseBody(text, doc.DisplayPath, split.BodyLineOffset, pipeline, diagnostics);
            return new ParsedPage(doc, kind, PageKinds.TopFolder(doc.ContentPath), common, kindMeta, body, split.BodyLineOffset, ids);
        }
        var page = new ParsedPage(doc, kind, PageKinds.TopFolder(doc.ContentPath), common, kindMeta, new MarkdownDocument(), split.BodyLineOffset, new HashSet<string>());
        // Only what the parse needs is kept: not the file's text.
        var (markdown, offset, display) = (pipeline, split.BodyLineOffset, doc.DisplayPath);
        // The body waits as UTF-8: the file's own bytes where the loader kept them, else encoded here.
        ReadOnlyMemory<byte>? utf8 = bodyUtf8;
        if (utf8 is null && Utf8Text(split.BodySpan) is { } encoded) utf8 = encoded;
        if (utf8 is { } bytes)
        {
            page.DeferBody(bag => ParseBody(System.Text.Encoding.UTF8.GetString(bytes.Span), display, offset, markdown, bag));
        }
        else
        {
            var whole = split.Body;
            page.DeferBody(bag => ParseBody(whole, display, offset, markdown, bag));
        }
        return page;
    }

    /// <summary>
    /// The body as UTF-8, which gives the same text back: half the memory of the string while a
    /// page waits to be rendered (every page's body waits from parsing to the templates stage).
    /// Null for a text that has a lone surrogate (UTF-8 cannot hold one).
    /// </summary>
    private static byte[]? Utf8Text(ReadOnlySpan<char> text)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(text)];
        return System.Text.Unicode.Utf8.FromUtf16(text, bytes, out _, out var written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done
            && written == bytes.Length ? bytes : null;
    }

    /// <summary>
    /// Quotes, list items, emphasis and links inside each other; real pages use a handful. Markdig's
    /// own limit is 128 blocks (a list level is two: the list and its item), reached at 64 lists.
    /// </summary>
    public const int MaxMarkdownDepth = 50;

    /// <summary>
    /// The Markdown tree and its heading ids; an empty tree, and ABC004, when it is nested deeper
    /// than <see cref="MaxMarkdownDepth"/> (later stages walk the tree recursively) or so deep that
    /// Markdig itself gives up. The same text always gives the same tree.
    /// </summary>
    private static (MarkdownDocument Tree, IReadOnlySet<string> HeadingIds) ParseBody(string body, string displayPath, int bodyLineOffset, MarkdownPipeline pipeline, DiagnosticBag diagnostics)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(body, pipeline);
        }
        catch (Exception e) when (IsTooDeep(e))
        {
            ReportTooDeep(displayPath, DeepestLine(body) + bodyLineOffset, 1, diagnostics);
            return (new MarkdownDocument(), new HashSet<string>());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Markdig failing on a text is a fault of the generator's, reported on the file as any
            // other (ABC003); the page keeps its front matter, whether the body was parsed with it
            // (the preview) or when its page is made (a plain build).
            diagnostics.Report(Rules.Unprocessable, SourceSpan.WholeFile(displayPath),
                InternalError.OnFile(e));
            return (new MarkdownDocument(), new HashSet<string>());
        }
        if (FirstTooDeep(document) is not { } deep) return (document, HeadingIds(document));
        ReportTooDeep(displayPath, bodyLineOffset + deep.Line + 1, deep.Column + 1, diagnostics);
        return (new MarkdownDocument(), new HashSet<string>());
    }

    /// <summary>Markdig's answer to input nested beyond its own limit (or the stack running short).</summary>
    public static bool IsTooDeep(Exception e) =>
        e is InsufficientExecutionStackException || (e is ArgumentException && e.Message.Contains("too deeply nested", StringComparison.Ordinal));

    private static void ReportTooDeep(string displayPath, int line, int column, DiagnosticBag diagnostics) =>
        diagnostics.Report(Rules.MarkdownTooDeep, new SourceSpan(displayPath, line, column),
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
