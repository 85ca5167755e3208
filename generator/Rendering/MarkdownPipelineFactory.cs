using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Helpers;
using Markdig.Renderers;

namespace ForbedringsAbc.Rendering;

/// <summary>
/// The one Markdig pipeline of the site, built once per build and shared by every page:
/// CommonMark with pipe tables (each in a box that scrolls sideways, named <paramref name="tableLabel"/>),
/// GitHub alerts (Norwegian titles), GitHub-style heading ids, footnotes, autolinks, precise
/// source positions, figures, and raw HTML shown as text.
/// </summary>
public static class MarkdownPipelineFactory
{
    public static MarkdownPipeline CreateBody(AlertTitles titles, string tableLabel) =>
        new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UsePipeTables()
            .Use(new TableScrollExtension(tableLabel))
            .UseAlertBlocks((renderer, kind) => WriteAlertTitle(renderer, kind, titles))
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseFootnotes()
            .UseAutoLinks()
            .Use<SafeHtmlExtension>()
            .Use<FigureExtension>()
            .Build();

    /// <summary>For summaries: inline Markdown only, same safety rules.</summary>
    public static MarkdownPipeline CreateInline() =>
        new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .Use<SafeHtmlExtension>()
            .Build();

    private static void WriteAlertTitle(HtmlRenderer renderer, StringSlice kind, AlertTitles titles)
    {
        renderer.Write("<p class=\"markdown-alert-title\">");
        renderer.WriteEscape(titles.For(kind.ToString()));
        renderer.Write("</p>\n");
    }
}

/// <summary>The Norwegian titles of GitHub alerts ([!NOTE] → "Merk"), from the UI strings.</summary>
public sealed record AlertTitles(IReadOnlyDictionary<string, string> Titles)
{
    public string For(string kind) =>
        Titles.TryGetValue(kind.ToLowerInvariant(), out var title) ? title : kind;
}
