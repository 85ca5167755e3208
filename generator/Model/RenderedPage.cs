namespace ForbedringsAbc.Model;

/// <summary>
/// A page's Markdown rendered to HTML fragments: the body, and the summary (inline only).
/// <see cref="IntroLength"/>: how much of the body comes before its first h2 (all of it if none).
/// </summary>
public sealed record RenderedPage(SitePage Site, PageLinks Links, string BodyHtml, string SummaryHtml, int IntroLength)
{
    /// <summary>The body; empty once <see cref="ReleaseBody"/> is called.</summary>
    public string BodyHtml { get; private set; } = BodyHtml;

    /// <summary>The page's links and files; once <see cref="ReleaseBody"/> is called, without the body's links.</summary>
    public PageLinks Links { get; private set; } = Links;

    /// <summary>
    /// Lets the body go once the page is written, in a build that keeps nothing for a next one:
    /// no other page shows it, and holding every body until the end is most of the memory a large
    /// site's templates stage needs. With it go the body's links (what the renderer wrote for each
    /// URL) and, unless <paramref name="keepToc"/> (a section's later list pages show its index
    /// page's table of contents), the table of contents: ~1.5 KB a page, kept to the end before.
    /// </summary>
    public void ReleaseBody(bool keepToc)
    {
        BodyHtml = string.Empty;
        if (!keepToc) _toc = [];
        Links = Links with { BodyUrls = PageLinks.NoBodyUrls };
    }

    private IReadOnlyList<Templates.Views.TocEntryView> _toc = [];

    /// <summary>The body's h2 and h3 headings, for the in-page table of contents.</summary>
    public IReadOnlyList<Templates.Views.TocEntryView> Toc { get => _toc; init => _toc = value; }
}
