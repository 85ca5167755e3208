namespace ForbedringsAbc.Model;

/// <summary>A tag with its URL slug and the pages that carry it (sorted).</summary>
public sealed record TagInfo(string Name, string Slug, IReadOnlyList<SitePage> Pages);

/// <summary>A top-level folder of content/: its optional _index.md and its pages.</summary>
public sealed record SectionInfo(string Folder, PageKind Kind, SitePage? Index, IReadOnlyList<SitePage> Pages)
{
    public string OutputPath => $"{Folder}/index.html";
}

/// <summary>An old URL that redirects to a page.</summary>
public sealed record AliasInfo(string OutputPath, SitePage Target, Diagnostics.SourceSpan Span);

/// <summary>
/// The assembled site: every published page with its route, the collections built from them,
/// and the cross-references between pages. Every list is in a deterministic order.
/// </summary>
public sealed record SiteModel(
    SiteData Data,
    IReadOnlyList<SitePage> Pages,
    SitePage? Home,
    IReadOnlyList<SectionInfo> Sections,
    IReadOnlyList<TagInfo> Tags,
    IReadOnlyList<AliasInfo> Aliases,
    IReadOnlyDictionary<string, SitePage> ByContentPath,
    IReadOnlySet<string> DraftPaths,
    IReadOnlyDictionary<string, IReadOnlyList<SitePage>> StoriesByMethod,
    IReadOnlyDictionary<string, IReadOnlyList<SitePage>> StoriesByContact,
    IReadOnlyDictionary<string, SitePage> MethodsBySlug,
    IReadOnlyDictionary<string, SitePage> ContactsBySlug)
{
    public const string TagFolder = "emner";

    public IEnumerable<SitePage> OfKind(PageKind kind) => Pages.Where(p => p.Kind == kind);

    public static string TagOutputPath(string slug) => $"{TagFolder}/{slug}/index.html";
}
