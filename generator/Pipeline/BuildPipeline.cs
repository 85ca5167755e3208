using ForbedringsAbc.Assembly;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Links;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Model;
using ForbedringsAbc.Output;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.PostProcessing;
using ForbedringsAbc.Rendering;
using ForbedringsAbc.Search;
using ForbedringsAbc.Search.Analysis;
using ForbedringsAbc.Search.Indexing;
using ForbedringsAbc.Search.Synonyms;
using ForbedringsAbc.Templates;
using ForbedringsAbc.Validation;

namespace ForbedringsAbc.Pipeline;

/// <summary>
/// The one place that knows the order of the stages:
/// Load → Parse → Assemble → Resolve links → Render Markdown → Apply templates (each page
/// post-processed: no outside resources; the content pages first) → Search index (beside the
/// other pages and the assets) → Write.
/// Per-page stages run in parallel over sorted input and keep their results in input order;
/// aggregate stages run once. Every stage runs even after errors, so one run reports every
/// problem; the sink decides what happens to the output (build, check and tests differ only there).
/// </summary>
public sealed class BuildPipeline
{
    /// <summary>
    /// False for <c>check</c>: the search index reports nothing an editor can act on (its one
    /// input that can be wrong, the synonyms file, is checked when loaded), so a check skips it.
    /// </summary>
    public bool IndexSearch { get; init; } = true;

    /// <summary>
    /// For a process that runs one build and ends (the command line's <c>build</c> and <c>check</c>):
    /// see <see cref="CollectAfterStage"/>. Off elsewhere (tests run builds side by side in one
    /// process, and the preview keeps the collector's own rhythm).
    /// </summary>
    public bool CollectBetweenStages { get; init; }

    /// <summary>
    /// For <c>build</c>: the page cache, which takes unchanged pages from the previous build and
    /// records this one's (see <see cref="PageCacheSession"/>). Only for a build without the
    /// preview's cache.
    /// </summary>
    public PageCacheSession? PageCache { get; init; }

    /// <summary>
    /// A whole build. One that keeps nothing for a next one (no cache) renders each written page's
    /// Markdown when the templates stage makes the page, so the rendered bodies of every page are
    /// never held at once (10,000 pages: peak resident memory 419 → 389 MiB, ~4 % more wall time).
    /// </summary>
    public BuildResult Run(BuildOptions options, IOutputSink sink, BuildCache? cache = null) =>
        Write(Prepare(options, cache, renderBodiesWhenWritten: cache is null), sink);

    /// <summary>Load → Parse → Assemble → Resolve links → Render Markdown (every page's).</summary>
    /// <param name="cache">What an earlier build in this process left (the preview server); null for a clean build.</param>
    public PreparedSite Prepare(BuildOptions options, BuildCache? cache = null) => Prepare(options, cache, renderBodiesWhenWritten: false);

