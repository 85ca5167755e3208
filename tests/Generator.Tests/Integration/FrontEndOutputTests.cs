using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ForbedringsAbc.Output;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>
/// What the front end adds to every page and to each kind, checked on a fixture site built in
/// memory: the frame (skip link, header search, menu, breadcrumbs, footer), the table of
/// contents, the cycle figure, a guide's local film with its chapters track, and the URLs of
/// the files a page's front matter names.
/// </summary>
public class FrontEndOutputTests
{
    private static readonly HtmlParser Parser = new();

    private static readonly Lazy<MemorySink> Site = new(BuildSite);

    private static MemorySink BuildSite()
    {
        var files = Pages.MinimalSite();
        files["metoder/pdsa.md"] = Pages.Method("PDSA", "gjennomføre",
            "## Hva er det?\n\nTekst.\n\n## Slik gjør du det\n\nTekst.\n\n### Første steg\n\nTekst.\n\n## Fallgruver\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n");
        files["metoder/fiskebein.md"] = Pages.Method("Fiskebeinsdiagram", "forstå");
        files["refleksjon/film.md"] =
            "---\ntitle: \"Filmguide\"\nsummary: \"Med film.\"\npublished: 2021-01-01\n" +
            "video:\n  title: \"Filmen\"\n  src: \"film/film.webm\"\n  captions: \"film/film.vtt\"\n" +
            "chapters:\n  - time: \"00:00:00\"\n    title: \"Start\"\n    speakers: [\"Kari\"]\n  - time: \"01:20:50\"\n    title: \"A & <b>\"\n    speakers: [\"Ola\"]\n" +
            "questions: [\"Hva lærte dere?\"]\n---\n\nIntro før første overskrift.\n\n## Etterpå\n\nTekst.\n";
        files["historier/foto.md"] = Pages.Story("Foto", extra: "tags: [pasientsikkerhet]\nimage:\n  src: bilder/a.svg\n  alt: \"Et team\"\n  caption: \"Teamet.\"\n  credit: \"Foto: Kari\"\n");
        using var site = new FixtureSite(files);
        site.WriteFile("refleksjon/film/film.webm", "not really a film");
        site.WriteFile("refleksjon/film/film.vtt", "WEBVTT\n");
        site.WriteFile("historier/bilder/a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        var (result, sink) = site.Build(baseUrl: new Uri("https://intranett.example/abc/"));
        Assert.True(result.Errors == 0, string.Join("\n", result.Diagnostics));
        return sink;
    }

    private static IDocument Page(string path) => Parser.ParseDocument(Site.Value.Text(path));

    [Fact]
    public void Every_page_has_the_skip_link_first_then_header_search_menu_and_footer()
    {
        foreach (var path in Site.Value.Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = Page(path);
            var first = doc.Body!.FirstElementChild!;
            Assert.Equal(("a", "#hovedinnhold", "Hopp til hovedinnhold"), (first.LocalName, first.GetAttribute("href"), first.TextContent));
            var form = doc.QuerySelector("header form[role=search]")!;
            Assert.Equal("get", form.GetAttribute("method"));
            Assert.EndsWith("sok/index.html", form.GetAttribute("action"));
            var input = form.QuerySelector("input[type=search][name=q]")!;
            Assert.Equal("Søk", doc.QuerySelector($"label[for='{input.Id}']")!.TextContent);
            var menu = doc.QuerySelectorAll("nav[aria-label='Hovedmeny'] a").Select(a => a.TextContent);
            Assert.Equal(["Metoder", "Erfaringer", "Refleksjon", "Kontakt"], menu);
            Assert.Equal("main", doc.QuerySelector("#hovedinnhold")!.LocalName);
            Assert.NotNull(doc.QuerySelector("footer"));
        }
    }

    [Fact]
    public void The_title_names_page_section_and_site_and_the_last_crumb_is_the_current_page()
    {
        var doc = Page("metoder/pdsa/index.html");
        Assert.Equal("PDSA – Metoder – Forbedringsarbeidets ABC", doc.Title);
        var crumbs = doc.QuerySelectorAll("nav.breadcrumbs li");
        Assert.Equal(["Forside", "Metoder", "PDSA"], crumbs.Select(c => c.TextContent));
        Assert.Equal("page", crumbs[^1].QuerySelector("[aria-current]")!.GetAttribute("aria-current"));
        Assert.Equal("Emne: pasientsikkerhet – Alle emner – Forbedringsarbeidets ABC", Page("emner/pasientsikkerhet/index.html").Title);
    }

    [Fact]
    public void A_long_page_has_a_table_of_contents_of_its_headings_and_sections()
    {
        var doc = Page("metoder/pdsa/index.html");
        var toc = doc.QuerySelector("nav.toc")!;
        Assert.Equal("Innhold på siden", toc.QuerySelector("h2")!.TextContent);
        var links = toc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#hva-er-det", "#slik-gjør-du-det", "#første-steg", "#fallgruver", "#erfaringer-med-metoden"], links);
        foreach (var id in links) Assert.NotNull(doc.GetElementById(id![1..]));
        Assert.Equal("#første-steg", toc.QuerySelector("ol ol a")!.GetAttribute("href"));
        Assert.Null(Page("kontakt/kari-nordmann/index.html").QuerySelector("nav.toc"));
    }

    [Fact]
    public void The_cycle_figure_links_every_phase_to_its_methods_and_marks_the_phase_of_a_method()
    {
        var home = Page("index.html");
        var drawings = home.QuerySelectorAll("figure.cycle svg");
        Assert.Equal(2, drawings.Length);
        foreach (var svg in drawings)
        {
            Assert.Equal("Forbedringssyklusen", svg.QuerySelector("title")!.TextContent);
            var hrefs = svg.QuerySelectorAll("a").Select(a => a.GetAttribute("href"));
            Assert.Equal(["metoder/index.html#fase-forsta", "metoder/index.html#fase-planlegge", "metoder/index.html#fase-gjennomfore", "metoder/index.html#fase-evaluere", "metoder/index.html#fase-korrigere"], hrefs);
            Assert.Empty(svg.QuerySelectorAll("[aria-current]"));
        }
        var method = Page("metoder/pdsa/index.html");
        var current = method.QuerySelectorAll("figure.cycle a[aria-current=step]");
        Assert.Equal(2, current.Length);
        Assert.All(current, a => Assert.StartsWith("3 Gjennomføre", a.GetAttribute("aria-label")));
        Assert.Contains("Gjennomføre", method.QuerySelector("figure.cycle figcaption")!.TextContent);
    }

    [Fact]
    public void A_guide_with_a_local_film_gets_captions_a_chapters_track_and_seek_buttons()
    {
        var doc = Page("refleksjon/film/index.html");
        var video = doc.QuerySelector("video")!;
        Assert.Equal("../../refleksjon/film/film.webm", video.GetAttribute("src"));
        Assert.Null(video.GetAttribute("autoplay"));
        Assert.Equal("../../refleksjon/film/film.vtt", video.QuerySelector("track[kind=captions][srclang=nb]")!.GetAttribute("src"));
        var chapters = video.QuerySelector("track[kind=chapters]")!.GetAttribute("src");
        Assert.Equal("../../refleksjon/film/kapitler.vtt", chapters);
        Assert.Equal(
            "WEBVTT\n\n1\n00:00:00.000 --> 01:20:50.000\nStart\n\n2\n01:20:50.000 --> 99:59:59.999\nA &amp; &lt;b&gt;\n",
            Site.Value.Text("refleksjon/film/kapitler.vtt"));
        var buttons = doc.QuerySelectorAll("ol.chapters button[data-seek]");
        Assert.Equal(["0", "4850"], buttons.Select(b => b.GetAttribute("data-seek")));
        Assert.All(buttons, b => Assert.True(b.HasAttribute("hidden")));
        Assert.Equal("Spill av fra 01:20:50", buttons[1].TextContent);
        Assert.Equal("Spill av fra 01:20:50: A & <b>", buttons[1].GetAttribute("aria-label"));
        // The intro (before the first h2) comes above the film, the rest below the chapters.
        var order = doc.QuerySelectorAll(".page__body > *").Select(e => e.ClassName ?? e.LocalName).ToList();
        Assert.True(order.IndexOf("prose guide__intro") < order.FindIndex(c => c.Contains("video", StringComparison.Ordinal)));
        Assert.Contains("Intro før første overskrift.", doc.QuerySelector(".guide__intro")!.TextContent);
        Assert.DoesNotContain("Etterpå", doc.QuerySelector(".guide__intro")!.TextContent);
    }

    [Fact]
    public void A_guide_with_an_outside_film_links_to_it_and_has_no_player()
    {
        var doc = Page("refleksjon/best-under-press/index.html");
        Assert.Null(doc.QuerySelector("video"));
        Assert.Empty(doc.QuerySelectorAll("button[data-seek]"));
        Assert.Equal("https://www.example.no/film", doc.QuerySelector(".video a")!.GetAttribute("href"));
        Assert.DoesNotContain("refleksjon/best-under-press/kapitler.vtt", Site.Value.Files.Keys);
    }

    [Fact]
    public void A_lead_image_url_is_relative_to_the_page_and_shows_caption_and_credit()
    {
        var figure = Page("historier/foto/index.html").QuerySelector("figure.lead-image")!;
        Assert.Equal("../../historier/bilder/a.svg", figure.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("Et team", figure.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("Teamet.", figure.QuerySelector(".caption")!.TextContent);
        Assert.Equal("Foto: Kari", figure.QuerySelector(".credit")!.TextContent);
        Assert.Contains("historier/bilder/a.svg", Site.Value.Files.Keys);
    }

    [Fact]
    public void A_table_scrolls_in_its_own_focusable_box()
    {
        var box = Page("metoder/pdsa/index.html").QuerySelector(".prose .table-scroll")!;
        Assert.Equal(("0", "group", "Tabell"), (box.GetAttribute("tabindex"), box.GetAttribute("role"), box.GetAttribute("aria-label")));
        Assert.Equal("table", box.FirstElementChild!.LocalName);
    }

    [Fact]
    public void No_page_loads_anything_from_outside_and_every_page_loads_the_stylesheet_script_and_icon()
    {
        foreach (var path in Site.Value.Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = Page(path);
            var root = path == "404.html" ? "/abc/" : string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));
            Assert.Equal(root + "assets/css/site.css", doc.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
            Assert.Equal(root + "assets/js/site.js", doc.QuerySelector("script[src]")!.GetAttribute("src"));
            Assert.Equal(root + "assets/favicon.svg", doc.QuerySelector("link[rel=icon]")!.GetAttribute("href"));
        }
    }
}
