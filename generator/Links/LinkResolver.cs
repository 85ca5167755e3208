using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Model;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Text;

namespace ForbedringsAbc.Links;

/// <summary>
/// Resolves what editors write (relative links to .md files with optional #anchor, image
/// paths relative to the page) to relative URLs of the output, and reports every link,
/// anchor or file that leads nowhere.
/// </summary>
public sealed class LinkResolver(SiteModel site, ContentSet content, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, SitePage> _sectionIndexes = BuildSectionIndexes(site);

    /// <summary>The URL to write for <paramref name="url"/> on <paramref name="page"/>; null when it is broken (reported).</summary>
    public string? Resolve(SitePage page, string url, SourceSpan span, bool isImage)
    {
        if (UrlRules.IsUnsafe(url))
        {
            diagnostics.Report(Rules.UnsafeUrl, span,
                $"Adressen «{Shorten(url)}» er ikke tillatt: lenker og bilder kan ikke bruke javascript:, vbscript: eller data:.");
            return null;
        }
        if (isImage && UrlRules.IsExternal(url))
        {
            diagnostics.Report(Rules.OutsideImage, span,
                $"Bildet «{Shorten(url)}» hentes fra et annet nettsted. Mange lesere har ikke tilgang til internett: lagre bildet i en bilder/-mappe ved siden av siden og lenk til filen.");
            return null;
        }
        if (url.Length == 0 || UrlRules.IsExternal(url)) return url;
        if (url.StartsWith('#')) return CheckOwnAnchor(page, url, span);
        if (url.StartsWith('/'))
        {
            diagnostics.Report(Rules.LinkOutsideContent, span,
                $"Lenken «{url}» begynner med /. Lenk til filen relativt til denne siden, for eksempel ../metoder/pdsa.md.");
            return null;
        }
        var (path, fragment) = SplitFragment(url);
        var decoded = Uri.UnescapeDataString(path);
        var target = UrlPaths.Combine(page.ContentPath, decoded);
        if (target is null)
        {
            diagnostics.Report(Rules.LinkOutsideContent, span, $"Lenken «{url}» peker ut av content/-mappen.");
            return null;
        }
        return target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith('/') || target.Length == 0
            ? ResolvePage(page, url, target, fragment, span)
            : ResolveFile(page, url, target, span, isImage);
    }

    /// <summary>The URL of a file beside a page (front matter <c>image.src</c>, <c>video.src</c>), reported if missing.</summary>
    public string? ResolveFile(SitePage page, Located<string> reference, bool isImage) =>
        Resolve(page, reference.Value, reference.Span, isImage);

    private string? ResolvePage(SitePage page, string url, string target, string? fragment, SourceSpan span)
    {
        var found = FindPage(target);
        if (found is null && fragment is null && GeneratedSection(target) is { } section)
        {
            return UrlPaths.Relative(page.OutputPath, section.OutputPath);
        }
        if (found is null)
        {
            if (site.DraftPaths.Contains(target))
            {
                diagnostics.Report(Rules.LinkToDraft, span,
                    $"Lenken «{url}» går til et utkast (draft: true) som ikke kommer med på nettstedet.");
                return null;
            }
            var nearest = NearestPage(target);
            var hint = nearest is null ? string.Empty : $" Mente du {RelativeContentPath(page.ContentPath, nearest)}?";
            diagnostics.Report(Rules.BrokenLink, span, $"Lenken «{url}» går til en side som ikke finnes ({target}).{hint}");
            return null;
        }
        if (fragment is not null && !AnchorsOf(found).Contains(fragment))
        {
            ReportAnchor(found, fragment, url, span);
            return null;
        }
        var resolved = UrlPaths.Relative(page.OutputPath, found.OutputPath);
        return fragment is null ? resolved : $"{resolved}#{fragment}";
    }

    /// <summary>A page in the same folder whose file name is a likely misspelling of the target's.</summary>
    private string? NearestPage(string target)
    {
        var folder = target.Contains('/') ? target[..target.LastIndexOf('/')] : string.Empty;
        var stem = Path.GetFileNameWithoutExtension(target);
        var siblings = site.ByContentPath.Keys
            .Where(k => (k.Contains('/') ? k[..k.LastIndexOf('/')] : string.Empty) == folder)
            .ToDictionary(k => Path.GetFileNameWithoutExtension(k), k => k, StringComparer.Ordinal);
        var nearest = EditDistance.Nearest(stem, siblings.Keys);
        return nearest is null ? null : siblings[nearest];
    }

    private SitePage? FindPage(string target)
    {
        if (site.ByContentPath.TryGetValue(target, out var page)) return page;
        var folder = target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? null : target.TrimEnd('/');
        if (folder is not null && _sectionIndexes.TryGetValue(folder, out var section)) return section;
        return null;
    }

    private SectionInfo? GeneratedSection(string target)
    {
        var folder = target.TrimEnd('/');
        if (folder.EndsWith("/_index.md", StringComparison.Ordinal)) folder = folder[..^"/_index.md".Length];
        return site.Sections.FirstOrDefault(s => s.Index is null && s.Folder == folder);
    }

    private string? ResolveFile(SitePage page, string url, string target, SourceSpan span, bool isImage)
    {
        if (content.HasAsset(target)) return UrlPaths.Relative(page.OutputPath, target);
        var (rule, what) = isImage ? (Rules.MissingImage, "Bildet") : (Rules.BrokenLink, "Filen");
        diagnostics.Report(rule, span, $"{what} «{url}» finnes ikke (ventet content/{target}). Sjekk stavemåten og at filen er lagt til.");
        return null;
    }

    private string CheckOwnAnchor(SitePage page, string url, SourceSpan span)
    {
        var fragment = Uri.UnescapeDataString(url[1..]);
        if (!AnchorsOf(page).Contains(fragment)) ReportAnchor(page, fragment, url, span);
        return url;
    }

    private void ReportAnchor(SitePage target, string fragment, string url, SourceSpan span)
    {
        var anchors = AnchorsOf(target);
        var nearest = EditDistance.Nearest(fragment, anchors);
        var hint = nearest is null
            ? anchors.Count == 0 ? " Siden har ingen overskrifter å lenke til." : $" Overskriftene der har: {string.Join(", ", anchors.Order(StringComparer.Ordinal).Take(8).Select(a => "#" + a))}."
            : $" Mente du #{nearest}?";
        diagnostics.Report(Rules.BrokenAnchor, span, $"Lenken «{url}» går til #{fragment}, men det finnes ingen slik overskrift på {target.Page.Source.ContentPath}.{hint}");
    }

    /// <summary>The ids a link may point at: the page's headings, and the anchors its layout adds.</summary>
    public static IReadOnlySet<string> AnchorsOf(SitePage page)
    {
        if (page.Page.KindMeta is not GuideMeta guide) return page.Page.HeadingIds;
        var anchors = new HashSet<string>(page.Page.HeadingIds, StringComparer.Ordinal);
        for (var i = 1; i <= guide.Questions.Count; i++) anchors.Add(GeneratedAnchors.Question(i));
        for (var i = 1; i <= guide.Chapters.Count; i++) anchors.Add(GeneratedAnchors.Chapter(i));
        return anchors;
    }

    private static (string Path, string? Fragment) SplitFragment(string url)
    {
        var query = url.IndexOf('?');
        if (query >= 0) url = url[..query] + (url.IndexOf('#', query) is var h and >= 0 ? url[h..] : "");
        var hash = url.IndexOf('#');
        return hash < 0 ? (url, null) : (url[..hash], Uri.UnescapeDataString(url[(hash + 1)..]));
    }

    private static Dictionary<string, SitePage> BuildSectionIndexes(SiteModel site)
    {
        var result = new Dictionary<string, SitePage>(StringComparer.Ordinal);
        foreach (var page in site.Pages.Where(p => p.Kind is PageKind.Section))
        {
            result[page.Page.Section] = page;
        }
        if (site.Home is not null) result[string.Empty] = site.Home;
        return result;
    }

    private static string RelativeContentPath(string from, string to)
    {
        var fromDir = from.Contains('/') ? from[..from.LastIndexOf('/')] : "";
        return Path.GetRelativePath("/" + fromDir, "/" + to).Replace('\\', '/');
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

/// <summary>Ids the page layouts give to parts of a page that do not come from headings.</summary>
public static class GeneratedAnchors
{
    public static string Question(int number) => $"sporsmal-{number}";

    public static string Chapter(int number) => $"kapittel-{number}";
}
