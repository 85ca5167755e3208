namespace ForbedringsAbc.Model;

/// <summary>
/// The resolved URLs of one page: every URL written in its Markdown mapped to the URL to
/// output (relative to the page), and the site-relative paths of the files its front matter
/// names (lead image, film, captions), which layouts prefix with <c>root</c>.
/// </summary>
public sealed record PageLinks(
    IReadOnlyDictionary<string, string> BodyUrls,
    string? ImageUrl,
    string? VideoUrl,
    string? CaptionsUrl)
{
    /// <summary>The content paths the page's links and files were looked up as (see LinkResolver.DependencyState).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>What a page's links are left with once its body is written (<see cref="RenderedPage.ReleaseBody"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> NoBodyUrls = new Dictionary<string, string>();

    /// <summary>The URL the renderer writes for one written in the Markdown. Unknown or broken URLs become "#".</summary>
    public string Rewrite(string url) => BodyUrls.TryGetValue(url, out var resolved) ? resolved : "#";
}
