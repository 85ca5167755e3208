namespace ForbedringsAbc.Model;

/// <summary>A tag with its URL slug and the pages that carry it (sorted).</summary>
public sealed record TagInfo(string Name, string Slug, IReadOnlyList<SitePage> Pages)
{
    public string OutputPath => SiteModel.TagOutputPath(Slug);

    /// <summary>How many pages the tag's list takes (<see cref="SiteModel.ListPageCount"/>).</summary>
    public int ListPages => SiteModel.ListPageCount(Pages.Count);
}

/// <summary>A top-level folder of content/: its optional _index.md and its pages.</summary>
public sealed record SectionInfo(string Folder, PageKind Kind, SitePage? Index, IReadOnlyList<SitePage> Pages)
{
    public string OutputPath => $"{Folder}/index.html";

    /// <summary>The methods section shows its pages grouped by phase, on one page; other sections list them, a page of the list at a time.</summary>
    public bool GroupedByPhase => Kind == PageKind.Method;

    /// <summary>How many pages the section's list takes (<see cref="SiteModel.ListPageCount"/>).</summary>
    public int ListPages => GroupedByPhase ? 1 : SiteModel.ListPageCount(Pages.Count);
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

    /// <summary>
    /// Every page file the build writes (pages, lists, tag pages, redirects and the files the site
    /// makes itself), compared without regard to case, with what owns it in an editor's words: a
    /// file of content/ is not copied over one of them.
    /// </summary>
    public IReadOnlyDictionary<string, string> OutputOwners { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A fingerprint of everything list pages are sorted and grouped by: every page's URL, kind,
    /// title, dates, tags and cross-references, the tags, sections and redirects. When it is the
    /// same as an earlier build's, a finished page whose own inputs are unchanged is still right.
    /// </summary>
    public string ShapeKey => _shapeKey ??= ComputeShapeKey();

    private string? _shapeKey;

    private string ComputeShapeKey()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var p in Pages)
        {
            sb.Append(p.OutputPath).Append('\u0001').Append(p.Kind).Append('\u0001').Append(p.Meta.Title).Append('\u0001')
              .Append(p.Meta.Published).Append('\u0001').Append(p.Meta.Draft).Append('\u0001').AppendJoin(',', p.Meta.Tags).Append('\u0001');
            switch (p.Page.KindMeta)
            {
                case MethodMeta m: sb.Append(m.Phase); break;
                case StoryMeta s: sb.Append(s.Contact?.Value).Append('|').AppendJoin(',', s.Methods.Select(x => x.Value)); break;
                case ContactMeta c: sb.Append(c.Name).Append('|').Append(c.Role).Append('|').Append(c.Unit).Append('|').Append(c.Email).Append('|').Append(c.Phone); break;
            }
            sb.Append('\n');
        }
        foreach (var t in Tags) sb.Append(t.Slug).Append('=').Append(t.Name).Append(':').Append(t.Pages.Count).Append('\n');
        foreach (var s in Sections) sb.Append(s.Folder).Append('>').Append(s.Index?.OutputPath).Append('\n');
        foreach (var a in Aliases) sb.Append(a.OutputPath).Append('>').Append(a.Target.OutputPath).Append('\n');
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>
    /// The same site with one page object replaced by another for the same file and URL (the
    /// preview's one-page rebuild), everywhere it is listed. Lists that do not hold the page are
    /// kept as they are. Only for a replacement with the same shape (URL, kind, title, dates, tags,
    /// cross-references), so the shape key is carried over rather than computed again.
    /// </summary>
    public SiteModel Replace(SitePage old, SitePage replacement)
    {
        // One identity throughout: the old page object itself, never a page that merely equals it.
        bool Is(SitePage? p) => ReferenceEquals(p, old);
        SitePage Swap(SitePage p) => Is(p) ? replacement : p;
        IReadOnlyList<SitePage> SwapList(IReadOnlyList<SitePage> list) => list.Any(Is) ? list.Select(Swap).ToList() : list;
        Dictionary<string, T> SwapMap<T>(IReadOnlyDictionary<string, T> map, Func<T, T> swap) =>
            map.ToDictionary(e => e.Key, e => swap(e.Value), StringComparer.Ordinal);
        var model = new SiteModel(
            Data,
            SwapList(Pages),
            Home is null ? null : Swap(Home),
            Sections.Select(s => Is(s.Index) || s.Pages.Any(Is) ? s with { Index = s.Index is null ? null : Swap(s.Index), Pages = SwapList(s.Pages) } : s).ToList(),
            Tags.Select(t => t.Pages.Any(Is) ? t with { Pages = SwapList(t.Pages) } : t).ToList(),
            Aliases.Select(a => Is(a.Target) ? a with { Target = replacement } : a).ToList(),
            SwapMap(ByContentPath, Swap),
            DraftPaths,
            SwapMap(StoriesByMethod, SwapList),
            SwapMap(StoriesByContact, SwapList),
            SwapMap(MethodsBySlug, Swap),
            SwapMap(ContactsBySlug, Swap)) { OutputOwners = OutputOwners };
        model._shapeKey = _shapeKey;
        return model;
    }

    /// <summary>The page a link to a folder leads to: its _index.md page (the home page for content/ itself).</summary>
    public IReadOnlyDictionary<string, SitePage> FolderIndexes { get; } = BuildFolderIndexes(Pages, Home);

    private static Dictionary<string, SitePage> BuildFolderIndexes(IReadOnlyList<SitePage> pages, SitePage? home)
    {
        var result = new Dictionary<string, SitePage>(StringComparer.Ordinal);
        foreach (var page in pages.Where(p => p.Kind is PageKind.Section)) result[page.Page.Section] = page;
        if (home is not null) result[string.Empty] = home;
        return result;
    }

    public IEnumerable<SitePage> OfKind(PageKind kind) => Pages.Where(p => p.Kind == kind);

    public static string TagOutputPath(string slug) => $"{TagFolder}/{slug}/index.html";

    /// <summary>
    /// A list of pages (a section's, a tag's) shows this many at a time; the rest follow on pages
    /// 2, 3, … (a list of thousands on one page is megabytes to load and to read through).
    /// </summary>
    public const int ListPageSize = 50;

    public static int ListPageCount(int items) => Math.Max(1, (items + ListPageSize - 1) / ListPageSize);

    /// <summary>Page <paramref name="number"/> (from 1) of the list whose first page is <paramref name="firstPage"/>: historier/index.html, historier/side/2/index.html, ….</summary>
    public static string ListPagePath(string firstPage, int number) =>
        number == 1 ? firstPage : $"{firstPage[..^"index.html".Length]}side/{number}/index.html";
}
