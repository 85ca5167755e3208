using ForbedringsAbc.Model;
using ForbedringsAbc.Text;

namespace ForbedringsAbc.Assembly;

/// <summary>The orders pages are listed in; all of them total and culture-independent.</summary>
public static class PageOrder
{
    public static List<SitePage> NewestFirst(IEnumerable<SitePage> pages) =>
        pages.OrderByDescending(p => p.Meta.Published ?? DateOnly.MinValue)
            .ThenBy(p => p.Meta.Title, NorwegianComparer.Instance)
            .ThenBy(p => p.ContentPath, StringComparer.Ordinal)
            .ToList();

    public static List<SitePage> ByTitle(IEnumerable<SitePage> pages) =>
        pages.OrderBy(p => p.Meta.Title, NorwegianComparer.Instance)
            .ThenBy(p => p.ContentPath, StringComparer.Ordinal)
            .ToList();
}
