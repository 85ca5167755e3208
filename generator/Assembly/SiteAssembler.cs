using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;
using ForbedringsAbc.Text;

namespace ForbedringsAbc.Assembly;

/// <summary>
/// Runs once over all parsed pages (in path order): leaves out drafts unless asked for, gives
/// every page its route, finds duplicate URLs, builds sections and tags, and resolves the
/// cross-references between stories, methods and contacts.
/// </summary>
public sealed class SiteAssembler(SiteData data, DiagnosticBag diagnostics)
{
    /// <summary>Files the build writes itself; a content page may not take their place.</summary>
    public static readonly IReadOnlyList<string> ReservedOutputs =
        ["404.html", "sitemap.xml", "feed.xml", $"{SiteModel.TagFolder}/index.html", "sok/index.html"];

    public SiteModel Assemble(IReadOnlyList<ParsedPage> parsed, bool includeDrafts)
    {
        var drafts = parsed.Where(p => p.Meta.Draft && !includeDrafts).Select(p => p.Source.ContentPath).ToHashSet(StringComparer.Ordinal);
        // Each page's URL on its own (in parallel: a slug for every folder and file name), kept in path order.
        var candidates = parsed.Where(p => !drafts.Contains(p.Source.ContentPath)).ToList();
        var routes = new SitePage?[candidates.Count];
        Parallel.For(0, candidates.Count, i => routes[i] = HasUrl(candidates[i]) && RouteBuilder.Route(candidates[i]) is var page && FitsFileSystem(page) ? page : null);
        var pages = routes.OfType<SitePage>().ToList();
        var byContentPath = pages.ToDictionary(p => p.ContentPath, StringComparer.Ordinal);
        // The tags beside the sections and redirects: neither needs the other.
        var collectingTags = Task.Run(() => TagCollector.Collect(pages));
        var (allSections, allAliases) = (BuildSections(pages), BuildAliases(pages));
        var allTags = collectingTags.GetAwaiter().GetResult();
        var (kept, keptSections, keptAliases, owners) = ClaimOutputs(pages, allSections, allTags, allAliases);
        // Lists are made from the pages that kept their URL only: a page that lost it is never
        // rendered. When every page kept it (kept is then the same list), they are the lists above.
        var everyPageKept = kept.Count == pages.Count;
        pages = kept;
        var tags = everyPageKept ? allTags : TagCollector.Collect(pages);
        var sections = (everyPageKept ? allSections : BuildSections(pages)).Where(s => keptSections.Any(k => k.Folder == s.Folder)).ToList();
        // A set, not the list: a large site may have thousands of old addresses.
        var routed = pages.ToHashSet(ReferenceEqualityComparer.Instance);
        var aliases = keptAliases.Where(a => routed.Contains(a.Target)).ToList();
        var methods = BySlug(pages, PageKind.Method);
        var contacts = BySlug(pages, PageKind.Contact);
        var draftSlugs = parsed.Where(p => drafts.Contains(p.Source.ContentPath)).Select(p => RouteBuilder.Route(p).Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in data.PageReferences.Where(r => !byContentPath.ContainsKey(r.Value)))
        {
            diagnostics.Report(Rules.SiteData, reference.Span,
                $"Fant ingen side «{reference.Value}» i content/. Skriv stien til .md-filen fra content/, for eksempel faser/forsta.md.");
        }
        var refs = new CrossReferenceResolver(diagnostics, methods, contacts, draftSlugs);
        var (byMethod, byContact) = refs.Resolve(pages);
        return new SiteModel(data, pages, pages.FirstOrDefault(p => p.Kind == PageKind.Home), sections, tags, aliases,
            byContentPath, drafts, byMethod, byContact, methods, contacts) { OutputOwners = owners };
    }

    private bool HasUrl(ParsedPage page)
    {
        if (RouteBuilder.NameWithoutSlug(page) is not { } name) return true;
        diagnostics.Report(Rules.BadSlug, SourceSpan.WholeFile(page.Source.DisplayPath),
            $"Navnet «{name}» gir ingen nettadresse: det må ha minst én bokstav eller ett tall. Gi {(name.EndsWith('/') ? "mappen" : "filen")} et annet navn.");
        return false;
    }

    /// <summary>
    /// The longest folder name of a URL, in bytes: file systems allow 255, and servers, zip files
    /// and copies need room to spare. A longer one would fail the whole build when written.
    /// </summary>
    public const int MaxNameBytes = 120;

    private static bool TooLong(string outputPath) =>
        outputPath.Split('/').Any(name => System.Text.Encoding.UTF8.GetByteCount(name) > MaxNameBytes);

    private bool FitsFileSystem(SitePage page)
    {
        if (!TooLong(page.OutputPath)) return true;
        diagnostics.Report(Rules.BadSlug, page.Meta.SlugSpan ?? SourceSpan.WholeFile(page.Page.Source.DisplayPath),
            $"Nettadressen til siden blir for lang ({page.OutputPath.Length} tegn). Et navn i adressen kan ha høyst {MaxNameBytes} tegn: gi siden en kortere `slug` eller filen (eller mappen) et kortere navn.");
        return false;
    }

