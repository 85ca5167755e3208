using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ForbedringsAbc.Output;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>
/// A whole fixture site, written inline and built in memory: what readers see on each kind of
/// page, and the generated pages (sections, tags, 404, redirects, sitemap, feed).
/// </summary>
public class SiteOutputTests
{
    private static readonly HtmlParser Parser = new();

    private static Dictionary<string, string> Files()
    {
        var files = Pages.MinimalSite();
        files["historier/tavlemoter.md"] = Pages.Story("Tavlemøter på sengeposten",
            body: "## Bakgrunn\n\nVi brukte [PDSA](../metoder/pdsa.md#hva-er-det).\n\n" +
                  "![Sykepleiere ved tavlen](bilder/tavle.svg \"Tavlemøtet tar ti minutter. Foto: Kari Nordmann\")\n\n" +
                  "> [!TIP]\n> Start i det små.\n\n## Hva lærte vi?\n\n- Mye\n",
            extra: "tags: [Tavlemøter, pasientsikkerhet]\naliases: [\"/gamle/tavler/\"]\n");
        files["historier/fall.md"] = Pages.Story("Færre fall", extra: "tags: [pasientsikkerhet]\n").Replace("2022-05-02", "2022-06-01");
        files["metoder/fiskebein.md"] = Pages.Method("Fiskebeinsdiagram", "forstå");
        files["om/tilgjengelighet.md"] = "---\ntitle: \"Tilgjengelighetserklæring\"\nsummary: \"Om tilgjengelighet.\"\npublished: 2024-01-01\n---\n\nTekst.\n";
        files["_data/site.yaml"] = "title: \"Forbedringsarbeidets ABC\"\naccessibility_page: om/tilgjengelighet.md\n";
        return files;
    }

