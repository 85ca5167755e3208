namespace ForbedringsAbc.Model;

/// <summary>
/// A page's Markdown rendered to HTML fragments: the body, and the summary (inline only).
/// <see cref="IntroLength"/>: how much of the body comes before its first h2 (all of it if none).
/// </summary>
public sealed record RenderedPage(SitePage Site, PageLinks Links, string BodyHtml, string SummaryHtml, int IntroLength)
{
    /// <summary>The body's h2 and h3 headings, for the in-page table of contents.</summary>
    public IReadOnlyList<Templates.Views.TocEntryView> Toc { get; init; } = [];
}
