using ForbedringsAbc.Assembly;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Links;
using ForbedringsAbc.Model;
using ForbedringsAbc.Output;
using ForbedringsAbc.PostProcessing;
using ForbedringsAbc.Templates.Views;
using ForbedringsAbc.Text;
using ForbedringsAbc.Validation;

namespace ForbedringsAbc.Templates;

/// <summary>
/// Applies the templates to every page the site has: the content pages, the generated section
/// pages, the tag pages and tag index, the redirects of old URLs, 404.html and the search page;
/// in parallel, each page written to the sink as soon as it is rendered, and each content page's
/// HTML also handed to <c>contentPageRendered</c> (the search index) without being kept, and every
/// page's HTML checked for resources from outside the site (ABC308).
/// </summary>
public sealed class SiteRenderer(SiteModel site, ViewBuilder views, PageComposer composer, DiagnosticBag diagnostics, Uri? baseUrl, OutsideResourceChecker resources)
{
    /// <summary>Finished pages of an earlier build (the preview server's); a page whose view is made from the same objects is not rendered again.</summary>
    public Pipeline.BuildCache? Cache { get; init; }

    /// <summary>Pages an earlier <c>build</c> wrote that are still what this build would write (the page cache on disk).</summary>
    public IPageReuse? Reuse { get; init; }

    public const string SearchPage = "sok/index.html";

    /// <summary>Called with each content page's HTML as it is written; the HTML is valid during the call only.</summary>
    public delegate void PageRendered(SitePage page, ReadOnlySpan<char> html);

    /// <param name="contentPagesDone">
    /// Called once every content page is written (each handed to <paramref name="contentPageRendered"/>),
    /// before the lists, tag pages, redirects and other pages made from no content file: what needs
    /// the content pages only (the search index) can start then, beside the rest.
    /// </param>
    public int RenderAll(IOutputSink sink, PageRendered? contentPageRendered = null, Action? contentPagesDone = null)
    {
        // Each job: the file it writes, what to name in a diagnostic (the content file, where there is one),
        // the content page it is (its HTML also goes to contentPageRendered), and the render.
        var jobs = new List<(string Output, string Source, SitePage? Page, Func<PageHtml> Render)>();
        foreach (var page in site.Pages) jobs.Add((page.OutputPath, page.Page.Source.DisplayPath, page, () => RenderContentPage(page)));
        // The content pages are the first jobs: they are rendered before the others (see contentPagesDone).
        var contentJobs = jobs.Count;
        if (site.Home is null) jobs.Add(("index.html", "index.html", null, () => RenderHome(null)));
        foreach (var section in site.Sections)
        {
            // Page 1 of a section with an _index.md is that content page (above); the pages after it are made here.
            for (var n = section.Index is null ? 1 : 2; n <= section.ListPages; n++)
            {
                var number = n;
                var output = SiteModel.ListPagePath(section.OutputPath, number);
                jobs.Add((output, section.Index?.Page.Source.DisplayPath ?? output, null, () => RenderSection(section, section.Index, number)));
            }
        }
        foreach (var tag in site.Tags)
        {
            for (var n = 1; n <= tag.ListPages; n++)
            {
                var number = n;
                var output = SiteModel.ListPagePath(tag.OutputPath, number);
                jobs.Add((output, output, null, () => RenderTag(tag, number)));
            }
        }
        jobs.Add(($"{SiteModel.TagFolder}/index.html", $"{SiteModel.TagFolder}/index.html", null, RenderTagIndex));
        jobs.Add(("404.html", "404.html", null, RenderNotFound));
        jobs.Add((SearchPage, SearchPage, null, RenderSearch));
        foreach (var alias in site.Aliases) jobs.Add((alias.OutputPath, alias.OutputPath, null, () => RenderRedirect(alias)));
        _shape = site.ShapeKey;
        void Run((string Output, string Source, SitePage? Page, Func<PageHtml> Render) job)
        {
            if (Reuse is not null && Reuse.TryReuse(job.Output, job.Page)) return;
            var (entry, html, madeFrom) = Render(job.Output, job.Source, job.Render, keep: Cache is not null);
            diagnostics.AddRange(entry.Diagnostics);
            if (html.IsNone) return;
            // Every page, also one taken from the preview's cache: the findings are reported together, once.
            var findings = resources.CheckPage(job.Output, job.Source, html.Span);
            // A page the preview's cache keeps is a string already: the sink takes that one.
            if (entry.Html is { } text) sink.WriteText(job.Output, text);
            else sink.WriteText(job.Output, html.Span);
            if (job.Page is not null) contentPageRendered?.Invoke(job.Page, html.Span);
            Reuse?.Rendered(job.Output, job.Page, madeFrom, entry.Diagnostics, findings);
            if (job.Page is null) return;
            // A build that keeps nothing for a next one (no cache) lets the page's body go now.
            if (Cache is null) views.ReleaseBody(job.Page);
        }
        Parallel.ForEach(jobs.GetRange(0, contentJobs), Run);
        contentPagesDone?.Invoke();
        Parallel.ForEach(jobs.GetRange(contentJobs, jobs.Count - contentJobs), Run);
        return jobs.Count;
    }

