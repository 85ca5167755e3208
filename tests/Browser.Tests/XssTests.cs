using ForbedringsAbc.Browser.Tests.Support;
using ForbedringsAbc.Output;
using ForbedringsAbc.Pipeline;
using ForbedringsAbc.Security;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests;

/// <summary>
/// No script from content, in a real browser: the XSS site (every vector of
/// tests/data/xss/vectors.txt in every field, see <see cref="XssSite"/>) opened from disk, where no
/// CSP protects it, so only the HTML itself can. Every page is loaded; the search page is searched
/// for each vector's page (its results show the vector's title and summary) and for the vectors
/// themselves. Nothing may run: no alert/confirm/prompt/print or __xss() call, no dialog, no script
/// error, and no live element with an event attribute, a script URL or a script of content's own.
/// </summary>
public sealed class XssTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "abc-xss-" + Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyList<XssVector> _vectors = XssSite.Load(RepoPaths.Root);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private string Site => Path.Combine(_dir, "site");

    public async Task InitializeAsync()
    {
        XssSite.Write(Path.Combine(_dir, "content"), _vectors);
        var options = new BuildOptions(Path.Combine(_dir, "content"), RepoPaths.Templates, Site, null, IncludeDrafts: false, DisplayBase: _dir);
        Directory.CreateDirectory(Site);
        // The build has errors (raw HTML, refused URLs): its pages are written all the same, as the preview shows them.
        new BuildPipeline().Run(options, new DirectorySink(Site));
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task No_vector_runs_script_on_any_page_or_in_the_search_results()
    {
        var context = await _browser!.NewContextAsync();
        context.SetDefaultTimeout(20_000);
        var watch = await ScriptWatch.AttachAsync(context);
        var problems = new List<string>();
        var pages = Directory.EnumerateFiles(Site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count > _vectors.Count, $"{pages.Count} pages");

        var found = new System.Collections.Concurrent.ConcurrentBag<string>();
        await watch.EachAsync(context, pages, file => new Uri(file).ToString(), async (page, file, _) =>
        {
            foreach (var p in await page.EvaluateAsync<string[]>(ScriptWatch.DomCheck)) found.Add($"{Path.GetRelativePath(Site, file)}: {p}");
        });
        problems.AddRange(found);

        // The search page: each vector's page by its marker word (the result shows its title and
        // summary), then the vector itself as the query (shown back in the status line and the hint).
        var page = await context.NewPageAsync();
        watch.At(page, "search page");
        await page.GotoAsync(new Uri(Path.Combine(Site, "sok", "index.html")).ToString());
        foreach (var query in _vectors.Select(v => v.Marker).Concat(_vectors.Select(v => v.Payload)))
        {
            var where = $"search for «{query}»";
            watch.At(page, where);
            await page.FillAsync("#sok-q", query);
            await page.WaitForFunctionAsync("q => document.querySelector('[data-search-results]').getAttribute('data-search-query') === q", query);
            if (query.StartsWith("xss", StringComparison.Ordinal) && await page.Locator("[data-search-results] li h2 a").CountAsync() == 0) problems.Add($"{where}: no result");
            problems.AddRange((await page.EvaluateAsync<string[]>(ScriptWatch.DomCheck)).Select(p => $"{where}: {p}"));
        }
        await context.CloseAsync();
        problems.AddRange(watch.Ran);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    /// <summary>The recorders work: a page that does call them is caught (so a silent run above means something).</summary>
    [Fact]
    public async Task The_watch_catches_a_script_that_runs()
    {
        var context = await _browser!.NewContextAsync();
        var watch = await ScriptWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        watch.At(page, "probe");
        await page.SetContentAsync("<p>x</p><img src=x onerror=\"__xss(1)\"><script>alert(2)</script>");
        await page.WaitForTimeoutAsync(300);
        Assert.Contains("probe: alert(2)", watch.Ran);
        Assert.Contains("probe: __xss(1)", watch.Ran);
        Assert.NotEmpty(await page.EvaluateAsync<string[]>(ScriptWatch.DomCheck));
        await context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
