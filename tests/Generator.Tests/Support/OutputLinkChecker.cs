using AngleSharp.Html.Parser;

namespace ForbedringsAbc.Tests.Support;

/// <summary>
/// Reads every HTML page of a built site with AngleSharp and follows every internal link and
/// resource the way a browser opening the files from disk (file://) does: a URL must name an
/// existing file (a folder is not enough), and an #anchor must be an id on the target page.
/// Also reports an id that occurs twice on one page, and any resource fetched from outside the site.
/// </summary>
public static class OutputLinkChecker
{
    private static readonly string[] Attributes = ["href", "src"];

    /// <param name="basePath">The base URL's path ("/kvalitet/abc/"): 404.html, which is served at any depth,
    /// may use it for root-relative links; they are checked as files under the site.</param>
    public static IReadOnlyList<string> BrokenLinks(string siteDir, string? basePath = null)
    {
        var parser = new HtmlParser();
        var idsCache = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(siteDir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
            idsCache[file] = ids.ToHashSet(StringComparer.Ordinal);
            foreach (var twice in ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add($"{Path.GetRelativePath(siteDir, file)}: id=\"{twice.Key}\" occurs {twice.Count()} times");
            }
            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                foreach (var attribute in Attributes)
                {
                    var url = element.GetAttribute(attribute);
                    if (url is null) continue;
                    if (IsExternal(url))
                    {
                        if (IsEmbedded(element, attribute) && !url.StartsWith("data:", StringComparison.Ordinal)) problems.Add($"{Path.GetRelativePath(siteDir, file)}: {element.LocalName} {attribute}=\"{url}\": a resource from outside the site");
                        continue;
                    }
                    var rootRelative = basePath is not null && Path.GetFileName(file) == "404.html" && url.StartsWith(basePath, StringComparison.Ordinal);
                    var problem = rootRelative
                        ? Check(siteDir, Path.Combine(siteDir, "404.html"), url[basePath!.Length..], parser, idsCache)
                        : Check(siteDir, file, url, parser, idsCache);
                    if (problem is not null) problems.Add($"{Path.GetRelativePath(siteDir, file)}: {element.LocalName} {attribute}=\"{url}\": {problem}");
                }
            }
        }
        return problems;
    }

    private static string? Check(string siteDir, string file, string url, HtmlParser parser, Dictionary<string, HashSet<string>> ids)
    {
        if (url.Length == 0) return "empty URL";
        var hash = url.IndexOf('#');
        var path = hash < 0 ? url : url[..hash];
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        if (path.StartsWith('/')) return "root-relative URL (breaks under a sub-path and on disk)";
        var target = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
        if (!target.StartsWith(Path.GetFullPath(siteDir), StringComparison.Ordinal)) return "leads outside the site";
        if (!File.Exists(target)) return Directory.Exists(target) ? "names a folder, which does not open from disk" : "no such file";
        if (fragment is null || fragment.Length == 0 || !target.EndsWith(".html", StringComparison.Ordinal)) return null;
        if (!ids.TryGetValue(target, out var targetIds))
        {
            targetIds = parser.ParseDocument(File.ReadAllText(target)).QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
            ids[target] = targetIds;
        }
        return targetIds.Contains(fragment) ? null : $"no element with id \"{fragment}\"";
    }

    /// <summary>Whether the browser fetches the URL by itself (an image, script, stylesheet, film), not on a click.</summary>
    private static bool IsEmbedded(AngleSharp.Dom.IElement element, string attribute) =>
        attribute == "src" || (element.LocalName == "link" && element.GetAttribute("rel") is "stylesheet" or "icon" or "preload");

    private static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) || (url.IndexOf(':') is var colon and > 0 && url[..colon].All(char.IsAsciiLetter));
}
