namespace ForbedringsAbc.Links;

/// <summary>
/// Relative URLs between output files. Every internal URL in the site is relative and names
/// index.html explicitly, so the site works at a server's root, under a sub-path and from disk.
/// </summary>
public static class UrlPaths
{
    /// <summary>"../" once for every folder above <paramref name="fromOutputPath"/> ("" at the root).</summary>
    public static string RootPrefix(string fromOutputPath)
    {
        var depth = fromOutputPath.Count(c => c == '/');
        return depth == 0 ? string.Empty : string.Concat(Enumerable.Repeat("../", depth));
    }

    public static string Relative(string fromOutputPath, string toOutputPath) =>
        RootPrefix(fromOutputPath) + Escape(toOutputPath);

    /// <summary>Percent-encodes each segment of a path (spaces, æøå in file names).</summary>
    public static string Escape(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>
    /// Joins a relative reference to the folder of a content file and removes "." and "..";
    /// null if it climbs above content/.
    /// </summary>
    public static string? Combine(string fromContentPath, string relative)
    {
        var slash = fromContentPath.LastIndexOf('/');
        var parts = new List<string>(slash < 0 ? [] : fromContentPath[..slash].Split('/'));
        foreach (var segment in relative.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0) return null;
                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(segment);
                    break;
            }
        }
        return string.Join('/', parts);
    }
}
