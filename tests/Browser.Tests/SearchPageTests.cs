using ForbedringsAbc.Browser.Tests.Support;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests;

/// <summary>
/// The search page in a real browser (Debian's Chromium): typing gives results in
/// [data-search-results] and a polite count, over http under a sub-path with a strict CSP, and
/// from file://; the header form, filters, "Mente du", keyboard use, no JavaScript, and speed.
/// </summary>
public sealed class SearchPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Results = "[data-search-results]";

    /// <summary>Console errors and uncaught exceptions of each page opened (a CSP violation is reported there).</summary>
    private readonly Dictionary<IPage, List<string>> _errors = [];

    private async Task<IPage> Open(string url)
    {
        var page = await fixture.Context.NewPageAsync();
        var errors = _errors[page] = [];
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(url);
        return page;
    }

    private static async Task<List<string>> ResultLinks(IPage page, string query)
    {
        await page.WaitForSelectorAsync($"{Results}[data-search-query=\"{query}\"]");
        return [.. await page.Locator($"{Results} li h2 a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))")];
    }

    private static Task<string> Status(IPage page, string expected) =>
        page.WaitForFunctionAsync("t => document.querySelector('[data-search-status]').textContent === t", expected)
            .ContinueWith(_ => page.Locator("[data-search-status]").TextContentAsync()).Unwrap().ContinueWith(t => t.Result ?? string.Empty);

    private string Http(string path) => new Uri(fixture.Server.BaseUri, path).ToString();

    private string FileUrl(string path) => new Uri(Path.Combine(fixture.Site, path)).ToString();

    [Fact]
    public async Task Typing_over_http_under_a_sub_path_with_a_strict_csp_gives_results_and_a_polite_count()
    {
        var page = await Open(Http("sok/index.html"));
        await page.Locator("#sok-q").PressSequentiallyAsync("sikkerhet", new() { Delay = 30 });
        var links = await ResultLinks(page, "sikkerhet");
        Assert.Equal(["../historier/sikkerhet-i-hverdagen/index.html", "../historier/pasientsikkerhetsarbeid/index.html"], links);
        Assert.Equal("2 treff for «sikkerhet»", await Status(page, "2 treff for «sikkerhet»"));
        Assert.Equal("status", await page.Locator("[data-search-status]").GetAttributeAsync("role"));
        Assert.Equal("Sikkerhet", await page.Locator($"{Results} li").First.Locator("mark").First.TextContentAsync());
        Assert.Equal("sok-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Contains("q=sikkerhet", page.Url, StringComparison.Ordinal);
        Assert.Empty(_errors[page]);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Opened_from_disk_a_search_link_works_with_synonyms()
    {
        var page = await Open(FileUrl("sok/index.html") + "?q=PGEK");
        Assert.Equal(["../metoder/pdsa/index.html"], await ResultLinks(page, "PGEK"));
        Assert.Equal("1 treff for «PGEK»", await Status(page, "1 treff for «PGEK»"));
        await page.Locator("#sok-q").FillAsync(string.Empty);
        await page.Locator("#sok-q").PressSequentiallyAsync("tavle");
        Assert.Equal(2, (await ResultLinks(page, "tavle")).Count);
        Assert.Empty(_errors[page]);
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_header_form_on_any_page_goes_to_the_search_page_with_the_query()
    {
        var page = await Open(Http("metoder/pdsa/index.html"));
        await page.Locator("#sok-topp").FillAsync("idédugnad");
        await page.Locator("#sok-topp").PressAsync("Enter");
        await page.WaitForURLAsync("**/sok/index.html?q=*");
        Assert.Equal(["../metoder/idemyldring/index.html"], await ResultLinks(page, "idédugnad"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_typo_offers_mente_du_and_filters_are_real_form_controls()
    {
        var page = await Open(Http("sok/index.html?q=forbedrnig"));
        var links = await ResultLinks(page, "forbedrnig");
        Assert.Equal("../historier/forbedring/index.html", links[0]);
        Assert.Equal("Mente du «forbedring»?", await page.Locator("[data-search-suggestion]").TextContentAsync());
        await page.Locator("#sok-q").FillAsync("prosessen ideer");
        await page.Locator("#sok-q").PressAsync("Enter");
        await ResultLinks(page, "prosessen ideer");
        await page.Locator("#sok-phase").SelectOptionAsync("forstå");
        await page.WaitForFunctionAsync("() => location.search.includes('phase=')");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-search-results] li h2 a')].every(a => a.getAttribute('href').startsWith('../metoder/'))");
        var filtered = await page.Locator($"{Results} li h2 a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.Equal(["../metoder/idemyldring/index.html", "../metoder/kartlegging/index.html"], filtered.Order(StringComparer.Ordinal));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Everything_works_from_the_keyboard()
    {
        var page = await Open(Http("sok/index.html"));
        await page.Locator("#sok-q").FocusAsync();
        await page.Keyboard.TypeAsync("tavle");
        var links = await ResultLinks(page, "tavle");
        // The two pages about boards, in the order the engine ranks them (tests/js checks the ranking).
        Assert.Equal(["../historier/forbedringstavla/index.html", "../metoder/tavlemote/index.html"], links.Order(StringComparer.Ordinal));
        var order = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>("document.activeElement.id || document.activeElement.getAttribute('href') || document.activeElement.tagName"));
        }
        Assert.Equal(["BUTTON", "sok-kind", "sok-phase", "sok-tag", .. links], order);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("p => location.pathname.endsWith(p)", links[1][2..]);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_page_says_so_and_links_to_sections_and_tags()
    {
        await using var context = await fixture.NewContextWithoutJavaScript();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Http("sok/index.html?q=tavle"));
        // What the <noscript> holds is what a reader without scripts sees (Chromium under automation
        // keeps parsing it as text, so read it as the HTML it is).
        var fallback = await page.EvaluateAsync<string>("document.querySelector('main noscript').innerHTML");
        Assert.Contains("Søket trenger JavaScript", fallback, StringComparison.Ordinal);
        Assert.Contains("href=\"../emner/index.html\"", fallback, StringComparison.Ordinal);
        Assert.Contains("href=\"../metoder/index.html\"", fallback, StringComparison.Ordinal);
        Assert.Contains("href=\"../historier/index.html\"", fallback, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"{Results} li").CountAsync());
    }

    /// <summary>
    /// Keystroke to results in the DOM, warm (index files already loaded): the median of twelve.
    /// The machine may be shared with other builds, so a noisy round is measured again (up to three).
    /// </summary>
    [Fact]
    public async Task Results_render_within_50_ms_of_a_keystroke_when_warm()
    {
        var page = await Open(Http("sok/index.html?q=forbedring"));
        await ResultLinks(page, "forbedring");
        var medians = new List<double>();
        for (var round = 0; round < 3 && (medians.Count == 0 || medians[^1] > 50); round++) medians.Add(await MedianKeystroke(page));
        Assert.True(medians[^1] <= 50, $"medians per round: {string.Join(", ", medians.Select(t => t.ToString("0.0")))} ms");
        await page.CloseAsync();
    }

    private static async Task<double> MedianKeystroke(IPage page)
    {
        var times = new List<double>();
        foreach (var q in Enumerable.Repeat(new[] { "forbedrin", "forbedring" }, 6).SelectMany(x => x))
        {
            times.Add(await page.EvaluateAsync<double>(@"q => new Promise(resolve => {
                const input = document.querySelector('#sok-q'), results = document.querySelector('[data-search-results]');
                const start = performance.now();
                const observer = new MutationObserver(() => {
                    if (results.getAttribute('data-search-query') === q) { observer.disconnect(); resolve(performance.now() - start); }
                });
                observer.observe(results, { attributes: true, childList: true });
                input.value = q;
                input.dispatchEvent(new InputEvent('input', { bubbles: true }));
            })", q));
        }
        return times.Order().ElementAt(times.Count / 2);
    }
}
