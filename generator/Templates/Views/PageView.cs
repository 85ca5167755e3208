namespace ForbedringsAbc.Templates.Views;

/// <summary>
/// Everything a layout may show about one page. Kind-specific parts are null (or empty) on
/// pages of other kinds, so one layout can test for them.
/// </summary>
public sealed record PageView
{
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required HtmlString Summary { get; init; }
    public required HtmlString Content { get; init; }

    /// <summary>How much of <see cref="Content"/> comes before its first h2 (<see cref="Intro"/>).</summary>
    public int IntroLength { private get; init; }

    /// <summary>
    /// <see cref="Content"/> in two parts: what comes before the first h2, and the rest from it.
    /// Cut only when a layout asks (the guide's does, twice each), not copied for every page.
    /// </summary>
    public HtmlString Intro => field ??= Cut == 0 ? HtmlString.Empty : new(Content.Html[..Cut]);

    public HtmlString Sections => field ??= Cut == Content.Html.Length ? HtmlString.Empty : new(Content.Html[Cut..]);

    private int Cut => Math.Min(IntroLength, Content.Html.Length);
    public required string Path { get; init; }
    public DateView? Published { get; init; }
    public DateView? Updated { get; init; }
    public DateView? Reviewed { get; init; }
    public string? Owner { get; init; }
    public IReadOnlyList<TagView> Tags { get; init; } = [];
    public FigureView? Image { get; init; }
    public IReadOnlyList<CrumbView> Breadcrumbs { get; init; } = [];

    /// <summary>A draft, built only for preview (--drafts, serve): layouts show an "UTKAST" banner.</summary>
    public bool Draft { get; init; }

    /// <summary>The body's h2 headings (with their h3s), for the in-page table of contents.</summary>
    public IReadOnlyList<TocEntryView> Toc { get; init; } = [];

    /// <summary>The improvement cycle figure: home, the methods section, and (with their phase marked) methods and phase pages.</summary>
    public CycleView? Cycle { get; init; }

    // method
    public PhaseView? Phase { get; init; }
    public IReadOnlyList<LinkView> Stories { get; init; } = [];
    public IReadOnlyList<LinkView> Related { get; init; } = [];

    // story
    public string? Unit { get; init; }
    public ContactCardView? Contact { get; init; }
    public IReadOnlyList<LinkView> Methods { get; init; } = [];

    // guide
    public VideoView? Video { get; init; }
    public IReadOnlyList<ChapterView> Chapters { get; init; } = [];
    public IReadOnlyList<QuestionView> Questions { get; init; } = [];
    public string? Event { get; init; }
    public IReadOnlyList<ResourceView> Resources { get; init; } = [];

    // contact
    public ContactCardView? Person { get; init; }

    // lists: home, sections, tags
    public IReadOnlyList<LinkView> Items { get; init; } = [];
    public IReadOnlyList<GroupView> Groups { get; init; } = [];
    public IReadOnlyList<TagView> AllTags { get; init; } = [];
    public IReadOnlyList<PhaseView> Phases { get; init; } = [];

    /// <summary>On a list that takes more than one page: which page this is, and the way to the others; null otherwise.</summary>
    public PagerView? Pager { get; init; }

    // search page
    public SearchFormView? Search { get; init; }
}
