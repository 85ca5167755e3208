using ForbedringsAbc.Browser.Tests.Support;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests;

/// <summary>
/// The print stylesheet: no navigation on any page; outside links with their address; and a
/// reflection guide as a discussion sheet, with every chapter and question, room to write
/// under each question, and no question split between two sheets.
/// </summary>
[Collection(SiteCollection.Name)]
public class PrintTests(SiteFixture site)
{
    private const string VisibleNavigation = """
        () => Array.from(document.querySelectorAll('nav, header.site-header, footer.site-footer, .skip-link, form[role=search], button'))
          .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
          .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''))
        """;

    [Fact]
    public async Task Printed_pages_have_no_navigation()
    {
        var page = await site.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var problems = new List<string>();
        foreach (var (kind, path) in site.Kinds)
        {
            await page.GotoAsync(site.Url(path).ToString());
            var shown = await page.EvaluateAsync<string[]>(VisibleNavigation);
            if (shown.Length > 0) problems.Add($"{kind}: {string.Join(", ", shown)} would be printed");
        }
        await page.Context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("guide")]
    [InlineData("guide-film")]
    public async Task A_printed_guide_is_a_discussion_sheet_with_every_chapter_and_question(string kind)
    {
        var page = await site.OpenAsync(site.PathOf(kind));
        var questions = await page.Locator("ol.questions > li").AllTextContentsAsync();
        var chapters = await page.Locator("ol.chapters .chapter__title").AllTextContentsAsync();
        Assert.NotEmpty(questions);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var printed = await page.EvaluateAsync<string>("() => document.body.innerText");
        foreach (var text in questions.Concat(chapters)) Assert.Contains(Normalize(text), Normalize(printed));
        Assert.Contains("samtaleark", printed, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await page.EvaluateAsync<string[]>(VisibleNavigation));

        // Room to write under each question, and no question split over two sheets.
        var layout = await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll('ol.questions > li')).map(li => {
              const s = getComputedStyle(li), after = getComputedStyle(li, '::after');
              return s.breakInside + ' ' + after.display + ' ' + parseFloat(after.height);
            })
            """);
        Assert.All(layout, l =>
        {
            var parts = l.Split(' ');
            Assert.Equal("avoid", parts[0]);
            Assert.Equal("block", parts[1]);
            Assert.True(double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) >= 100, $"only {parts[2]} px to write in");
        });

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000 && pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Printed_outside_links_show_their_address()
    {
        var page = await site.OpenAsync(site.PathOf("guide"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var links = await page.EvaluateAsync<string[][]>("""
            () => Array.from(document.querySelectorAll('main a[href^="http"]')).filter(a => a.getClientRects().length > 0)
              .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])
            """);
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.Contains(l[0], l[1], StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
