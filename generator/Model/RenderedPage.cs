namespace ForbedringsAbc.Model;

/// <summary>
/// A page's Markdown rendered to HTML fragments: the body, and the summary (inline only).
/// <see cref="IntroLength"/>: how much of the body comes before its first h2 (all of it if none).
/// </summary>
public sealed record RenderedPage(SitePage Site, PageLinks Links, string BodyHtml, string SummaryHtml, int IntroLength)
{
    /// <summary>The body; empty once <see cref="ReleaseBody"/> is called.</summary>
    public string BodyHtml { get; private set; } = BodyHtml;

    /// <summary>
    /// Lets the body go once the page is written, in a build that keeps nothing for a next one:
    /// no other page shows it, and holding every body until the end is most of the memory a large
    /// site's templates stage needs.
    /// </summary>
    public void ReleaseBody() => BodyHtml = string.Empty;

    /// <summary>The body's h2 and h3 headings, for the in-page table of contents.</summary>
    public IReadOnlyList<Templates.Views.TocEntryView> Toc { get; init; } = [];
}
