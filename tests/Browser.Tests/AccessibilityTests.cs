using System.Collections.Concurrent;
using ForbedringsAbc.Browser.Tests.Support;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests;

/// <summary>
/// axe-core on the built site, served by nginx: every page in the light scheme at desktop
/// width, and one page of every kind in the dark scheme, with forced colours (Windows high
/// contrast), and at 320 CSS px. The rules: WCAG 2.0/2.1/2.2 A and AA, and best practices.
/// </summary>
[Collection(SiteCollection.Name)]
public class AccessibilityTests(SiteFixture site)
{
    [Fact]
    public async Task Every_page_has_no_axe_violations()
    {
        var pages = site.Pages.Except(site.Redirects).ToList();
        var problems = new ConcurrentBag<string>();
        var queue = new ConcurrentQueue<string>(pages);
        // Two pages at a time: the machine has two cores.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var page = await site.NewPageAsync();
            while (queue.TryDequeue(out var path))
            {
                await page.GotoAsync(site.Url(path).ToString());
                var result = await Axe.RunAsync(page);
                if (result.Violations.Count > 0) problems.Add(Axe.Describe(path, result));
            }
            await page.Context.CloseAsync();
        }));
        Assert.True(pages.Count > 50, $"only {pages.Count} pages");
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Order(StringComparer.Ordinal)));
    }

    public static TheoryData<string> States => new() { "dark", "forced-colors", "320px" };

    [Theory]
    [MemberData(nameof(States))]
    public async Task One_page_of_every_kind_has_no_axe_violations_in_another_state(string state)
    {
        var options = new BrowserNewContextOptions
        {
            ViewportSize = state == "320px" ? new ViewportSize { Width = 320, Height = 256 } : new ViewportSize { Width = 1280, Height = 1024 },
            ColorScheme = state == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ForcedColors = state == "forced-colors" ? ForcedColors.Active : ForcedColors.None,
        };
        var problems = await site.CheckEveryKindAsync(options, async page =>
        {
            var result = await Axe.RunAsync(page);
            return result.Violations.Count == 0 ? [] : [Axe.Describe(state, result)];
        });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The fast run above and Deque.AxeCore.Playwright's own RunAxe use the same engine and agree.</summary>
    [Fact]
    public async Task The_direct_run_and_deques_playwright_run_agree()
    {
        var page = await site.NewPageAsync();
        foreach (var path in new[] { site.PathOf("home"), site.PathOf("guide-film") })
        {
            await page.GotoAsync(site.Url(path).ToString());
            var deque = await Axe.RunWithDequeAsync(page);
            var direct = await Axe.RunAsync(page);
            Assert.Equal(deque.Order(), direct.Violations.Select(v => v.Id).Order());
            Assert.Equal("4.14.0", direct.Version);
        }
        await page.SetContentAsync("<html><body><img src=x><a href=#></a></body></html>");
        var bad = await Axe.RunAsync(page);
        Assert.Equal(await Axe.RunWithDequeAsync(page), bad.Violations.Select(v => v.Id));
        Assert.Contains("image-alt", bad.Violations.Select(v => v.Id));
        await page.Context.CloseAsync();
    }
}