    /// <param name="renderBodiesWhenWritten">
    /// Only without a cache: the pages the build writes get only their summaries here (lists show
    /// them), and the rest of their Markdown stage (rules, links, body) in <see cref="Write"/>.
    /// </param>
    private PreparedSite Prepare(BuildOptions options, BuildCache? cache, bool renderBodiesWhenWritten)
    {
        var timer = new StageTimer();
        var diagnostics = new DiagnosticBag();
        var display = options.Display;
        // Parsing the templates, and reading them for outside resources, needs nothing of the
        // content: both run beside the load and parse stages (the load stage is one thread; at
        // 1,000 pages they took ~70 ms of it).
        var templatesLoading = Task.Run(() => TemplateSet.Load(options.TemplatesDir, display, diagnostics));
        var templateResources = Task.Run(() => OutsideResourceChecker.ScanTemplates(options.TemplatesDir, display));
        var strings = UiStrings.Load(options.TemplatesDir, display, diagnostics);
        var data = new SiteDataLoader(options.ContentDir, options.TemplatesDir, display, diagnostics).Load();
        diagnostics.Settings = data.Config.Rules;
        // A build that keeps nothing for a next one reads each file when it parses it (below), so the
        // text of every page is never held at once; the preview reads all first to compare them later.
        var loader = new ContentLoader(display, diagnostics);
        var content = loader.Load(options.ContentDir, readPages: cache is not null);
        // The date the review and future-date rules compare with; a preview left running past midnight starts afresh.
        var today = options.TodayOrClock();
        cache?.UseContext(CacheContext.Of(options, today));
        var synonyms = new SynonymLoader(new SearchAnalyzer(), display, diagnostics).Load(options.ContentDir);
        timer.Mark("load");

        var bodyPipeline = MarkdownPipelineFactory.CreateBody(strings.Alerts, strings.Get("table.label"));
        var parsed = cache is null
            ? ParallelMap(content.Unread, file => loader.ReadStreamed(file) is { } doc ? ParseStreaming(doc, bodyPipeline, data, diagnostics, PageCache) : null).OfType<ParsedPage>().ToArray()
            : ParallelMap(content.Documents, doc => ParseStage(doc, bodyPipeline, data, diagnostics, cache));
        CollectAfterStage(cache);
        timer.Mark("parse");

        var site = new SiteAssembler(data, diagnostics).Assemble(parsed, options.IncludeDrafts);
        timer.Mark("assemble");

        var markdown = new MarkdownStage(site, content, bodyPipeline, today, cache);
        // Every routed page is checked, also one that lost its URL to another: its editor needs its messages.
        var checkedPages = site.ByContentPath.Values.OrderBy(p => p.ContentPath, StringComparer.Ordinal).ToList();
        var later = renderBodiesWhenWritten ? site.Pages.ToHashSet() : null;
        var rendered = ParallelMap(checkedPages, page =>
            {
                if (later is not null && later.Contains(page)) return markdown.SummaryOnly(page);
                var result = markdown.Run(page, diagnostics);
                if (cache is null) page.Page.ReleaseBody();
                return result;
            })
            .ToDictionary(r => r.Site.ContentPath, StringComparer.Ordinal);
        if (cache is null)
        {
            // A page without a URL (a draft, or a file named so it has none) is never rendered, but
            // its body is still checked, as the preview checks it when it parses it.
            var unrouted = parsed.Where(p => !site.ByContentPath.ContainsKey(p.Source.ContentPath)).ToList();
            Parallel.ForEach(unrouted, page =>
            {
                Guard(page.Source.DisplayPath, diagnostics, () => { page.ParseBody(diagnostics); return page; });
                page.ReleaseBody();
            });
        }
        // Streaming, the Markdown trees and bodies die in the templates stage, not here.
        if (later is null) CollectAfterStage(cache);
        timer.Mark("markdown");
        var templates = templatesLoading.GetAwaiter().GetResult();
        return new PreparedSite(options, diagnostics, content, site, rendered, templates, strings, synonyms, timer)
        {
            Cache = cache, BodyPipeline = bodyPipeline, Today = today, BodiesWhenWritten = later is null ? null : markdown, TemplateResources = templateResources,
        };
    }

    /// <summary>Parses one file in a build that keeps nothing in memory for a next one (the page cache notes its text).</summary>
    private static ParsedPage ParseStreaming(StreamedDocument streamed, Markdig.MarkdownPipeline pipeline, SiteData data, DiagnosticBag diagnostics, PageCacheSession? pages)
    {
        var (doc, body) = streamed;
        var (parsed, found) = Parse(doc, pipeline, data, keepTree: false, body);
        diagnostics.AddRange(found);
        pages?.Saw(doc, parsed.BodyLineOffset, body);
        // Nothing is kept for a next build, so the file's text can go; the body waits as
        // UTF-8 until the Markdown stage parses it (once).
        return parsed with { Source = parsed.Source with { Text = string.Empty } };
    }

