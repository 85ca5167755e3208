namespace ForbedringsAbc.Model;

/// <summary>
/// A page with its place in the site: the output file ("metoder/pdsa/index.html") and the
/// slug other pages use to name it (a story's <c>contact:</c> and <c>methods:</c>).
/// </summary>
public sealed record SitePage(ParsedPage Page, string OutputPath, string Slug)
{
    public PageKind Kind => Page.Kind;

    /// <summary>A page is an identity, not a value: two pages are the same only if they are one object.</summary>
    public bool Equals(SitePage? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public CommonMeta Meta => Page.Meta;

    public string ContentPath => Page.Source.ContentPath;

    /// <summary>The URL path readers see on a server ("metoder/pdsa/"; "" for the home page).</summary>
    public string PrettyPath => OutputPath.EndsWith("index.html", StringComparison.Ordinal)
        ? OutputPath[..^"index.html".Length]
        : OutputPath;
}
