namespace ForbedringsAbc.Templates.Views;

// View models: what templates see. Plain records with final, site-relative paths (templates
// prefix them with `root`) and already formatted dates; no internal types leak into templates.

public sealed record DateView(string Iso, string Text);

public sealed record LinkView(string Title, string Path, HtmlString Summary, DateView? Published, string Kind, string KindLabel);

public sealed record TagView(string Name, string Path, int Count);

public sealed record CrumbView(string Title, string Path);

public sealed record NavItemView(string Title, string Path, bool Current);

/// <summary>A lead image; <c>Url</c> is site-relative (layouts prefix it with <c>root</c>).</summary>
public sealed record FigureView(string Url, string Alt, string? Caption, string? Credit);

public sealed record GroupView(string Id, string Title, HtmlString Summary, string? Path, IReadOnlyList<LinkView> Items);

public sealed record SiteView(string Title, string Description, string Organisation, IReadOnlyList<NavItemView> Nav, bool HasFeed, string? AboutPath, string? AccessibilityPath);