    /// <summary>Parses one file, or takes the page an earlier build parsed from the same text.</summary>
    private static ParsedPage ParseStage(SourceDocument doc, Markdig.MarkdownPipeline pipeline, SiteData data, DiagnosticBag diagnostics, BuildCache cache)
    {
        BuildCache.ParseEntry? entry;
        lock (cache) cache.Parsed.TryGetValue(doc.ContentPath, out entry);
        if (entry is not null && entry.Text == doc.Text)
        {
            cache.CountParse();
        }
        else
        {
            var (parsed, found) = Parse(doc, pipeline, data);
            entry = new BuildCache.ParseEntry(doc.Text, parsed, found);
            lock (cache) cache.Parsed[doc.ContentPath] = entry;
        }
        diagnostics.AddRange(entry.Diagnostics);
        return entry.Page;
    }

    /// <summary>Parses one file with its diagnostics kept apart; a page the parser failed on is parsed as empty (the failure is ABC003).</summary>
    private static (ParsedPage Page, IReadOnlyList<Diagnostic> Diagnostics) Parse(SourceDocument doc, Markdig.MarkdownPipeline pipeline, SiteData data, bool keepTree = true, ReadOnlyMemory<byte>? body = null)
    {
        var local = new DiagnosticBag();
        var page = Guard(doc.DisplayPath, local, () => new PageParser(pipeline, data, local, keepTree).Parse(doc, body))
            ?? new PageParser(pipeline, data, new DiagnosticBag()).Parse(doc with { Text = string.Empty });
        return (page, local.Raw());
    }

    /// <summary>
    /// Apply templates → Search index → Write: every page, the search index built from the content
    /// pages' final HTML (handed over while rendering, never re-read; built beside the other pages
    /// and the assets once the content pages are written), the assets, sitemap and feed.
    /// </summary>
    public BuildResult Write(PreparedSite prepared, IOutputSink sink)
    {
        var (options, diagnostics) = (prepared.Options, prepared.Diagnostics);
        var notes = new List<string>();
        // The page cache only with a build that keeps nothing in memory (not the preview's).
        var cached = prepared.Cache is null ? PageCache : null;
        var views = new ViewBuilder(prepared.Site, prepared.Rendered, prepared.Strings)
        {
            RenderBody = prepared.BodiesWhenWritten is { } markdown
                ? page =>
                {
                    // With the page cache, the body's own messages are kept apart for its record.
                    var bag = cached is null ? diagnostics : new DiagnosticBag();
                    var rendered = markdown.Run(page, bag);
                    if (cached is not null)
                    {
                        diagnostics.AddRange(bag.Raw());
                        cached.BodyRendered(rendered, bag.Raw());
                    }
                    page.Page.ReleaseBody();
                    return rendered;
                }
                : null,
        };
        var composer = new PageComposer(prepared.Templates, prepared.Strings);
        var analyzer = new SearchAnalyzer();
        var search = new SearchCollector(prepared.Site.Pages, new PageAnalyzer(analyzer), sink, ViewBuilder.KindName, k => prepared.Strings.Get($"kinds.{k}"));
        var resources = OutsideResourceChecker.Create(prepared.TemplateResources.GetAwaiter().GetResult(), options.TemplatesDir, prepared.Content, options.Display, diagnostics);
        cached?.Begin(CacheContext.Of(options, prepared.Today), prepared.Content, diagnostics, resources, IndexSearch ? search : null,
            new LinkResolver(prepared.Site, prepared.Content, new DiagnosticBag()).PageOf);
        // The search index needs the content pages only: it is built beside the lists, tag pages
        // and redirects, and the assets, feed and chapter tracks after them (its own parallel part
        // leaves a core idle much of the time). Its files do not depend on when it runs.
        Task<int>? searchStage = null;
        int pages, files;
        try
        {
            pages = new SiteRenderer(prepared.Site, views, composer, diagnostics, options.BaseUrl, resources) { Cache = prepared.Cache, Reuse = cached }
                .RenderAll(sink, IndexSearch ? search.Add : null, contentPagesDone: () =>
                {
                    CollectAfterStage(prepared.Cache);
                    if (IndexSearch) searchStage = Task.Run(() => new SearchStage(analyzer).Write(search, prepared.Synonyms, sink));
                });
            // A page whose own page failed before its view was made still gets its Markdown checked
            // (a page taken from the page cache brought its body's findings with it).
            views.RenderRemainingBodies(cached is null ? null : cached.HasBody);
            resources.ReportPages();
            cached?.StartWriting();
            prepared.Timer.Mark("templates");
            var tracks = ChapterTrackWriter.Guides(prepared.Site, p => cached?.HasFilm(p) ?? views.RenderedOf(p).Links.VideoUrl is not null);
            files = pages + CopyAssets(prepared.Content, prepared.Site, tracks, options.TemplatesDir, sink, options.Display, diagnostics)
                + WriteFeeds(prepared.Site, options.BaseUrl, sink, notes) + ChapterTrackWriter.WriteAll(tracks, sink);
            prepared.Timer.Mark("assets");
        }
        catch when (searchStage is not null)
        {
            // A build that failed on the way still lets the index finish before its folder is
            // cleared; the first failure is the one reported (the index's own, if any, is observed here).
            Task.WaitAny(searchStage);
            _ = searchStage.Exception;
            throw;
        }
        files += searchStage?.GetAwaiter().GetResult() ?? 0;
        prepared.Timer.Mark("search");
        return new BuildResult(diagnostics.Sorted(), pages, files, notes, prepared.Timer)
        {
            // Only the preview (a build with a cache) patches pages later; a plain build keeps nothing.
            Snapshot = prepared.Cache is null ? null : new BuildSnapshot(prepared, search, resources, diagnostics.Raw(), pages, files, notes),
        };
    }

