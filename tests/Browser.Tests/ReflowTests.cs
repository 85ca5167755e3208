using ForbedringsAbc.Browser.Tests.Support;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests;

/// <summary>
/// Reflow (WCAG 1.4.10), text resize (1.4.4) and text spacing (1.4.12): at 320 CSS px, with
/// text at 200 %, and with the text-spacing overrides, no page of any kind scrolls sideways
/// and no element cuts off its text.
/// </summary>
[Collection(SiteCollection.Name)]
public class ReflowTests(SiteFixture site)
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "320 px", 320, "" },
        { "320 px with text spacing", 320, PageChecks.TextSpacingStyle },
        { "1280 px with text at 200 %", 1280, "html { font-size: 200% !important; }" },
        { "1280 px with text spacing", 1280, PageChecks.TextSpacingStyle },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task No_page_scrolls_sideways_or_cuts_off_text(string name, int width, string style)
    {
        // BypassCSP: the server forbids inline styles, and the text-spacing overrides are one.
        var options = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = width == 320 ? 256 : 1024 }, BypassCSP = true };
        var problems = await site.CheckEveryKindAsync(options, async page =>
        {
            if (style.Length > 0) await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = style });
            var found = new List<string>();
            var overflow = await page.EvaluateAsync<int>(PageChecks.HorizontalOverflow);
            if (overflow > 0) found.Add($"{overflow} px wider than the window: {string.Join(", ", await page.EvaluateAsync<string[]>(PageChecks.WiderThanWindow))}");
            var clipped = await page.EvaluateAsync<string[]>(PageChecks.ClippedText);
            if (clipped.Length > 0) found.Add($"text cut off in {string.Join(", ", clipped.Distinct())}");
            return found;
        });
        Assert.True(problems.Count == 0, name + ":\n" + string.Join("\n", problems));
    }
}
