using ForbedringsAbc.Model;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Text;

namespace ForbedringsAbc.Assembly;

/// <summary>
/// Where each page is written: pretty URLs ("metoder/pdsa-sirkelen/index.html"), folders and
/// file names made into slugs (æ→ae, ø→o, å→a), <c>slug:</c> overriding the file name.
/// </summary>
public static class RouteBuilder
{
    public static SitePage Route(ParsedPage page)
    {
        var path = page.Source.ContentPath;
        var segments = path.Split('/');
        var folders = segments[..^1].Select(Slugifier.Slugify).ToArray();
        var stem = Path.GetFileNameWithoutExtension(segments[^1]);
        if (PageKinds.IsIndexFile(path))
        {
            var output = folders.Length == 0 ? "index.html" : $"{string.Join('/', folders)}/index.html";
            return new SitePage(page, output, folders.Length == 0 ? string.Empty : folders[^1]);
        }
        var slug = page.Meta.Slug ?? Slugifier.Slugify(stem);
        var prefix = folders.Length == 0 ? string.Empty : string.Join('/', folders) + "/";
        return new SitePage(page, $"{prefix}{slug}/index.html", slug);
    }

    /// <summary>The folder or file name that gives no URL (nothing left after making it a slug), or null.</summary>
    public static string? NameWithoutSlug(ParsedPage page)
    {
        var segments = page.Source.ContentPath.Split('/');
        foreach (var folder in segments[..^1])
        {
            if (Slugifier.Slugify(folder).Length == 0) return folder + "/";
        }
        var stem = Path.GetFileNameWithoutExtension(segments[^1]);
        return page.Meta.Slug is null && !PageKinds.IsIndexFile(page.Source.ContentPath) && Slugifier.Slugify(stem).Length == 0
            ? segments[^1]
            : null;
    }

    /// <summary>An alias as written ("/gammel/side/", "gammel/side.html") to its output file, or null if invalid.</summary>
    public static string? AliasOutputPath(string alias)
    {
        var trimmed = alias.Trim().TrimStart('/');
        if (trimmed.Length == 0 || UrlRules.IsExternal(trimmed) || trimmed.Contains('?') || trimmed.Contains('#')) return null;
        var segments = trimmed.TrimEnd('/').Split('/');
        if (segments.Any(s => s is "" or "." or ".." || s.Any(c => char.IsControl(c) || c == '\\'))) return null;
        var joined = string.Join('/', segments);
        return joined.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? joined : joined + "/index.html";
    }
}