    /// <summary>The managed heap above which a plain build collects at the end of a stage (see <see cref="CollectAfterStage"/>).</summary>
    internal const long CollectAbove = 128L << 20;

    /// <summary>
    /// With <see cref="CollectBetweenStages"/>, one full, non-compacting collection at the end of a
    /// stage of a plain build on a large heap: the stage has just let most of what it made go (the
    /// files' text after parsing; the Markdown trees, bodies and finished pages once the content
    /// pages are written; the trees after the Markdown stage when it renders every body up front), so
    /// little is left to mark. Left alone, the collector grew its budgets through the next stage
    /// instead. 10,000 pages, native, alternating runs: peak resident memory 536 → 412 MiB and
    /// ~4 % less wall time. Below <see cref="CollectAbove"/> (1,000 pages) they would cost more than they save.
    /// </summary>
    private void CollectAfterStage(BuildCache? cache)
    {
        if (!CollectBetweenStages || cache is not null || GC.GetTotalMemory(forceFullCollection: false) < CollectAbove) return;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
    }

    /// <summary>
    /// Copies the files of content/ (images, films, documents) and of the templates' assets/. A file
    /// of content/ is copied only where the build writes nothing of its own, compared without regard
    /// to case (a Windows server's disk does not tell case apart): not over a page, a list, a tag page,
    /// a redirect, a file the site makes itself, a file of the templates' assets/ or a guide's chapter
    /// track, nor into the search index's folder. Such a file is reported where the editor can move
    /// it, and left out: before, it silently replaced the page (or the page's track replaced it).
    /// </summary>
    private static int CopyAssets(ContentSet content, SiteModel site, IReadOnlyList<SitePage> tracks, string templatesDir, IOutputSink sink, PathDisplay display, DiagnosticBag diagnostics)
    {
        var assetsDir = Path.Combine(templatesDir, "assets");
        var templateAssets = Directory.Exists(assetsDir)
            ? Directory.EnumerateFiles(assetsDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(file => ("assets/" + Path.GetRelativePath(assetsDir, file).Replace('\\', '/'), file)).ToList()
            : [];
        // What the build writes besides the pages the assembler gave owners (the site's pages are
        // looked up there, not copied: a large site has as many as it has pages).
        var written = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (target, _) in templateAssets) written.TryAdd(target, "en fil nettstedet har fra malene (templates/assets/)");
        foreach (var guide in tracks) written.TryAdd(ChapterTrackWriter.PathFor(guide), $"kapittelfilen nettstedet lager av kapitlene (`chapters`) i {guide.Page.Source.DisplayPath}");
        var copies = new List<(string Target, string Source)>();
        foreach (var asset in content.Assets)
        {
            // The search index's folder is the build's own (as it is for pages and redirects): a
            // file there is not copied; it would be mixed with the index, written at the same time.
            if (SiteAssembler.InSearchIndexFolder(asset))
            {
                diagnostics.Report(Rules.DuplicateUrl, SourceSpan.WholeFile(display.ForUser(content.FullPath(asset))),
                    $"Filen ligger i {SiteAssembler.SearchIndexOwner} og blir ikke kopiert. Flytt den til en annen mappe.");
            }
            else if (site.OutputOwners.TryGetValue(asset, out var owner) || written.TryGetValue(asset, out owner))
            {
                diagnostics.Report(Rules.DuplicateUrl, SourceSpan.WholeFile(display.ForUser(content.FullPath(asset))),
                    $"Filen får samme adresse ({asset}) som {owner}, og blir ikke kopiert. Gi filen et annet navn, eller flytt den til en annen mappe.");
            }
            else
            {
                copies.Add((asset, content.FullPath(asset)));
            }
        }
        copies.AddRange(templateAssets);
        // In parallel, as the pages are written: a large site has as many images and files as pages.
        // Names that differ only in case are one file on a case-insensitive disk: those are copied one
        // after the other in ordinal order, as before, so the same one is left each time.
        Parallel.ForEach(copies.GroupBy(c => c.Target, StringComparer.OrdinalIgnoreCase), group =>
        {
            foreach (var (target, source) in group) sink.CopyFile(target, source);
        });
        return copies.Count;
    }

