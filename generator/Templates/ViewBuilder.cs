using ForbedringsAbc.Assembly;
using ForbedringsAbc.Links;
using ForbedringsAbc.Model;
using ForbedringsAbc.Output;
using ForbedringsAbc.Templates.Views;
using ForbedringsAbc.Text;

namespace ForbedringsAbc.Templates;

/// <summary>
/// Builds the view models templates see, from the assembled site and the rendered pages.
/// Paths in views are site-relative output paths; layouts prefix them with <c>root</c>.
/// </summary>
public sealed class ViewBuilder(SiteModel site, IReadOnlyDictionary<string, RenderedPage> rendered, UiStrings strings)
{
    public static readonly IReadOnlyList<string> NavFolders = ["metoder", "historier", "refleksjon", "kontakt"];

    public SiteView Site(string currentSection, bool hasFeed) =>
        new(site.Data.Config.Title, site.Data.Config.Description, site.Data.Config.Organisation,
            NavFolders.Where(f => site.Sections.Any(s => s.Folder == f))
                .Select(f => new NavItemView(strings.Get($"nav.{f}"), $"{f}/index.html", f == currentSection))
                .ToList(),
            hasFeed,
            PathOfContent(site.Data.Config.AboutPage),
            PathOfContent(site.Data.Config.AccessibilityPage));

    private string? PathOfContent(string? contentPath) =>
        contentPath is not null && site.ByContentPath.TryGetValue(contentPath, out var page) ? page.OutputPath : null;

    private readonly AsyncLocal<List<object>?> _touched = new();

    /// <summary>Starts recording what the views built on this thread are made from (for the rebuild cache).</summary>
    public void BeginTracking() => _touched.Value = [];

    /// <summary>What the views built on this thread so far were made from.</summary>
    public IReadOnlyList<object> Touched => _touched.Value ?? [];

    /// <summary>The objects the views built since <see cref="BeginTracking"/> were made from, in order.</summary>
    public IReadOnlyList<object> EndTracking()
    {
        var touched = _touched.Value ?? [];
        _touched.Value = null;
        return touched;
    }

    /// <summary>
    /// Reads a page's rendering, noting what a view made from it depends on. A list shows a page's
    /// URL and summary (its title, dates and tags are in <see cref="SiteModel.ShapeKey"/>); the page
    /// itself also shows its body and everything in its front matter.
    /// </summary>
    private RenderedPage Read(SitePage page, bool body = false)
    {
        var r = body && RenderBody is { } render
            ? _bodies.GetOrAdd(page.ContentPath, _ => new Lazy<RenderedPage>(() => render(page))).Value
            : rendered[page.ContentPath];
        if (_touched.Value is { } touched)
        {
            touched.Add(page.OutputPath);
            touched.Add(r.SummaryHtml);
            if (body)
            {
                touched.Add(page.Page);
                touched.Add(r.BodyHtml);
                touched.Add(r.Links);
            }
        }
        return r;
    }