    /// <summary>
    /// Renders one content page alone (the preview's one-page rebuild), with its diagnostics kept
    /// in the returned entry (not reported), exactly as <see cref="RenderAll"/> renders it.
    /// </summary>
    public Pipeline.BuildCache.HtmlEntry RenderPage(SitePage page)
    {
        _shape = site.ShapeKey;
        return Render(page.OutputPath, page.Page.Source.DisplayPath, () => RenderContentPage(page), keep: true).Entry;
    }

    private readonly AsyncLocal<JobState?> _job = new();
    private string _shape = string.Empty;

    /// <summary>One page being rendered: its own diagnostics, what its view was made from, a cache hit.</summary>
    private sealed class JobState
    {
        public DiagnosticBag Diagnostics { get; } = new();

        public IReadOnlyList<object> Dependencies { get; set; } = [];

        public Pipeline.BuildCache.HtmlEntry? Hit { get; set; }
    }

    /// <summary>
    /// Renders one page with its diagnostics kept apart, or takes it from the cache when its view is
    /// made from the same objects as last time (building the view is cheap; the templates are not).
    /// </summary>
    /// <remarks>
    /// The page comes back as its thread's buffer (<see cref="PageHtml"/>); the entry holds a
    /// string of it only when one is kept (<paramref name="keep"/>: the preview's cache, a
    /// one-page rebuild), and the page is then that string.
    /// </remarks>
    private (Pipeline.BuildCache.HtmlEntry Entry, PageHtml Html, IReadOnlyList<object> MadeFrom) Render(string output, string source, Func<PageHtml> render, bool keep)
    {
        var state = new JobState();
        _job.Value = state;
        views.BeginTracking();
        PageHtml html;
        IReadOnlyList<object> madeFrom;
        try
        {
            html = render();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            state.Diagnostics.Report(Rules.Unprocessable, SourceSpan.WholeFile(source),
                $"Generatoren feilet da siden {output} ble laget ({e.GetType().Name}: {e.Message}). Meld fra til nettredaksjonen.");
            html = default;
        }
        finally
        {
            madeFrom = views.EndTracking();
            _job.Value = null;
        }
        if (state.Hit is not null) return (state.Hit, PageHtml.Of(state.Hit.Html), madeFrom);
        if (!html.IsNone) OutputIdChecker.Check(html.Span, source, state.Diagnostics);
        var entry = new Pipeline.BuildCache.HtmlEntry(state.Dependencies, keep ? html.AsString() : null, state.Diagnostics.Raw());
        if (Cache is not null)
        {
            lock (Cache) Cache.Html[output] = entry;
        }
        return (entry, keep ? PageHtml.Of(entry.Html) : html, madeFrom);
    }

    private PageHtml RenderContentPage(SitePage page) => page.Kind switch
    {
        PageKind.Home => RenderHome(page),
        PageKind.Section => RenderSection(site.Sections.First(s => s.Index == page), page, 1),
        _ => Compose(ViewBuilder.KindName(page.Kind), views.Page(page), page.OutputPath, page.Page.Source.DisplayPath, page.Page.Section),
    };

    /// <summary>The front page; from content/_index.md, or from the site's title when there is none.</summary>
    private PageHtml RenderHome(SitePage? page)
    {
        var baseView = page is not null ? views.Page(page) : new PageView
        {
            Kind = "home",
            Title = site.Data.Config.Title,
            Summary = new HtmlString(Text.HtmlText.Escape(site.Data.Config.Description)),
            Content = HtmlString.Empty,
            Path = "index.html",
        };
        var view = baseView with
        {
            Phases = views.Phases(null),
            Cycle = views.Cycle(null),
            Groups =
            [
                Group("historier", PageOrder.NewestFirst(site.OfKind(PageKind.Story)).Take(6)),
                Group("refleksjon", PageOrder.NewestFirst(site.OfKind(PageKind.Guide)).Take(3)),
            ],
        };
        return Compose("home", view, "index.html", page?.Page.Source.DisplayPath ?? "content/_index.md", string.Empty);
    }

    private GroupView Group(string folder, IEnumerable<SitePage> pages)
    {
        var section = site.Sections.FirstOrDefault(s => s.Folder == folder);
        return new GroupView(folder, section is null ? folder : views.SectionTitle(section), HtmlString.Empty,
            section?.OutputPath, pages.Select(views.Link).ToList());
    }

