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

/// <summary>
/// Where a page of a long list is among the list's pages: its number, how many, the pages before
/// and after, and the page numbers to link to (the first, the last, and two on each side of this
/// one; a number 0 marks a gap between them).
/// </summary>
public sealed record PagerView(int Current, int Total, string? Previous, string? Next, IReadOnlyList<PagerLinkView> Pages)
{
    /// <summary>Page <paramref name="current"/> of <paramref name="total"/> of the list whose first page is <paramref name="firstPage"/>; null when the list fits on one page.</summary>
    public static PagerView? For(string firstPage, int current, int total)
    {
        if (total < 2) return null;
        string PathOf(int n) => Model.SiteModel.ListPagePath(firstPage, n);
        var shown = new SortedSet<int> { 1, total };
        for (var n = Math.Max(1, current - 2); n <= Math.Min(total, current + 2); n++) shown.Add(n);
        var links = new List<PagerLinkView>();
        var previous = 0;
        foreach (var n in shown)
        {
            // A gap of one page shows that page; a longer one is "…".
            if (n == previous + 2) links.Add(new PagerLinkView(previous + 1, PathOf(previous + 1), false));
            else if (n > previous + 2) links.Add(new PagerLinkView(0, string.Empty, false));
            links.Add(new PagerLinkView(n, PathOf(n), n == current));
            previous = n;
        }
        return new PagerView(current, total, current > 1 ? PathOf(current - 1) : null, current < total ? PathOf(current + 1) : null, links);
    }
}

/// <summary>One page number in a <see cref="PagerView"/>: 0 (and no path) for a gap.</summary>
public sealed record PagerLinkView(int Number, string Path, bool Current);