    /// <summary>
    /// Renders a page's Markdown when a view first needs its body, once (a section's later list
    /// pages show its index page's title and table of contents); null when every page's Markdown
    /// was rendered before the templates (see <see cref="Pipeline.PreparedSite.BodiesWhenWritten"/>).
    /// </summary>
    public Func<SitePage, RenderedPage>? RenderBody { get; init; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<RenderedPage>> _bodies = new(StringComparer.Ordinal);

    /// <summary>A page's rendering: the whole of it once its body is rendered, else what was rendered before the templates.</summary>
    public RenderedPage RenderedOf(SitePage page) =>
        _bodies.TryGetValue(page.ContentPath, out var body) ? body.Value : rendered[page.ContentPath];

    /// <summary>
    /// Renders the Markdown of every page no view has needed the body of yet (with <see cref="RenderBody"/>),
    /// but those <paramref name="skip"/> says a build has without rendering (from the page cache).
    /// </summary>
    public void RenderRemainingBodies(Func<SitePage, bool>? skip = null)
    {
        if (RenderBody is null) return;
        foreach (var page in site.Pages)
        {
            if (skip is null || !skip(page)) Read(page, body: true);
        }
    }

    /// <summary>Lets a content page's rendered body go once its page is written (see <see cref="RenderedPage.ReleaseBody"/>).</summary>
    public void ReleaseBody(SitePage page) => RenderedOf(page).ReleaseBody(keepToc: page.Kind == PageKind.Section);

    public PageView Page(SitePage page)
    {
        var r = Read(page, body: true);
        var view = Base(page, r);
        return page.Page.KindMeta switch
        {
            MethodMeta m => view with { Phase = PhaseOf(m.Phase, current: true), Cycle = Cycle(m.Phase), Stories = StoriesFor(site.StoriesByMethod, page), Related = RelatedMethods(page, m) },
            StoryMeta s => view with { Unit = s.Unit, Contact = ContactFor(s), Methods = MethodsFor(s) },
            GuideMeta g => GuideView(view, g, page, r),
            ContactMeta c => view with { Person = Card(page, c), Stories = StoriesFor(site.StoriesByContact, page) },
            _ when site.Data.Phases.FirstOrDefault(p => p.Page == page.ContentPath) is { } phase =>
                view with { Phase = PhaseOf(phase.Id, current: true), Cycle = Cycle(phase.Id) },
            _ => view,
        };
    }

    public PageView Base(SitePage page, RenderedPage r) => new()
    {
        Kind = KindName(page.Kind),
        Title = page.Meta.Title,
        Summary = new HtmlString(r.SummaryHtml),
        Content = new HtmlString(r.BodyHtml),
        IntroLength = r.IntroLength,
        Path = page.OutputPath,
        Published = Date(page.Meta.Published),
        Updated = Date(page.Meta.Updated),
        Reviewed = Date(page.Meta.Reviewed),
        Owner = page.Meta.Owner,
        Tags = page.Meta.Tags.Select(Slugifier.Slugify).Distinct().Select(slug => site.Tags.FirstOrDefault(t => t.Slug == slug)).OfType<TagInfo>().Select(Tag).ToList(),
        Image = page.Meta.Image is { } img && r.Links.ImageUrl is { } url ? new FigureView(url, img.Alt, img.Caption, img.Credit) : null,
        Breadcrumbs = Crumbs(page),
        Draft = page.Meta.Draft,
        Toc = r.Toc,
    };

    public LinkView Link(SitePage page) =>
        new(page.Meta.Title, page.OutputPath, new HtmlString(Read(page).SummaryHtml), Date(page.Meta.Published),
            KindName(page.Kind), strings.Get($"kinds.{KindName(page.Kind)}"));

    public TagView Tag(TagInfo tag) => new(tag.Name, tag.OutputPath, tag.Pages.Count);

    public DateView? Date(DateOnly? date) => date is { } d ? new DateView(DateText.Iso(d), strings.Dates.Long(d)) : null;

    public IReadOnlyList<PhaseView> Phases(string? current) =>
        site.Data.Phases.Select(p => PhaseOf(p.Id, p.Id == current)!).ToList();

    /// <summary>The cycle figure, with the phase <paramref name="current"/> (if any) marked.</summary>
    public CycleView Cycle(string? current) => current is null
        ? LazyInitializer.EnsureInitialized(ref _unmarked, () => LayOut(null))
        : _cycles.GetOrAdd(current, LayOut);

    private CycleView LayOut(string? current)
    {
        var phases = Phases(current);
        return CycleLayout.Build(phases, phases.FirstOrDefault(p => p.Current));
    }

    /// <summary>The figure for each marked phase, and with none marked, laid out once a build (every method page of a phase shows the same one).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CycleView> _cycles = new(StringComparer.Ordinal);

    private CycleView? _unmarked;

    /// <summary>The method pages of each phase, sorted by title: sorted once, not once per method page (100,000 pages made that quadratic).</summary>
    private ILookup<string, SitePage> MethodsByPhase => _methodsByPhase ??= PageOrder.ByTitle(site.OfKind(PageKind.Method)).ToLookup(m => ((MethodMeta)m.Page.KindMeta).Phase, StringComparer.Ordinal);

    private ILookup<string, SitePage>? _methodsByPhase;

    /// <summary>Methods grouped by phase, in the phases' order, each group sorted by title.</summary>
    public IReadOnlyList<GroupView> MethodGroups() =>
        site.Data.Phases.Select(p => new GroupView(
                p.Slug, p.Title, new HtmlString(Text.HtmlText.Escape(p.Question)), PhasePagePath(p),
                MethodsByPhase[p.Id].Select(Link).ToList()))
            .ToList();

    public IReadOnlyList<CrumbView> Crumbs(SitePage page)
    {
        var crumbs = new List<CrumbView>();
        if (page.Kind == PageKind.Home) return crumbs;
        crumbs.Add(HomeCrumb());
        if (page.Kind != PageKind.Section && Slugifier.Slugify(page.Page.Section) is var folder && site.Sections.FirstOrDefault(s => s.Folder == folder) is { } section)
        {
            crumbs.Add(new CrumbView(SectionTitle(section), section.OutputPath));
        }
        return crumbs;
    }

    public string SearchTitle => strings.Get("search.title");

    /// <summary>The search page's filters: kinds that have pages (not home and sections), the phases, every tag.</summary>
    public SearchFormView SearchForm()
    {
        var kinds = site.Pages.Select(p => p.Kind).Where(k => k is not (PageKind.Home or PageKind.Section)).Distinct().Order()
            .Select(k => new OptionView(KindName(k), strings.Get($"kinds.{KindName(k)}"))).ToList();
        var phases = site.Data.Phases.Select(p => new OptionView(p.Id, p.Title)).ToList();
        var tags = site.Tags.Select(t => new OptionView(t.Slug, t.Name)).ToList();
        var sections = site.Sections.Where(s => NavFolders.Contains(s.Folder)).Select(s => new CrumbView(SectionTitle(s), s.OutputPath)).ToList();
        return new SearchFormView(
            [
                new FilterView("kind", strings.Get("search.kind"), kinds),
                new FilterView("phase", strings.Get("search.phase"), phases),
                new FilterView("tag", strings.Get("search.tag"), tags),
            ],
            sections);
    }

    public CrumbView HomeCrumb() => new(strings.Get("breadcrumbs.home"), "index.html");

    public CrumbView TagIndexCrumb() => new(strings.Get("tags.index_title"), $"{SiteModel.TagFolder}/index.html");

    public string SectionTitle(SectionInfo section)
    {
        if (section.Index is { } index) Read(index);
        return section.Index?.Meta.Title is { Length: > 0 } title ? title : strings.Flat.GetValueOrDefault($"sections.{section.Folder}", section.Folder);
    }

    private PageView GuideView(PageView view, GuideMeta g, SitePage page, RenderedPage r) => view with
    {
        Video = g.Video is { } v
            ? new VideoView(v.Title ?? view.Title, v.Url, r.Links.VideoUrl, r.Links.CaptionsUrl,
                ChapterTrackWriter.HasTrack(page, r) ? ChapterTrackWriter.PathFor(page) : null)
            : null,
        Chapters = g.Chapters.Select((c, i) => new ChapterView(i + 1, GeneratedAnchors.Chapter(i + 1), c.Time, c.Seconds, c.Title,
            c.Speakers.Select(s => new SpeakerView(s.Name, s.Role, s.Org)).ToList())).ToList(),
        Questions = g.Questions.Select((q, i) => new QuestionView(i + 1, GeneratedAnchors.Question(i + 1), q)).ToList(),
        Event = g.Event,
        Resources = g.Resources.Select(x => new ResourceView(x.Title, x.Url, x.Note)).ToList(),
    };

    private PhaseView? PhaseOf(string id, bool current) =>
        site.Data.FindPhase(id) is { } p
            ? new PhaseView(p.Id, p.Slug, p.Title, p.Question, PhasePagePath(p), MethodsSectionPath(p), current)
            : null;

    private string? MethodsSectionPath(Phase phase) =>
        site.Sections.FirstOrDefault(s => s.Kind == PageKind.Method) is { } section ? $"{section.OutputPath}#fase-{phase.Slug}" : null;

    private string? PhasePagePath(Phase phase) =>
        phase.Page is { } page && site.ByContentPath.TryGetValue(page, out var target) ? target.OutputPath : null;

    private List<LinkView> StoriesFor(IReadOnlyDictionary<string, IReadOnlyList<SitePage>> map, SitePage page) =>
        map.TryGetValue(page.ContentPath, out var stories) ? stories.Select(Link).ToList() : [];

    private List<LinkView> RelatedMethods(SitePage page, MethodMeta meta) =>
        MethodsByPhase[meta.Phase].Where(m => m != page).Take(6).Select(Link).ToList();

    private ContactCardView? ContactFor(StoryMeta story) =>
        story.Contact is { } c && site.ContactsBySlug.TryGetValue(c.Value, out var page) && Read(page) is not null ? Card(page, (ContactMeta)page.Page.KindMeta) : null;

    private List<LinkView> MethodsFor(StoryMeta story) =>
        story.Methods.Select(m => site.MethodsBySlug.GetValueOrDefault(m.Value)).OfType<SitePage>().Distinct().Select(Link).ToList();

    private static ContactCardView Card(SitePage page, ContactMeta c) =>
        new(c.Name, c.Role, c.Unit, c.Email, c.Phone, c.Phone is null ? null : "tel:" + new string(c.Phone.Where(ch => char.IsDigit(ch) || ch == '+').ToArray()), page.OutputPath);

    public static string KindName(PageKind kind) => kind switch
    {
        PageKind.Home => "home",
        PageKind.Section => "section",
        PageKind.Method => "method",
        PageKind.Story => "story",
        PageKind.Guide => "guide",
        PageKind.Contact => "contact",
        _ => "article",
    };
}
