using ForbedringsAbc.Browser.Tests.Support;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests;

/// <summary>
/// Keyboard use (WCAG 2.1.1, 2.4.1, 2.4.7, 2.4.11): the first Tab reaches the skip link and
/// Enter moves focus to the main content; every element Tab reaches shows that it has focus;
/// the search, from the header form to a result, is used with the keyboard alone.
/// </summary>
[Collection(SiteCollection.Name)]
public class KeyboardTests(SiteFixture site)
{
    [Fact]
    public async Task The_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_main_on_every_kind_of_page()
    {
        var problems = await site.CheckEveryKindAsync(null, async page =>
        {
            var found = new List<string>();
            await page.Keyboard.PressAsync("Tab");
            var first = await page.EvaluateAsync<string>(PageChecks.ActiveElement);
            if (!first.StartsWith("a.skip-link «Hopp til hovedinnhold»", StringComparison.Ordinal)) found.Add($"the first Tab reached {first}");
            var box = await page.Locator("a.skip-link").BoundingBoxAsync();
            if (box is null || box.Y < 0 || box.X < 0 || box.Width < 24 || box.Height < 24) found.Add($"the focused skip link is not on screen ({box?.X},{box?.Y} {box?.Width}×{box?.Height})");
            await page.Keyboard.PressAsync("Enter");
            var after = await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id");
            if (after != "hovedinnhold") found.Add($"Enter on the skip link moved focus to #{after}");
            await page.Keyboard.PressAsync("Tab");
            if (!await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('main')")) found.Add($"the Tab after the skip link left main: {await page.EvaluateAsync<string>(PageChecks.ActiveElement)}");
            return found;
        });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The pages of a long list are walked with the keyboard: Tab reaches "Neste side" in the
    /// labelled page navigation, Enter opens page 2, whose title says so and whose own number is
    /// marked as the current page.
    /// </summary>
    [Fact]
    public async Task The_pages_of_a_long_list_are_reached_with_the_keyboard()
    {
        var page = await site.OpenAsync("arkiv/index.html");
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Sidene i listen" });
        Assert.Equal("Side 1 av 2", (await pager.Locator(".pager__status").InnerTextAsync()).Trim());
        for (var i = 0; i < 200 && !await page.EvaluateAsync<bool>("() => document.activeElement.getAttribute('rel') === 'next'"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal("Neste side", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        var before = page.Url;
        await page.Keyboard.PressAsync("Enter");
        for (var i = 0; i < 100 && page.Url == before; i++) await Task.Delay(50);
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.EndsWith("/arkiv/side/2/index.html", page.Url);
        Assert.StartsWith("Arkiv, side 2 av 2 – ", await page.TitleAsync());
        var current = page.GetByRole(AriaRole.Navigation, new() { Name = "Sidene i listen" }).Locator("[aria-current=page]");
        Assert.Equal("Side 2", (await current.TextContentAsync())?.Trim());
        Assert.Equal(1, await page.Locator(".item-list > li").CountAsync());
        // The section's introduction is on its first page only.
        Assert.Equal(0, await page.GetByText("Notatene står med det nyeste først.").CountAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Tabs through every kind of page and compares a picture of each focused element (and 12 px
    /// round it) with a picture of the same place when nothing has focus: they must differ. Of
    /// elements that look alike (same tag, classes and parent), the first two are pictured.
    /// </summary>
    [Fact]
    public async Task Focus_is_visible_on_everything_tab_reaches()
    {
        var page = await site.NewPageAsync();
        var problems = new List<string>();
        var checkedCount = 0;
        foreach (var (kind, path) in site.Kinds)
        {
            await page.GotoAsync(site.Url(path).ToString());
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < 150; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focused = await page.EvaluateHandleAsync("() => document.activeElement");
                var element = focused.AsElement();
                if (element is null || await page.EvaluateAsync<bool>("e => e === document.body", element)) break;
                var signature = await page.EvaluateAsync<string>(Signature, element);
                seen[signature] = seen.GetValueOrDefault(signature) + 1;
                if (seen[signature] > 2) continue;
                var box = await element.BoundingBoxAsync();
                if (box is null) continue;
                var viewport = page.ViewportSize!;
                var clip = new Clip
                {
                    X = Math.Max(0, box.X - 12), Y = Math.Max(0, box.Y - 12),
                    Width = Math.Min(viewport.Width, box.X + box.Width + 12) - Math.Max(0, box.X - 12),
                    Height = Math.Min(viewport.Height, box.Y + box.Height + 12) - Math.Max(0, box.Y - 12),
                };
                if (clip.Width <= 0 || clip.Height <= 0)
                {
                    problems.Add($"{kind}: {await page.EvaluateAsync<string>(PageChecks.ActiveElement)} has focus but is off screen");
                    continue;
                }
                var withFocus = await page.ScreenshotAsync(new PageScreenshotOptions { Clip = clip, Animations = ScreenshotAnimations.Disabled });
                var name = await page.EvaluateAsync<string>(PageChecks.ActiveElement);
                await page.EvaluateAsync("e => e.blur()", element);
                var withoutFocus = await page.ScreenshotAsync(new PageScreenshotOptions { Clip = clip, Animations = ScreenshotAnimations.Disabled });
                await page.EvaluateAsync("e => e.focus()", element);
                checkedCount++;
                if (withFocus.AsSpan().SequenceEqual(withoutFocus)) problems.Add($"{kind}: no visible focus on {name}");
            }
        }
        await page.Context.CloseAsync();
        Assert.True(checkedCount > 60, $"only {checkedCount} focusable elements were checked");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private const string Signature =
        "e => [e.tagName, e.getAttribute('class'), e.parentElement && e.parentElement.tagName, e.parentElement && e.parentElement.getAttribute('class'), e.closest('[class]') && e.closest('[class]').getAttribute('class')].join('|')";

    [Fact]
    public async Task The_header_search_is_used_with_the_keyboard_alone()
    {
        var page = await site.OpenAsync(site.PathOf("method"));
        await page.Keyboard.PressAsync("Tab"); // skip link
        string focused;
        var tabs = 0;
        do
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('name') || ''");
        }
        while (focused != "q" && ++tabs < 5);
        Assert.Equal("q", focused);
        Assert.Equal("Søk", await page.EvaluateAsync<string>("() => document.activeElement.labels[0].textContent.trim()"));
        await page.Keyboard.TypeAsync("pdsa");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("sok/index.html?q=pdsa", StringComparison.Ordinal));
        Assert.StartsWith(site.Url("sok/index.html").ToString(), page.Url, StringComparison.Ordinal);

        // The search page: the count is announced politely, and Tab goes from the field through
        // the button and the filters to the first result, which Enter opens.
        await page.WaitForSelectorAsync("[data-search-results][data-search-query=\"pdsa\"] li h2 a");
        Assert.Equal("status", await page.Locator("[data-search-status]").GetAttributeAsync("role"));
        await page.WaitForFunctionAsync("() => /^\\d+ treff for «pdsa»$/.test(document.querySelector('[data-search-status]').textContent.trim())");
        var first = await page.Locator("[data-search-results] li h2 a").First.GetAttributeAsync("href");
        await page.Locator("#sok-q").FocusAsync();
        string? href = null;
        for (var i = 0; i < 8 && href != first; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            href = await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('href')");
        }
        Assert.Equal(first, href);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("sok/index.html", StringComparison.Ordinal));
        Assert.Equal(200, await page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation')[0].responseStatus"));
        await page.Context.CloseAsync();
    }
}