    private static int WriteFeeds(SiteModel site, Uri? baseUrl, IOutputSink sink, List<string> notes)
    {
        if (baseUrl is null)
        {
            notes.Add("sitemap.xml og feed.xml ble ikke laget: de trenger full adresse. Bruk --base-url https://…/");
            return 0;
        }
        var entries = site.Pages.OrderBy(p => p.OutputPath, StringComparer.Ordinal)
            .Select(p => new UrlEntry(p.PrettyPath, p.Meta.Title, p.Meta.Summary, p.Meta.Published, p.Meta.Updated));
        sink.WriteText("sitemap.xml", SitemapWriter.Sitemap(baseUrl, entries));
        var feed = PageOrder.NewestFirst(site.Pages.Where(p => p.Kind is PageKind.Story or PageKind.Guide)).Take(50)
            .Select(p => new UrlEntry(p.PrettyPath, p.Meta.Title, p.Meta.Summary, p.Meta.Published, p.Meta.Updated)).ToList();
        sink.WriteText("feed.xml", SitemapWriter.Feed(baseUrl, site.Data.Config.Title, feed));
        return 2;
    }

    /// <summary>
    /// Runs one file's work so that a fault in the generator becomes a diagnostic on that file
    /// instead of ending the run: the other files are still checked.
    /// </summary>
    internal static T? Guard<T>(string file, DiagnosticBag diagnostics, Func<T> work) where T : class
    {
        try
        {
            return work();
        }
        catch (Exception e) when (PageParser.IsTooDeep(e))
        {
            diagnostics.Report(Rules.MarkdownTooDeep, SourceSpan.WholeFile(file),
                "Teksten har for mange nivåer inne i hverandre (lister, sitater, utheving eller lenker). Forenkle oppsettet.");
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Report(Rules.Unprocessable, SourceSpan.WholeFile(file),
                InternalError.OnFile(e));
            return null;
        }
    }

    /// <summary>Maps in parallel and returns the results in input order (output never depends on scheduling).</summary>
    private static TOut[] ParallelMap<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map)
    {
        var results = new TOut[items.Count];
        Parallel.For(0, items.Count, i => results[i] = map(items[i]));
        return results;
    }
}
