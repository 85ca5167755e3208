using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Loading;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ForbedringsAbc.Templates;

/// <summary>
/// The Scriban templates of templates/ (layouts/*.html and partials/*.html), parsed once per
/// build. Rendering a page gives HTML, or a diagnostic that names the template file and line
/// and the page being rendered.
/// </summary>
public sealed class TemplateSet
{
    public static readonly IReadOnlyList<string> RequiredLayouts =
    [
        "base", "home", "section", "article", "method", "story", "guide", "contact", "tag", "tags", "404", "redirect",
    ];

    private readonly Dictionary<string, Template> _templates;
    private readonly Dictionary<string, string> _displayPaths;
    private readonly ScriptObject _builtins;

    // Each thread's context to render with. A context is costly to make (it allocates its stacks
    // and learns each view type's members by reflection), and pages are rendered by the thousand on
    // a few threads; a page stays in its thread's context until that thread renders the next one
    // (see PageHtml). One that saw an error is dropped, not reused.
    private readonly ThreadLocal<EscapingTemplateContext?> _contexts = new();

    private TemplateSet(Dictionary<string, Template> templates, Dictionary<string, string> displayPaths, string root)
    {
        _templates = templates;
        _displayPaths = displayPaths;
        _builtins = EscapingTemplateContext.CreateBuiltins();
        Root = root;
    }

    public string Root { get; }

    public static TemplateSet Load(string root, PathDisplay paths, DiagnosticBag diagnostics)
    {
        var fullRoot = Path.GetFullPath(root);
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var displays = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in new[] { "layouts", "partials" })
        {
            var dir = Path.Combine(fullRoot, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(fullRoot, file).Replace('\\', '/');
                var display = paths.ForUser(file);
                var template = Template.Parse(ContentLoader.NormalizeNewlines(File.ReadAllText(file)), display);
                // Scriban's later messages are mostly echoes of the first; the first is the one to fix.
                if (template.Messages.FirstOrDefault() is { } message)
                {
                    diagnostics.Report(Rules.TemplateError, ToSpan(message.Span, display), $"Feil i malen: {message.Message}");
                }
                templates[name] = template;
                displays[name] = display;
            }
        }
        foreach (var layout in RequiredLayouts.Where(l => !templates.ContainsKey(LayoutPath(l))))
        {
            diagnostics.Report(Rules.TemplateMissing, SourceSpan.WholeFile(paths.ForUser(Path.Combine(fullRoot, LayoutPath(layout)))),
                $"Malen {LayoutPath(layout)} mangler.");
        }
        return new TemplateSet(templates, displays, fullRoot);
    }

    public static string LayoutPath(string layout) => $"layouts/{layout}.html";

    /// <summary>
    /// Renders a page: the <paramref name="layout"/>, then the <paramref name="frame"/> layout around
    /// it as <c>content</c>, on one context; no page (and a diagnostic naming the template that failed)
    /// on failure. The page is in this thread's buffer until the thread renders its next page with
    /// this set. A frame that is missing or broken (reported when the templates were loaded) still
    /// lets the layout be rendered, so its errors are reported in the same run.
    /// </summary>
    public PageHtml RenderFramed(string layout, string frame, ScriptObject globals, string pageDisplayPath, DiagnosticBag diagnostics)
    {
        var name = LayoutPath(layout);
        if (!_templates.TryGetValue(name, out var template) || template.HasErrors) return default;
        var frameTemplate = _templates.TryGetValue(LayoutPath(frame), out var f) && !f.HasErrors ? f : null;
        var context = _contexts.Value ??= new EscapingTemplateContext(_templates, _builtins);
        // A page made while this thread's context is making another (nothing does so today) gets a
        // context of its own, so neither page overwrites the other's buffers.
        var nested = context.Rendering;
        if (nested) context = new EscapingTemplateContext(_templates, _builtins);
        try
        {
            return context.RenderFramed(template, frameTemplate, globals);
        }
        catch (ScriptRuntimeException e)
        {
            if (!nested) _contexts.Value = null;
            // Templates are parsed with their file's name, so the span names the one that failed.
            var file = e.Span.FileName ?? _displayPaths[name];
            diagnostics.Report(Rules.TemplateError, ToSpan(e.Span, file),
                $"Malen feilet da {pageDisplayPath} ble laget: {e.OriginalMessage}");
            return default;
        }
        catch
        {
            if (!nested) _contexts.Value = null;
            throw;
        }
    }

    private static SourceSpan ToSpan(Scriban.Parsing.SourceSpan span, string file) =>
        new(span.FileName ?? file, span.Start.Line + 1, span.Start.Column + 1);
}
