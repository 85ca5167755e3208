using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Model;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Rendering;
using ForbedringsAbc.Templates;
using ForbedringsAbc.Tests.Support;
using Markdig.Syntax;

namespace ForbedringsAbc.Tests.Unit;

/// <summary>
/// A plain build keeps each page's body as text until its page is made. Links into a page may
/// ask for its headings before that: they get them, and the page's own problems are still
/// reported once, by the page.
/// </summary>
public class DeferredBodyTests
{
    private static PageParser Parser(FixtureSite site, DiagnosticBag bag)
    {
        var options = site.Options();
        var strings = UiStrings.Load(options.TemplatesDir, options.Display, bag);
        var data = new SiteDataLoader(options.ContentDir, options.TemplatesDir, options.Display, bag).Load();
        return new PageParser(MarkdownPipelineFactory.CreateBody(strings.Alerts, strings.Get("table.label")), data, bag, keepTree: false);
    }

    [Fact]
    public void A_deferred_body_gives_its_heading_ids_before_it_is_parsed()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        var bag = new DiagnosticBag();
        var page = Parser(site, bag).Parse(new SourceDocument("metoder/zz.md", "content/metoder/zz.md",
            Pages.Method("Zz", body: "## Steg 1\n\nTekst.\n\n## Steg *2*\n\nTekst.\n")));

        Assert.Throws<InvalidOperationException>(() => page.Body);
        Assert.Equal(["steg-1", "steg-2"], page.HeadingIds.Order(StringComparer.Ordinal));
        page.ParseBody(bag);
        Assert.Equal(2, page.Body.Descendants<HeadingBlock>().Count());
        page.ReleaseBody();
        Assert.Equal(["steg-1", "steg-2"], page.HeadingIds.Order(StringComparer.Ordinal));
        Assert.Empty(bag.Raw());
    }

    [Fact]
    public void A_body_too_deep_is_reported_once_by_its_own_page_not_by_a_link_asking_for_its_headings()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        var bag = new DiagnosticBag();
        var page = Parser(site, bag).Parse(new SourceDocument("metoder/dyp.md", "content/metoder/dyp.md",
            Pages.Method("Dyp", body: "## Noe\n\n" + new string('>', 60) + " tekst\n")));

        Assert.Empty(page.HeadingIds);
        Assert.Empty(bag.Raw());
        var own = new DiagnosticBag();
        page.ParseBody(own);
        var d = Assert.Single(own.Raw());
        Assert.Equal(("ABC004", "content/metoder/dyp.md"), (d.Code, d.Span.File));
        Assert.Empty(page.Body);
    }
}
