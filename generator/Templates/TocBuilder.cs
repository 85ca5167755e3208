using ForbedringsAbc.Templates.Views;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using ForbedringsAbc.Rendering;

namespace ForbedringsAbc.Templates;

/// <summary>
/// A page's table of contents from its Markdown tree: every h2 with an id, each with the h3s
/// that follow it (an h3 before the first h2 stands on its own). The ids are the ones the
/// renderer writes, so every entry links to a heading that exists.
/// </summary>
public static class TocBuilder
{
    public static IReadOnlyList<TocEntryView> From(MarkdownDocument body)
    {
        var entries = new List<(string Id, string Title, List<TocEntryView> Children)>();
        foreach (var heading in body.Descendants<HeadingBlock>())
        {
            if (heading.Level is not (2 or 3) || heading.TryGetAttributes()?.Id is not { Length: > 0 } id) continue;
            var title = InlineText.Of(heading.Inline);
            if (title.Length == 0) continue;
            if (heading.Level == 3 && entries.Count > 0)
            {
                entries[^1].Children.Add(new TocEntryView(id, title, []));
            }
            else
            {
                entries.Add((id, title, []));
            }
        }
        return entries.Select(e => new TocEntryView(e.Id, e.Title, e.Children)).ToList();
    }
}
