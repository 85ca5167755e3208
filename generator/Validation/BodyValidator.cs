using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Links;
using ForbedringsAbc.Model;
using ForbedringsAbc.Rendering;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ForbedringsAbc.Validation;

/// <summary>
/// The editorial rules on a page's Markdown: raw HTML, headings (one h1, no skipped levels, none
/// empty or repeated), images (alt text present and meaningful) and link texts that say where
/// they lead. One walk over the tree.
/// </summary>
public sealed class BodyValidator(DiagnosticBag diagnostics)
{
    public void Validate(SitePage page)
    {
        var headings = new HeadingRules(page, diagnostics);
        var reportedHtmlIn = new HashSet<ContainerInline>();
        foreach (var node in page.Page.Body.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    headings.Check(heading);
                    break;
                case HtmlBlock block:
                    ReportRawHtml(page, block.Line, block.Column);
                    break;
                case HtmlInline inline when inline.Parent is null || reportedHtmlIn.Add(inline.Parent):
                    ReportRawHtml(page, inline.Line, inline.Column);
                    break;
                case LinkInline { IsImage: true } image:
                    AltTextRules.Check(page, image, diagnostics);
                    break;
                case LinkInline link:
                    LinkTextRules.Check(page, link, diagnostics);
                    break;
            }
        }
    }

    private void ReportRawHtml(SitePage page, int line, int column) =>
        diagnostics.Report(Rules.RawHtml, PageLinkChecker.SpanOf(page, line, column),
            "HTML-kode vises som tekst og tas ikke med som HTML. Bruk Markdown i stedet (for eksempel **fet**, lister og ![bilde](sti)).");
}