    private static (Build Result, MemorySink Out) BuildSite(Uri? baseUrl = null)
    {
        using var site = new FixtureSite(Files());
        site.WriteFile("historier/bilder/tavle.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        var (result, sink) = site.Build(baseUrl: baseUrl);
        return (new Build(result.Errors, result.Warnings, string.Join("\n", result.Diagnostics)), sink);
    }

    public sealed record Build(int Errors, int Warnings, string Diagnostics);

    private static IDocument Page(MemorySink sink, string path) => Parser.ParseDocument(sink.Text(path));

    /// <summary>The site's own script files: site.js on every page, the search page's files.</summary>
    private const string SiteScript = @"^(\.\./)*assets/js/(site|search-[a-z]+)\.js$";

    [Fact]
    public void The_fixture_site_builds_without_diagnostics()
    {
        var (build, _) = BuildSite();
        Assert.True(build.Errors == 0 && build.Warnings == 0, build.Diagnostics);
    }

    [Fact]
    public void Every_page_is_norwegian_with_landmarks_and_one_h1()
    {
        var (_, sink) = BuildSite();
        foreach (var path in sink.Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = Page(sink, path);
            Assert.Equal("nb", doc.DocumentElement.GetAttribute("lang"));
            Assert.Single(doc.QuerySelectorAll("h1"));
            Assert.NotNull(doc.QuerySelector("header"));
            Assert.NotNull(doc.QuerySelector("main#hovedinnhold"));
            Assert.NotNull(doc.QuerySelector("footer"));
            Assert.Equal("#hovedinnhold", doc.QuerySelector("body > a")!.GetAttribute("href"));
        }
    }

    [Fact]
    public void A_story_shows_dates_unit_figure_methods_and_contact_card()
    {
        var (_, sink) = BuildSite();
        var doc = Page(sink, "historier/tavlemoter/index.html");
        Assert.Equal("Tavlemøter på sengeposten", doc.QuerySelector("h1")!.TextContent);
        var updated = doc.QuerySelectorAll("time").First(t => t.GetAttribute("datetime") == "2023-01-10");
        Assert.Equal("10. januar 2023", updated.TextContent);
        Assert.Contains("Sist oppdatert", updated.ParentElement!.TextContent);
        Assert.Contains("Sengepost 3, Eksempel sykehus", doc.QuerySelector(".unit")!.TextContent);

        var figure = doc.QuerySelector(".prose figure")!;
        Assert.Equal("Sykepleiere ved tavlen", figure.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("../../historier/bilder/tavle.svg", figure.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("Foto: Kari Nordmann", figure.QuerySelector("figcaption .credit")!.TextContent);
        Assert.StartsWith("Tavlemøtet tar ti minutter.", figure.QuerySelector("figcaption")!.TextContent);

        Assert.Equal("../../metoder/pdsa/index.html#hva-er-det", doc.QuerySelector(".prose a")!.GetAttribute("href"));
        Assert.Equal("Tips", doc.QuerySelector(".markdown-alert-title")!.TextContent);
        Assert.Equal("hva-lærte-vi", doc.QuerySelectorAll(".prose h2")[1].Id);

        var card = doc.QuerySelector(".contact-card")!;
        Assert.Equal("Interessert? Ta kontakt med", card.QuerySelector("h2")!.TextContent);
        Assert.Contains("Kari Nordmann", card.TextContent);
        Assert.Contains("Rådgiver", card.TextContent);
        Assert.Contains("Kvalitetsavdelingen", card.TextContent);
        Assert.Equal("mailto:kari@example.no", card.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));

        var methods = doc.QuerySelectorAll("section[aria-labelledby='metoder-som-ble-brukt'] a").Select(a => a.GetAttribute("href"));
        Assert.Equal(["../../metoder/pdsa/index.html"], methods);
    }

    [Fact]
    public void A_method_lists_the_stories_that_used_it_newest_first_and_its_phase()
    {
        var (_, sink) = BuildSite();
        var doc = Page(sink, "metoder/pdsa/index.html");
        var stories = doc.QuerySelectorAll("section[aria-labelledby='erfaringer-med-metoden'] li > a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Færre fall", "Tavlemøter på sengeposten"], stories);
        Assert.Contains("Planlegge", doc.QuerySelector(".phase")!.TextContent);
    }

    [Fact]
    public void A_contact_page_lists_the_stories_it_answers_for()
    {
        var (_, sink) = BuildSite();
        var doc = Page(sink, "kontakt/kari-nordmann/index.html");
        Assert.Equal(2, doc.QuerySelectorAll("section[aria-labelledby='historier-med-kontakt'] li").Length);
        Assert.Equal("tel:+4740000000", doc.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
    }

    [Fact]
    public void A_guide_shows_chapters_speakers_and_numbered_questions()
    {
        var (_, sink) = BuildSite();
        var doc = Page(sink, "refleksjon/best-under-press/index.html");
        var chapters = doc.QuerySelectorAll("ol.chapters > li");
        Assert.Equal(2, chapters.Length);
        Assert.Equal("kapittel-1", chapters[0].Id);
        var time = chapters[0].QuerySelector("time")!;
        Assert.Equal(("01:20:50", "PT1H20M50S"), (time.TextContent, time.GetAttribute("datetime")));
        Assert.Equal("Hege Huseklepp, rådgiver, Utviklingssenteret", chapters[0].QuerySelectorAll(".speakers li")[0].TextContent);
        Assert.Equal("Sønneve Teigen", chapters[0].QuerySelectorAll(".speakers li")[1].TextContent);
        var questions = doc.QuerySelectorAll("ol.questions > li");
        Assert.Equal(["sporsmal-1", "sporsmal-2"], questions.Select(q => q.Id));
        Assert.Equal("Hvordan deler dere erfaring?", questions[0].TextContent);
        Assert.Contains("Snakk om forbedring", doc.QuerySelector(".resources")!.TextContent);
        Assert.Equal("https://www.example.no/film", doc.QuerySelector(".video a")!.GetAttribute("href"));
        Assert.Contains("Publisert", doc.QuerySelector(".dates")!.TextContent);
    }

    [Fact]
    public void Sections_tags_404_and_redirects_are_generated()
    {
        var (_, sink) = BuildSite();
        var methods = Page(sink, "metoder/index.html");
        Assert.Equal(["fase-forsta", "fase-planlegge", "fase-gjennomfore", "fase-evaluere", "fase-korrigere"],
            methods.QuerySelectorAll("section h2").Select(h => h.Id));
        Assert.Equal("Fiskebeinsdiagram", methods.QuerySelector("#fase-forsta + p + ul a")!.TextContent);

        var tag = Page(sink, "emner/pasientsikkerhet/index.html");
        Assert.Equal(2, tag.QuerySelectorAll(".item-list li").Length);
        Assert.Contains("emner/tavlemoter/index.html", sink.Files.Keys);
        Assert.Contains("Tavlemøter", Page(sink, "emner/index.html").QuerySelector(".tag-index")!.TextContent);

        var notFound = Page(sink, "404.html");
        Assert.Equal("index.html", notFound.QuerySelector("main a")!.GetAttribute("href"));

        var redirect = sink.Text("gamle/tavler/index.html");
        Assert.Contains("url=../../historier/tavlemoter/index.html", redirect);

        Assert.Equal("om/tilgjengelighet/index.html", Page(sink, "index.html").QuerySelector("footer a")!.GetAttribute("href"));
    }

    [Fact]
    public void Sitemap_and_feed_need_a_base_url_and_then_use_absolute_urls()
    {
        var (_, without) = BuildSite();
        Assert.DoesNotContain("sitemap.xml", without.Files.Keys);
        Assert.DoesNotContain("feed.xml", without.Files.Keys);

        var (_, with) = BuildSite(new Uri("https://intranett.example/kvalitet/abc/"));
        var sitemap = with.Text("sitemap.xml");
        Assert.Contains("<loc>https://intranett.example/kvalitet/abc/historier/tavlemoter/</loc>", sitemap);
        Assert.Contains("<lastmod>2023-01-10</lastmod>", sitemap);
        var feed = with.Text("feed.xml");
        Assert.Contains("<id>https://intranett.example/kvalitet/abc/refleksjon/best-under-press/</id>", feed);
        Assert.DoesNotContain("metoder/pdsa", feed);
        Assert.Equal("/kvalitet/abc/index.html", Parser.ParseDocument(with.Text("404.html")).QuerySelector("main a")!.GetAttribute("href"));
    }

    [Fact]
    public void Raw_html_and_script_urls_never_reach_the_output()
    {
        var files = Files();
        files["historier/fall.md"] = Pages.Story("Fall", body: "<script>alert(1)</script>\n\nTekst <img src=x onerror=alert(1)> og [lenke](javascript:alert(1)).\n");
        using var site = new FixtureSite(files);
        site.WriteFile("historier/bilder/tavle.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        var (result, sink) = site.Build();
        Assert.Contains(result.Diagnostics, d => d.Code == "ABC304");
        Assert.Contains(result.Diagnostics, d => d.Code == "ABC305");
        var doc = Page(sink, "historier/fall/index.html");
        Assert.Empty(doc.QuerySelectorAll("script:not([src]), [onerror]"));
        Assert.All(doc.QuerySelectorAll("script[src]"), s => Assert.Matches(SiteScript, s.GetAttribute("src")!));
        Assert.DoesNotContain(doc.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert(1)</script>", doc.QuerySelector(".prose")!.TextContent);
    }

    [Fact]
    public void Editor_text_is_escaped_in_every_template()
    {
        var files = Files();
        files["historier/fall.md"] = Pages.Story("<img src=x onerror=alert(1)>", extra: "tags: [\"<b>x</b>\"]\n").Replace("\"Sengepost 3, Eksempel sykehus\"", "\"<script>alert(2)</script>\"");
        using var site = new FixtureSite(files);
        site.WriteFile("historier/bilder/tavle.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        var (_, sink) = site.Build();
        foreach (var path in sink.Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = Page(sink, path);
            Assert.Empty(doc.QuerySelectorAll("script:not([src]), [onerror], .prose b, h1 img"));
            // The only scripts are the site's own files (no inline script: strict CSP).
            Assert.All(doc.QuerySelectorAll("script[src]"), s => Assert.Matches(SiteScript, s.GetAttribute("src")!));
        }
    }
}

public class MissingHomeTests
{
    [Fact]
    public void Without_content_index_the_home_page_is_made_from_the_site_data()
    {
        var files = Pages.MinimalSite();
        files.Remove("_index.md");
        using var site = new FixtureSite(files);
        var (result, sink) = site.Build();
        Assert.Empty(result.Diagnostics);
        var home = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(sink.Text("index.html"));
        Assert.Equal("Forbedringsarbeidets ABC", home.QuerySelector("h1")!.TextContent);
        Assert.Equal("Best under press", home.QuerySelector("#forside-refleksjon + ul a")!.TextContent);
    }
}
