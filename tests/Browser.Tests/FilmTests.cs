using ForbedringsAbc.Browser.Tests.Support;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests;

/// <summary>
/// A guide whose film is a local file: the player with captions and the generated WebVTT
/// chapters track, and the "Spill av fra 00:00:08" buttons that move the film to a chapter.
/// </summary>
[Collection(SiteCollection.Name)]
public class FilmTests(SiteFixture site)
{
    [Fact]
    public async Task The_chapters_track_is_generated_from_the_front_matter_and_loads()
    {
        var page = await site.OpenAsync(site.PathOf("guide-film"));
        var cues = await page.EvaluateAsync<string[]>("""
            async () => {
              const element = document.querySelector('video track[kind="chapters"]');
              const track = element.track;
              track.mode = 'hidden';
              // Wait for the file itself (loaded or failed), not for a fixed time: a busy machine is slow.
              if (element.readyState < 2) await new Promise(r => { element.addEventListener('load', r, { once: true }); element.addEventListener('error', r, { once: true }); });
              return Array.from(track.cues || []).map(c => c.startTime + ' ' + c.getCueAsHTML().textContent);
            }
            """);
        Assert.Equal(["0 Innledning", "4 Første innlegg <med> & tegn", "8 Samtale"], cues);
        var captions = await page.EvaluateAsync<string>("() => Array.from(document.querySelector('video').textTracks).find(t => t.kind === 'captions').language");
        Assert.Equal("nb", captions);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Play_from_a_chapter_moves_the_film_there_and_focus_to_the_player()
    {
        var page = await site.OpenAsync(site.PathOf("guide-film"));
        await page.EvaluateAsync("() => new Promise(r => { const v = document.querySelector('video'); if (v.readyState >= 1) r(); else v.addEventListener('loadedmetadata', () => r(), { once: true }); })");
        var button = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Spill av fra 00:00:08: Samtale", Exact = true });
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelector('video').currentTime >= 8");
        Assert.Equal("film", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_buttons_that_need_it_are_hidden_and_the_film_still_plays()
    {
        var page = await site.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await page.GotoAsync(site.Url(site.PathOf("guide-film")).ToString());
        Assert.Equal(0, await page.Locator("button.seek:visible, [data-print]:visible").CountAsync());
        Assert.Equal(1, await page.Locator("video[controls]").CountAsync());
        Assert.Equal(3, await page.Locator("ol.chapters time").CountAsync());
        await page.Context.CloseAsync();
    }
}