    /// <summary>Page <paramref name="number"/> of a section: its intro (on the first page only) and its list, or its phase groups.</summary>
    private PageHtml RenderSection(SectionInfo section, SitePage? index, int number)
    {
        var path = SiteModel.ListPagePath(section.OutputPath, number);
        var baseView = index is not null ? views.Page(index) : new PageView
        {
            Kind = "section",
            Title = views.SectionTitle(section),
            Summary = HtmlString.Empty,
            Content = HtmlString.Empty,
            Path = section.OutputPath,
        };
        var view = section.Kind switch
        {
            PageKind.Method => baseView with { Groups = views.MethodGroups(), Phases = views.Phases(null), Cycle = views.Cycle(null) },
            _ => baseView with { Items = OnePage(Ordered(section), number) },
        };
        view = view with { Kind = "section", Breadcrumbs = [views.HomeCrumb()], Path = path, Pager = PagerView.For(section.OutputPath, number, section.ListPages) };
        if (number > 1) view = view with { Content = HtmlString.Empty, Cycle = null };
        var display = index?.Page.Source.DisplayPath ?? $"content/{section.Folder}/";
        return Compose("section", view, path, display, section.Folder);
    }

    private PageHtml RenderTag(TagInfo tag, int number)
    {
        var path = SiteModel.ListPagePath(tag.OutputPath, number);
        var view = ListPage(tag.Name, path) with
        {
            Items = OnePage(tag.Pages, number),
            Breadcrumbs = [views.HomeCrumb(), views.TagIndexCrumb()],
            Pager = PagerView.For(tag.OutputPath, number, tag.ListPages),
        };
        return Compose("tag", view, path, $"emneord «{tag.Name}»", SiteModel.TagFolder);
    }

    // Each section's pages in list order, sorted once for all the pages of its list.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<SitePage>> _ordered = new(StringComparer.Ordinal);

    private IReadOnlyList<SitePage> Ordered(SectionInfo section) => _ordered.GetOrAdd(section.Folder, _ => section.Kind is PageKind.Story or PageKind.Guide
        ? PageOrder.NewestFirst(section.Pages)
        : PageOrder.ByTitle(section.Pages));

    /// <summary>The links of page <paramref name="number"/> of a list.</summary>
    private List<LinkView> OnePage(IReadOnlyList<SitePage> pages, int number) =>
        pages.Skip((number - 1) * SiteModel.ListPageSize).Take(SiteModel.ListPageSize).Select(views.Link).ToList();

    private PageHtml RenderTagIndex()
    {
        var path = $"{SiteModel.TagFolder}/index.html";
        var view = ListPage(string.Empty, path) with { AllTags = site.Tags.Select(views.Tag).ToList() };
        return Compose("tags", view, path, "emneoversikten", SiteModel.TagFolder);
    }

    private PageHtml RenderNotFound()
    {
        var view = ListPage(string.Empty, "404.html");
        return Compose("404", view, "404.html", "404-siden", string.Empty, baseUrl?.AbsolutePath);
    }

    /// <summary>The search page: the form with its filters (sections, phases, tags); search-ui.js fills in the results.</summary>
    private PageHtml RenderSearch()
    {
        var view = ListPage(views.SearchTitle, SearchPage) with { Search = views.SearchForm() };
        return Compose("search", view, SearchPage, "søkesiden", "sok");
    }

    private PageHtml RenderRedirect(AliasInfo alias)
    {
        var view = ListPage(alias.Target.Meta.Title, alias.OutputPath) with
        {
            Items = [views.Link(alias.Target)],
        };
        return Compose("redirect", view, alias.OutputPath, alias.Target.Page.Source.DisplayPath, string.Empty);
    }

    private PageView ListPage(string title, string path) => new()
    {
        Kind = "list",
        Title = title,
        Summary = HtmlString.Empty,
        Content = HtmlString.Empty,
        Path = path,
        Breadcrumbs = [views.HomeCrumb()],
    };

    private PageHtml Compose(string layout, PageView view, string outputPath, string display, string section, string? rootOverride = null)
    {
        var state = _job.Value!;
        state.Dependencies = [.. views.Touched, _shape, layout, section, rootOverride ?? string.Empty];
        Pipeline.BuildCache.HtmlEntry? cached = null;
        if (Cache is not null)
        {
            lock (Cache) Cache.Html.TryGetValue(outputPath, out cached);
        }
        if (cached is not null && cached.Matches(state.Dependencies))
        {
            state.Hit = cached;
            Cache!.CountHtml();
            return PageHtml.Of(cached.Html);
        }
        return composer.Compose(layout, view, views.Site(Slugifier.Slugify(section), baseUrl is not null), outputPath, display, state.Diagnostics, rootOverride);
    }
}

/// <summary>
/// Pages an earlier build wrote that this build can take as they are (see
/// <see cref="Pipeline.PageCacheSession"/>): called from the templates stage's threads.
/// </summary>
public interface IPageReuse
{
    /// <summary>
    /// Takes the page at <paramref name="output"/> from the earlier build when nothing it was made
    /// from has changed: its file, its diagnostics and outside-resource findings, and (a content
    /// page) its search words and card. False: the page must be rendered.
    /// </summary>
    bool TryReuse(string output, SitePage? page);

    /// <summary>Notes a page this build rendered and wrote: what its views were made from (the pages whose bodies they show), what it reported.</summary>
    void Rendered(string output, SitePage? page, IReadOnlyList<object> madeFrom, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<OutsideResourceChecker.Finding> findings);
}
