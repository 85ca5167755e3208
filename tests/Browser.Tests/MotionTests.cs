using ForbedringsAbc.Browser.Tests.Support;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests;

/// <summary>Reduced motion (WCAG 2.3.3): nothing moves on any kind of page when the reader asks for less motion.</summary>
[Collection(SiteCollection.Name)]
public class MotionTests(SiteFixture site)
{
    [Fact]
    public async Task Nothing_moves_with_reduced_motion()
    {
        var problems = await site.CheckEveryKindAsync(new BrowserNewContextOptions { ReducedMotion = ReducedMotion.Reduce }, async page =>
        {
            var moving = await page.EvaluateAsync<int>("() => document.getAnimations().length");
            var smooth = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).scrollBehavior");
            return moving > 0 || smooth != "auto" ? [$"{moving} animations, scroll-behavior {smooth}"] : [];
        });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
