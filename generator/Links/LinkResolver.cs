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
    private readonly long _imageWarningBytes = site.Data.Config.ImageWarningKb * 1024L;

    /// <summary>The URL to write for <paramref name="url"/> on <paramref name="page"/>; null when it is broken (reported).</summary>
    /// <param name="targets">Receives every content path the URL was looked up as (for the preview's rebuild cache).</param>
    public string? Resolve(SitePage page, string url, SourceSpan span, LinkKind kind, ICollection<string>? targets = null)
    {
        if (!IsAllowed(url, span, kind)) return null;
        if (url.Length == 0 || UrlRules.IsExternal(url)) return url;
        if (url.StartsWith('#')) return CheckOwnAnchor(page, url, span);
        var (path, fragment) = SplitFragment(url);
        var target = ContentTarget(page, url, path, span);
        if (target is null) return null;
        targets?.Add(target);
        if (kind == LinkKind.Link && (target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith('/') || target.Length == 0))
        {
            return ResolvePage(page, url, target, fragment, span);
        }
        return FindFile(url, target, span, kind) ? UrlPaths.Relative(page.OutputPath, target) : null;
    }

    /// <summary>
    /// The site-relative path of a file the front matter names beside the page (<c>image.src</c>,
    /// <c>video.src</c>, <c>video.captions</c>); null when it is missing or not a file of the site (reported).
    /// </summary>
    public string? ResolveSitePath(SitePage page, Located<string> reference, LinkKind kind, ICollection<string>? targets = null)
    {
        var url = reference.Value;
        if (!IsAllowed(url, reference.Span, kind)) return null;
        var target = ContentTarget(page, url, SplitFragment(url).Path, reference.Span);
        if (target is not null) targets?.Add(target);
        return target is not null && FindFile(url, target, reference.Span, kind) ? UrlPaths.Escape(target) : null;
    }

    /// <summary>
    /// Everything about <paramref name="target"/> that resolving a link to it reads: whether it is a
    /// page (its URL and anchors), a draft, a section, or a file (its size). Equal states give
    /// equal results, so a page whose targets all keep their state need not be checked again.
    /// </summary>
    public string DependencyState(string target)
    {
        var page = FindPage(target);
        var anchors = page is null ? string.Empty : string.Join(',', AnchorsOf(page).Order(StringComparer.Ordinal));
        var asset = content.AssetSizes.TryGetValue(target, out var size) ? size : -1;
        return $"{page?.OutputPath}|{anchors}|{site.DraftPaths.Contains(target)}|{asset}|{GeneratedSection(target)?.OutputPath}";
    }

    private bool IsAllowed(string url, SourceSpan span, LinkKind kind)
    {
        if (UrlRules.IsUnsafe(url))
        {
            diagnostics.Report(Rules.UnsafeUrl, span,
                $"Adressen «{DiagnosticBag.Clip(url)}» er ikke tillatt: lenker og bilder kan ikke bruke javascript:, vbscript: eller data:.");
            return false;
        }
        if (kind != LinkKind.Link && UrlRules.IsExternal(url))
        {
            var what = kind == LinkKind.Image ? "Bildet" : "Filen";
            diagnostics.Report(Rules.OutsideImage, span,
                $"{what} «{DiagnosticBag.Clip(url)}» hentes fra et annet nettsted. Mange lesere har ikke tilgang til internett: lagre filen ved siden av siden (for eksempel i bilder/) og lenk til den.");
            return false;
        }
        if (kind != LinkKind.Link && (url.Length == 0 || url.StartsWith('#')))
        {
            diagnostics.Report(kind == LinkKind.Image ? Rules.MissingImage : Rules.BrokenLink, span, $"«{url}» er ikke en fil. Skriv stien til filen, for eksempel bilder/tavle.jpg.");
            return false;
        }
        return true;
    }

    /// <summary>The content path a relative reference names, or null (reported) when it leaves content/.</summary>
    private string? ContentTarget(SitePage page, string url, string path, SourceSpan span)
    {
        if (url.StartsWith('/'))
        {
            diagnostics.Report(Rules.LinkOutsideContent, span,
                $"Lenken «{url}» begynner med /. Lenk til filen relativt til denne siden, for eksempel ../metoder/pdsa.md.");
            return null;
        }
        var target = UrlPaths.Combine(page.ContentPath, Uri.UnescapeDataString(path));
        if (target is null) diagnostics.Report(Rules.LinkOutsideContent, span, $"Lenken «{url}» peker ut av content/-mappen.");
        return target;
    }

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
            .GroupBy(k => Path.GetFileNameWithoutExtension(k), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var nearest = EditDistance.Nearest(stem, siblings.Keys);
        return nearest is null ? null : siblings[nearest];
    }

    /// <summary>The content path of the page a link target is (a folder's is its _index.md); null for a file or nothing.</summary>
    public string? PageOf(string target) => FindPage(target)?.ContentPath;

    private SitePage? FindPage(string target)
    {
        if (site.ByContentPath.TryGetValue(target, out var page)) return page;
        var folder = target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? null : target.TrimEnd('/');
        if (folder is not null && site.FolderIndexes.TryGetValue(folder, out var section)) return section;
        return null;
    }

    private SectionInfo? GeneratedSection(string target)
    {
        var folder = target.TrimEnd('/');
        if (folder.EndsWith("/_index.md", StringComparison.Ordinal)) folder = folder[..^"/_index.md".Length];
        return site.Sections.FirstOrDefault(s => s.Index is null && s.Folder == folder);
    }

    private bool FindFile(string url, string target, SourceSpan span, LinkKind kind)
    {
        if (content.HasAsset(target))
        {
            if (kind == LinkKind.Image && content.AssetSizes[target] is var size && size > _imageWarningBytes)
            {
                diagnostics.Report(Rules.ImageTooLarge, span,
                    $"Bildet «{url}» er {size / 1024} KB, mye for en nettside (grensen er {_imageWarningBytes / 1024} KB). Lagre det mindre, for eksempel 1600 piksler bredt som JPEG.");
            }
            return true;
        }
        var (rule, what) = kind == LinkKind.Image ? (Rules.MissingImage, "Bildet") : (Rules.BrokenLink, "Filen");
        diagnostics.Report(rule, span, $"{what} «{url}» finnes ikke (ventet content/{target}). Sjekk stavemåten og at filen er lagt til.");
        return false;
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

    private static string RelativeContentPath(string from, string to)
    {
        var fromDir = from.Contains('/') ? from[..from.LastIndexOf('/')] : "";
        return Path.GetRelativePath("/" + fromDir, "/" + to).Replace('\\', '/');
    }
}

/// <summary>What a URL in content is used for: a link to follow, or a file the page shows (image, film, captions).</summary>
public enum LinkKind
{
    Link,
    Image,
    Media,
}
