using System.Collections.Concurrent;
using ForbedringsAbc.Browser.Tests.Support;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests;

/// <summary>
/// The site as the intranet serves it: nginx, under a sub-path. Every page loads with every
/// file it asks for, no console error, and no request to anywhere but this server; old
/// addresses send the reader on; an unknown address gets the 404 page, styled.
/// </summary>
[Collection(SiteCollection.Name)]
public class ServerTests(SiteFixture site)
{
    [Fact]
    public async Task Every_page_loads_under_a_sub_path_with_no_failed_request_and_no_console_error()
    {
        var problems = new ConcurrentBag<string>();
        var queue = new ConcurrentQueue<string>(site.Pages.Except(site.Redirects));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var page = await site.NewPageAsync();
            var current = string.Empty;
            Watch(page, () => current, problems);
            while (queue.TryDequeue(out var path))
            {
                current = path;
                var response = await page.GotoAsync(site.Url(path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                // A film loads after the load event; wait for it to settle too.
                if (await page.Locator("video").CountAsync() > 0) await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                if (response is null || response.Status != 200) problems.Add($"{path}: HTTP {response?.Status}");
                var styled = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
                if (!styled.Contains("system-ui", StringComparison.Ordinal)) problems.Add($"{path}: the stylesheet did not apply ({styled})");
            }
            await page.Context.CloseAsync();
        }));
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Order(StringComparer.Ordinal)) + "\n" + site.Server.ErrorLog);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_styled_404_page_at_any_depth()
    {
        var page = await site.NewPageAsync();
        var problems = new ConcurrentBag<string>();
        Watch(page, () => "404", problems, allow404Document: true);
        var response = await page.GotoAsync(site.Url("finnes/ikke/her/").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(404, response!.Status);
        Assert.Equal("Fant ikke siden", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Contains("system-ui", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"));
        await page.Locator("main a").First.ClickAsync();
        await page.WaitForURLAsync(site.Url("index.html").ToString());
        Assert.True(problems.IsEmpty, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_old_address_sends_the_reader_to_the_page()
    {
        Assert.NotEmpty(site.Redirects);
        var page = await site.NewPageAsync();
        foreach (var path in site.Redirects)
        {
            await page.GotoAsync(site.Url(path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await page.WaitForURLAsync(url => !url.EndsWith(path, StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
            Assert.StartsWith(site.Server.BaseUri.ToString(), page.Url, StringComparison.Ordinal);
            Assert.Equal(200, (await page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation')[0].responseStatus")));
        }
        await page.Context.CloseAsync();
    }

    /// <summary>Records every failed request, error response, request to another host, console error and script error.</summary>
    private void Watch(IPage page, Func<string> current, ConcurrentBag<string> problems, bool allow404Document = false)
    {
        var origin = site.Server.BaseUri.GetLeftPart(UriPartial.Authority);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin + "/", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add($"{current()}: request outside the site: {request.Url}");
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"{current()}: request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status < 400) return;
            if (allow404Document && response.Request.ResourceType == "document" && response.Status == 404) return;
            problems.Add($"{current()}: HTTP {response.Status} for {response.Url}");
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                if (allow404Document && message.Text.Contains("404", StringComparison.Ordinal)) return;
                problems.Add($"{current()}: console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"{current()}: script error: {error}");
    }
}
