namespace ForbedringsAbc.Model;

/// <summary>
/// The resolved URLs of one page: every URL written in its Markdown mapped to the URL to
/// output, and the URLs of the files its front matter names (lead image, film, captions).
/// </summary>
public sealed record PageLinks(
    IReadOnlyDictionary<string, string> BodyUrls,
    string? ImageUrl,
    string? VideoUrl,
    string? CaptionsUrl)
{
    /// <summary>The URL the renderer writes for one written in the Markdown. Unknown or broken URLs become "#".</summary>
    public string Rewrite(string url) => BodyUrls.TryGetValue(url, out var resolved) ? resolved : "#";
}
