namespace ForbedringsAbc.DevServer;

/// <summary>How a request path maps to a file of the built site, the way a static server does it.</summary>
public static class PreviewPaths
{
    /// <summary>No "." or ".." segments, backslashes or control characters: never a way out of the site.</summary>
    public static bool IsSafe(string path) =>
        !path.Split('/').Any(s => s is "." or "..") && !path.Contains('\\') && !path.Any(char.IsControl);

    /// <summary>
    /// The output file for a path ("/x/" → "x/index.html"), or a redirect to add the missing slash
    /// ("/x" → "/x/"), as nginx and IIS do for folders.
    /// </summary>
    public static (string? Key, string? Redirect) Lookup(string path, IReadOnlyDictionary<string, PreviewFile> files)
    {
        var relative = path.TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/')) return (relative + "index.html", null);
        if (files.ContainsKey(relative)) return (relative, null);
        return files.ContainsKey(relative + "/index.html") ? (null, path + "/") : (null, null);
    }
}

/// <summary>Content types of the files a site has.</summary>
public static class ContentTypes
{
    public static string For(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".xml" => "application/xml",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".mp4" => "video/mp4",
        ".webm" => "video/webm",
        ".vtt" => "text/vtt; charset=utf-8",
        ".pdf" => "application/pdf",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
