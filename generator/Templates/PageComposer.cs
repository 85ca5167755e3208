using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Links;
using ForbedringsAbc.Templates.Views;
using Scriban.Runtime;

namespace ForbedringsAbc.Templates;

/// <summary>
/// Renders one output page in two steps: the kind's layout gives the main content, then the
/// base layout wraps it in the site's frame. Both see the same variables:
/// <c>site</c>, <c>page</c>, <c>t</c> (UI strings) and <c>root</c> (the relative way back to the
/// site's root, "../../"; or the base URL's path on pages served from any depth, like 404).
/// </summary>
public sealed class PageComposer(TemplateSet templates, UiStrings strings)
{
    public PageHtml Compose(string layout, PageView page, SiteView site, string outputPath, string sourceDisplay, DiagnosticBag diagnostics, string? rootOverride = null)
    {
        var globals = new ScriptObject();
        globals.SetValue("site", site, readOnly: true);
        globals.SetValue("page", page, readOnly: true);
        globals.SetValue("t", strings.Tree, readOnly: true);
        globals.SetValue("root", rootOverride ?? UrlPaths.RootPrefix(outputPath), readOnly: true);
        globals.SetValue("layout", layout, readOnly: true);
        return templates.RenderFramed(layout, "base", globals, sourceDisplay, diagnostics);
    }
}
