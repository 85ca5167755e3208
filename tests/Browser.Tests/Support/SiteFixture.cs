using ForbedringsAbc.Model;
using ForbedringsAbc.Output;
using ForbedringsAbc.Pipeline;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests.Support;

/// <summary>
/// What every browser test shares, made once per run: the project's own site (content/ with
/// the repository's templates, plus the pages in Fixtures/content that the real content lacks:
/// a guide with a local film, a story with a photo, a table and an old address), built into a
/// temporary folder; that folder served by nginx under <see cref="SubPath"/>; and one Chromium.
/// Reuse it with <c>[Collection(SiteCollection.Name)]</c> and a constructor parameter.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string SubPath = "/kvalitet/abc/";

    /// <summary>The public address the site is built for (sitemap, feed, and the 404 page's links).</summary>
    public static readonly Uri PublicBase = new("https://intranett.example" + SubPath);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "abc-browser-" + Guid.NewGuid().ToString("N"));
    private NginxServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string SiteDir => Path.Combine(_root, "site");

    public NginxServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>Every HTML page, site-relative ("metoder/pdsa/index.html"), sorted.</summary>
    public IReadOnlyList<string> Pages { get; private set; } = [];

    /// <summary>Old addresses (aliases): pages that only send the reader on.</summary>
    public IReadOnlyList<string> Redirects { get; private set; } = [];

    /// <summary>One page of every kind, by a short name ("home", "method", "guide-film" …), in a fixed order.</summary>
    public IReadOnlyList<(string Kind, string Path)> Kinds { get; private set; } = [];

    public string PathOf(string kind) => Kinds.First(k => k.Kind == kind).Path;

    public Uri Url(string path) => new(Server.BaseUri, path);

    public async Task InitializeAsync()
    {
        var site = Build();
        // The 51 notes of arkiv/ share one layout and differ only in their number: the first stands
        // for them all in the checks that open every page (their list pages are checked in full).
        Pages = Directory.EnumerateFiles(SiteDir, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SiteDir, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith("arkiv/notat-", StringComparison.Ordinal) || p == "arkiv/notat-01/index.html")
            .Order(StringComparer.Ordinal).ToList();
        Redirects = site.Aliases.Select(a => a.OutputPath).Order(StringComparer.Ordinal).ToList();
        Kinds = KindsOf(site);
        _server = new NginxServer(SiteDir, SubPath);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A new page in a new context (its own cookies, viewport and media), served from nginx.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1024 } });
        // Generous: the suite shares two cores with the generator's tests (one publishes the native
        // program), and an action that waited 20 s for the processor failed a run now and then
        // (ServerTests, twice in CI-like runs). These tests assert behaviour; speed is measured apart.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Opens a page of the site and waits until it and everything it loads are there.</summary>
    public async Task<IPage> OpenAsync(string path, BrowserNewContextOptions? options = null)
    {
        var page = await NewPageAsync(options);
        await page.GotoAsync(Url(path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return page;
    }

    /// <summary>
    /// Opens one page of every kind in turn in a page made with <paramref name="options"/>, runs
    /// <paramref name="check"/> on it, and returns every problem it reports, named by kind and path.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckEveryKindAsync(BrowserNewContextOptions? options, Func<IPage, Task<IEnumerable<string>>> check)
    {
        var page = await NewPageAsync(options);
        var problems = new List<string>();
        foreach (var (kind, path) in Kinds)
        {
            await page.GotoAsync(Url(path).ToString());
            problems.AddRange((await check(page)).Select(p => $"{kind} ({path}): {p}"));
        }
        await page.Context.CloseAsync();
        return problems;
    }

    private SiteModel Build()
    {
        var content = Path.Combine(_root, "content");
        CopyTree(RepoPaths.Content, content);
        CopyTree(Path.Combine(RepoPaths.Fixtures, "content"), content);
        // A list longer than one page (51 short notes in arkiv/): the list's second page and the
        // navigation between its pages are checked like every other page.
        Directory.CreateDirectory(Path.Combine(content, "arkiv"));
        File.WriteAllText(Path.Combine(content, "arkiv", "_index.md"), "---\ntitle: \"Arkiv\"\nsummary: \"Eldre notater.\"\n---\n\nNotatene står med det nyeste først.\n");
        for (var i = 1; i <= SiteModel.ListPageSize + 1; i++)
        {
            File.WriteAllText(Path.Combine(content, "arkiv", $"notat-{i:D2}.md"),
                $"---\ntitle: \"Notat {i:D2}\"\nsummary: \"Et kort notat fra arkivet.\"\npublished: 2024-03-01\n---\n\nNotat nummer {i}.\n");
        }
        var options = new BuildOptions(content, RepoPaths.Templates, SiteDir, PublicBase, IncludeDrafts: false, DisplayBase: _root);
        var pipeline = new BuildPipeline();
        var prepared = pipeline.Prepare(options);
        Directory.CreateDirectory(SiteDir);
        var result = pipeline.Write(prepared, new DirectorySink(SiteDir));
        if (result.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException("The test site did not build cleanly:\n" + string.Join("\n", result.Diagnostics));
        }
        return prepared.Site;
    }

    private List<(string, string)> KindsOf(SiteModel site)
    {
        string First(PageKind kind, string preferred) =>
            site.OfKind(kind).Select(p => p.OutputPath).FirstOrDefault(p => p == preferred)
            ?? site.OfKind(kind).Select(p => p.OutputPath).Order(StringComparer.Ordinal).First();
        var kinds = new List<(string, string)>
        {
            ("home", "index.html"),
            ("methods", "metoder/index.html"),
            ("method", First(PageKind.Method, "metoder/pdsa/index.html")),
            ("stories", "historier/index.html"),
            ("story", "historier/tavlemote-med-foto/index.html"),
            ("guide", First(PageKind.Guide, "refleksjon/best-under-press-hvordan-laere-av-hverandre/index.html")),
            ("guide-film", "refleksjon/testfilm/index.html"),
            ("contact", First(PageKind.Contact, "kontakt/kari-holmen/index.html")),
            ("article", site.Data.Config.AccessibilityPage is { } a && site.ByContentPath.TryGetValue(a, out var statement) ? statement.OutputPath : First(PageKind.Article, "")),
            ("phase", site.Data.Phases.Select(p => p.Page).OfType<string>().Select(p => site.ByContentPath[p].OutputPath).First()),
            ("tags", "emner/index.html"),
            ("tag", SiteModel.TagOutputPath(site.Tags.OrderByDescending(t => t.Pages.Count).First().Slug)),
            ("404", "404.html"),
        };
        // The search page comes with the search work (layouts/search.html); test it as soon as it is there.
        if (File.Exists(Path.Combine(SiteDir, "sok", "index.html"))) kinds.Add(("search", "sok/index.html"));
        return kinds;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _server?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Built site, nginx and Chromium";
}
