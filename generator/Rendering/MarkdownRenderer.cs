using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Links;
using ForbedringsAbc.Model;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SourceSpan = ForbedringsAbc.Diagnostics.SourceSpan;

namespace ForbedringsAbc.Rendering;

/// <summary>
/// Renders a page's Markdown with its resolved links, and its summary as inline HTML.
/// A summary may hold *kursiv* and **fet**, but not blocks, links or images (ABC114).
/// </summary>
public sealed class MarkdownRenderer(MarkdownPipeline body, MarkdownPipeline inline, DiagnosticBag diagnostics)
{
    public RenderedPage Render(SitePage page, PageLinks links)
    {
        var (html, introLength) = RenderBodyWithIntro(page.Page.Body, links);
        var summary = RenderSummary(page.Meta.Summary, page.Meta.SummarySpan);
        return new RenderedPage(page, links, html, summary, introLength);
    }

    public string RenderBody(MarkdownDocument document, PageLinks links) => RenderBodyWithIntro(document, links).Html;

    /// <summary>This thread's writer for bodies; its buffer (up to 1 M characters) is kept from one page to the next.</summary>
    [ThreadStatic]
    private static StringWriter? _bodyWriter;

    /// <summary>
    /// The body's HTML, and the length of its intro: the part before the first top-level h2
    /// (layouts may show the intro apart from the sections, as a guide does above its film).
    /// </summary>
    public (string Html, int IntroLength) RenderBodyWithIntro(MarkdownDocument document, PageLinks links)
    {
        // This thread's writer, emptied: its buffer, grown to the size of a page, is kept for the next.
        var writer = _bodyWriter ??= new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var builder = writer.GetStringBuilder();
        builder.Clear();
        if (builder.Capacity > 1 << 20) builder.Capacity = 1 << 12;
        var renderer = Take(ref _bodyRenderer, body, writer);
        renderer.LinkRewriter = links.Rewrite;
        var introLength = -1;
        foreach (var block in document)
        {
            if (introLength < 0 && block is HeadingBlock { Level: 2 })
            {
                writer.Flush();
                introLength = writer.GetStringBuilder().Length;
            }
            renderer.Render(block);
        }
        writer.Flush();
        renderer.LinkRewriter = null;
        _bodyRenderer = renderer;
        var html = writer.ToString();
        return (html, introLength < 0 ? html.Length : introLength);
    }

    /// <summary>This thread's renderers, set up once for their pipeline (the renderers of every Markdown element, their lookup table) and reused from page to page.</summary>
    [ThreadStatic]
    private static ReusableHtmlRenderer? _bodyRenderer, _summaryRenderer;

    /// <summary>A renderer set up for <see cref="Pipeline"/>, that can be emptied for the next page.</summary>
    private sealed class ReusableHtmlRenderer(TextWriter writer, MarkdownPipeline pipeline) : HtmlRenderer(writer)
    {
        public MarkdownPipeline Pipeline { get; } = pipeline;

        /// <summary>Empties the writer (a StringWriter) and the renderer's line and indent state.</summary>
        public void Clear() => Reset();
    }

    /// <summary>
    /// This thread's renderer for <paramref name="pipeline"/> writing to <paramref name="writer"/>,
    /// taken out of <paramref name="slot"/> while it renders: the caller puts it back when the render
    /// has finished, so a render that throws half-way (a renderer's state left mid-element) is not reused.
    /// </summary>
    private static ReusableHtmlRenderer Take(ref ReusableHtmlRenderer? slot, MarkdownPipeline pipeline, TextWriter writer)
    {
        var renderer = slot;
        slot = null;
        if (renderer is not null && ReferenceEquals(renderer.Pipeline, pipeline) && ReferenceEquals(renderer.Writer, writer))
        {
            renderer.Clear();
            return renderer;
        }
        renderer = new ReusableHtmlRenderer(writer, pipeline);
        pipeline.Setup(renderer);
        return renderer;
    }

    public string RenderSummary(string markdown, SourceSpan span)
    {
        if (markdown.Length == 0) return string.Empty;
        try
        {
            return RenderSummaryOrThrow(markdown, span);
        }
        catch (Exception e) when (Parsing.PageParser.IsTooDeep(e))
        {
            // Emphasis nested past what Markdig renders (128 levels): the editor's mistake, at its place.
            diagnostics.Report(Rules.MarkdownTooDeep, span,
                "Ingressen (`summary`) har for mange nivåer av utheving inne i hverandre. Forenkle den.");
            return Text.HtmlText.Escape(markdown);
        }
    }

    private string RenderSummaryOrThrow(string markdown, SourceSpan span)
    {
        var document = Markdown.Parse(SummaryText.AsOneParagraph(markdown), inline);
        if (document.Count != 1 || document[0] is not ParagraphBlock paragraph)
        {
            diagnostics.Report(Rules.BadSummary, span,
                "Ingressen (`summary`) skal være vanlig tekst, gjerne med *kursiv* og **fet**, men ikke lister, overskrifter eller flere avsnitt.");
            return Text.HtmlText.Escape(markdown);
        }
        foreach (var node in paragraph.Inline!.Descendants())
        {
            if (node is LinkInline or AutolinkInline)
            {
                diagnostics.Report(Rules.BadSummary, span,
                    "Ingressen (`summary`) kan ikke ha lenker eller bilder; den vises som lenketekst i lister. Legg lenken i brødteksten.");
                return Text.HtmlText.Escape(markdown);
            }
            if (node is HtmlInline)
            {
                diagnostics.Report(Rules.RawHtml, span, "Ingressen (`summary`) inneholder HTML-kode. Bruk *kursiv* og **fet** i stedet.");
                return Text.HtmlText.Escape(markdown);
            }
        }
        var writer = _summaryWriter ??= new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        writer.GetStringBuilder().Clear();
        var renderer = Take(ref _summaryRenderer, inline, writer);
        renderer.LinkRewriter = NoLink;
        renderer.WriteLeafInline(paragraph);
        writer.Flush();
        _summaryRenderer = renderer;
        return writer.GetStringBuilder().ToString().Trim();
    }

    /// <summary>This thread's writer for summaries.</summary>
    [ThreadStatic]
    private static StringWriter? _summaryWriter;

    private static readonly Func<string, string> NoLink = _ => "#";
}
