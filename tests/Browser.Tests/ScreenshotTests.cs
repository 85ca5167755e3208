using ForbedringsAbc.Browser.Tests.Support;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests;

/// <summary>
/// Pictures of one page of every kind, in light and dark, at 320 CSS px and at desktop width
/// (1280), plus forced colours and a printed guide, for people to look at. Runs when
/// SCREENSHOT_DIR names the folder to keep them in (see the README); otherwise they go to a temporary
/// folder that is removed, and the test still checks that every picture was made.
/// </summary>
[Collection(SiteCollection.Name)]
public class ScreenshotTests(SiteFixture site)
{
    public static string? Requested => Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } dir ? Path.GetFullPath(dir) : null;

    private static readonly string Folder = Requested ?? Path.Combine(Path.GetTempPath(), "abc-screenshots-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Every_kind_of_page_is_pictured_in_light_and_dark_at_320_px_and_desktop_width()
    {
        Directory.CreateDirectory(Folder);
        try
        {
            await Picture();
        }
        finally
        {
            if (Requested is null) Directory.Delete(Folder, recursive: true);
        }
    }

    private async Task Picture()
    {
        var written = new List<string>();
        foreach (var (scheme, colors) in new[] { ("light", ColorScheme.Light), ("dark", ColorScheme.Dark) })
        {
            foreach (var width in new[] { 320, 1280 })
            {
                var page = await site.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = width == 320 ? 640 : 900 }, ColorScheme = colors });
                foreach (var (kind, path) in site.Kinds)
                {
                    await page.GotoAsync(site.Url(path).ToString());
                    written.Add(await Save(page, $"{kind}-{scheme}-{width}.png"));
                }
                await page.Context.CloseAsync();
            }
        }
        var forced = await site.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, ForcedColors = ForcedColors.Active, ColorScheme = ColorScheme.Dark });
        foreach (var kind in new[] { "home", "method", "guide-film" })
        {
            await forced.GotoAsync(site.Url(site.PathOf(kind)).ToString());
            written.Add(await Save(forced, $"{kind}-forced-colors-1280.png"));
        }
        await forced.Context.CloseAsync();

        var print = await site.OpenAsync(site.PathOf("guide"));
        await print.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var pdf = Path.Combine(Folder, "guide-print.pdf");
        await print.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });
        await print.Context.CloseAsync();

        Assert.All(written.Append(pdf), f => Assert.True(new FileInfo(f).Length > 5_000, f));
    }

    private static async Task<string> Save(IPage page, string name)
    {
        var file = Path.Combine(Folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return file;
    }
}