    private static List<SectionInfo> BuildSections(List<SitePage> pages)
    {
        var result = new List<SectionInfo>();
        foreach (var group in pages.Where(p => p.Page.Section.Length > 0).GroupBy(p => Slugifier.Slugify(p.Page.Section)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var index = group.FirstOrDefault(p => p.Kind == PageKind.Section);
            var members = group.Where(p => p.Kind != PageKind.Section).ToList();
            var kind = members.Count > 0 ? members[0].Kind : Parsing.PageKinds.KindOf(group.Key + "/x.md");
            result.Add(new SectionInfo(group.Key, kind, index, members));
        }
        return result;
    }

    private List<AliasInfo> BuildAliases(List<SitePage> pages)
    {
        var result = new List<AliasInfo>();
        foreach (var page in pages)
        {
            foreach (var alias in page.Meta.Aliases)
            {
                var output = RouteBuilder.AliasOutputPath(alias.Value);
                if (output is null)
                {
                    diagnostics.Report(Rules.BadSlug, alias.Span,
                        $"Den gamle adressen «{alias.Value}» i `aliases` er ikke en gyldig sti på nettstedet. Skriv stien uten domene, for eksempel: /metoder/gammel-side/.");
                    continue;
                }
                if (TooLong(output))
                {
                    diagnostics.Report(Rules.BadSlug, alias.Span,
                        $"Den gamle adressen i `aliases` er for lang: et navn i adressen kan ha høyst {MaxNameBytes} tegn. Kort den ned, eller fjern den.");
                    continue;
                }
                if (output == page.OutputPath)
                {
                    diagnostics.Report(Rules.BadSlug, alias.Span,
                        $"Den gamle adressen «{alias.Value}» er sidens egen adresse, så den ville sendt leseren i ring. Fjern den fra `aliases`.");
                    continue;
                }
                result.Add(new AliasInfo(output, page, alias.Span));
            }
        }
        return result;
    }

    /// <summary>
    /// Gives every output file one owner, in a fixed order: the files the site makes itself, the
    /// tag pages, the content pages (in path order), the generated section pages, the redirects.
    /// A later claim on a taken file is reported where the editor can change it, and left out; so
    /// is any claim in the search index's folder (written beside the last pages, so a file there
    /// would make the output depend on timing). Also returns the owners, for the files copied later.
    /// </summary>
    private (List<SitePage> Pages, List<SectionInfo> Sections, List<AliasInfo> Aliases, Dictionary<string, string> Owners) ClaimOutputs(
        List<SitePage> pages, List<SectionInfo> sections, IReadOnlyList<TagInfo> tags, List<AliasInfo> aliases)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var reserved in ReservedOutputs) owners[reserved] = "en side nettstedet lager selv";
        // Without content/_index.md the build makes the front page itself (from the site's title).
        if (!pages.Any(p => p.Kind == PageKind.Home)) owners["index.html"] = "forsiden, som nettstedet lager selv når content/_index.md mangler";
        foreach (var tag in tags)
        {
            owners[tag.OutputPath] = $"emnesiden for «{tag.Name}»";
            for (var n = 2; n <= tag.ListPages; n++)
            {
                owners.TryAdd(SiteModel.ListPagePath(tag.OutputPath, n), $"adressen som er satt av til side {n} av emnesiden for «{tag.Name}»");
            }
        }
        // A section's own first page may come from its _index.md; the pages after it are always made by the build.
        foreach (var section in sections)
        {
            for (var n = 2; n <= section.ListPages; n++) owners.TryAdd(SiteModel.ListPagePath(section.OutputPath, n), $"adressen som er satt av til side {n} av oversiktssiden for {section.Folder}/");
        }
        var keptPages = pages.Where(page => Claim(owners, page.OutputPath, page.Page.Source.DisplayPath, owner =>
            diagnostics.Report(Rules.DuplicateUrl, page.Meta.SlugSpan ?? new SourceSpan(page.Page.Source.DisplayPath, 1, 1),
                $"Siden får samme adresse ({page.PrettyPath}) som {owner}. Gi filen et annet navn, eller bruk `slug:`."))).ToList();
        var keptSections = sections.Where(section => section.Index is not null || Claim(owners, section.OutputPath, $"seksjonssiden for {section.Folder}/", owner =>
            diagnostics.Report(Rules.DuplicateUrl, SourceSpan.WholeFile(section.Pages[0].Page.Source.DisplayPath),
                $"Mappen {section.Folder}/ får en oversiktsside med samme adresse ({section.Folder}/) som {owner}. Gi mappen et annet navn."))).ToList();
        var keptAliases = aliases.Where(alias => Claim(owners, alias.OutputPath, alias.Target.Page.Source.DisplayPath, owner =>
            diagnostics.Report(Rules.DuplicateUrl, alias.Span,
                $"Den gamle adressen {alias.OutputPath.Replace("index.html", "")} er allerede i bruk av {owner}."))).ToList();
        return (keptPages, keptSections, keptAliases, owners);
    }

    /// <summary>What owns the search index's folder (no page, list, redirect or copied file may be written there), as messages name it.</summary>
    public const string SearchIndexOwner = "mappen søket bruker (" + Search.Format.IndexWriter.Folder + ")";

    /// <summary>Whether a file of the site would land in the search index's folder, which the build fills itself.</summary>
    public static bool InSearchIndexFolder(string output) => output.StartsWith(Search.Format.IndexWriter.Folder, StringComparison.OrdinalIgnoreCase);

    private static bool Claim(Dictionary<string, string> owners, string output, string owner, Action<string> reportTaken)
    {
        if (InSearchIndexFolder(output))
        {
            reportTaken(SearchIndexOwner);
            return false;
        }
        if (owners.TryGetValue(output, out var existing))
        {
            reportTaken(existing);
            return false;
        }
        owners[output] = owner;
        return true;
    }

    private static Dictionary<string, SitePage> BySlug(List<SitePage> pages, PageKind kind)
    {
        var result = new Dictionary<string, SitePage>(StringComparer.Ordinal);
        foreach (var page in pages.Where(p => p.Kind == kind))
        {
            result.TryAdd(page.Slug, page);
            result.TryAdd(Path.GetFileNameWithoutExtension(page.ContentPath), page);
        }
        return result;
    }
}
