namespace ForbedringsAbc.Templates.Views;

/// <summary>
/// One entry of a page's table of contents: a heading of the rendered body (h2, with its h3s as
/// <see cref="Children"/>), its id and its text without markup.
/// </summary>
public sealed record TocEntryView(string Id, string Title, IReadOnlyList<TocEntryView> Children);
