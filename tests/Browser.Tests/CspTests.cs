using ForbedringsAbc.Browser.Tests.Support;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests;

/// <summary>
/// The project's own site under exactly <c>Content-Security-Policy: default-src 'self'</c>, as nginx
/// serves it in the tests and as docs/security.md tells the intranet's administrators to send it:
/// every page loads with no <c>securitypolicyviolation</c> event (no inline script or style, no eval,
/// no wasm, nothing from elsewhere) and no script error, and the search works.
/// </summary>
[Collection(SiteCollection.Name)]
public class CspTests(SiteFixture site)
{
    [Fact]
    public async Task Every_page_and_the_search_work_under_default_src_self_with_no_violation()
    {
        var context = await site.Browser.NewContextAsync();
        context.SetDefaultTimeout(20_000);
        var watch = await ScriptWatch.AttachAsync(context);
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        await watch.EachAsync(context, site.Pages.Except(site.Redirects), path => site.Url(path).ToString(), async (page, path, response) =>
        {
            var csp = response is null ? null : await response.HeaderValueAsync("content-security-policy");
            if (csp != BrowserFixture.Csp) problems.Add($"{path}: served with CSP «{csp}»");
            if (await page.Locator("video").CountAsync() > 0) await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        });

        // The header's search form leads to the search page, which finds pages (its scripts and index files run under the CSP).
        var page = await context.NewPageAsync();
        watch.At(page, "search");
        await page.GotoAsync(site.Url("index.html").ToString());
        await page.Locator("form.site-search input[name=q]").FillAsync("pdsa");
        await page.Locator("form.site-search input[name=q]").PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-search-results][data-search-query=\"pdsa\"]");
        Assert.True(await page.Locator("[data-search-results] li h2 a").CountAsync() > 0, "no search result for «pdsa»");
        await page.Locator("#sok-q").FillAsync("tavlemøte");
        await page.WaitForSelectorAsync("[data-search-results][data-search-query=\"tavlemøte\"] li h2 a");
        await context.CloseAsync();

        var all = problems.Concat(watch.CspViolations).Concat(watch.Ran).ToList();
        Assert.True(all.Count == 0, string.Join("\n", all));
    }

    /// <summary>The listener sees a violation when there is one (so none above means none).</summary>
    [Fact]
    public async Task The_listener_sees_an_inline_style_and_an_inline_script_blocked()
    {
        var context = await site.Browser.NewContextAsync();
        var watch = await ScriptWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        watch.At(page, "probe");
        await page.GotoAsync(site.Url("index.html").ToString());
        await page.EvaluateAsync("() => { const d = document.createElement('div'); d.innerHTML = '<p style=\"color:red\">x</p><img src=x onerror=\"alert(1)\">'; document.body.append(d); }");
        await page.WaitForTimeoutAsync(300);
        Assert.Contains(watch.CspViolations, v => v.StartsWith("probe: securitypolicyviolation: style-src", StringComparison.Ordinal));
        Assert.Contains(watch.CspViolations, v => v.StartsWith("probe: securitypolicyviolation: script-src", StringComparison.Ordinal));
        Assert.Empty(watch.Ran);
        await context.CloseAsync();
    }

    /// <summary>docs/security.md shows the administrators the very policy these tests serve, for nginx and for IIS.</summary>
    [Fact]
    public void The_documented_headers_carry_the_csp_the_tests_serve()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "security.md"));
        Assert.Contains($"add_header Content-Security-Policy \"{BrowserFixture.Csp}\" always;", doc, StringComparison.Ordinal);
        Assert.Contains($"<add name=\"Content-Security-Policy\" value=\"{BrowserFixture.Csp}\" />", doc, StringComparison.Ordinal);
        Assert.Contains("X-Content-Type-Options", doc, StringComparison.Ordinal);
        Assert.Contains("Referrer-Policy", doc, StringComparison.Ordinal);
    }
}
