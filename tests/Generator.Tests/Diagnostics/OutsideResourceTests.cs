using ForbedringsAbc.PostProcessing;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Diagnostics;

/// <summary>
/// ABC308: no page and no stylesheet makes the browser load anything from outside the site,
/// found in the templates and stylesheets (at their file and line) and in every page made
/// (at the template line that writes the attribute, naming the page and its line).
/// </summary>
public class OutsideResourceTests
{
    [Fact]
    public void A_template_that_loads_a_file_from_outside_is_an_error_at_its_line()
    {
        using var templates = TemplateCopy.Of(Repo.Templates);
        templates.Edit("layouts/base.html", text => text.Replace("<link rel=\"stylesheet\"", "<link rel=\"stylesheet\" href=\"https://fonts.example.com/font.css\">\n<link rel=\"stylesheet\""));
        var line = File.ReadAllLines(Path.Combine(templates.Path, "layouts", "base.html")).ToList().FindIndex(l => l.Contains("fonts.example.com", StringComparison.Ordinal)) + 1;
        using var site = new FixtureSite(Pages.MinimalSite());
        var d = Assert.Single(site.Build(templates.Path).Result.Diagnostics);
        Assert.Equal(("ABC308", line), (d.Code, d.Span.Line));
        Assert.EndsWith("layouts/base.html", d.Span.File);
        Assert.Contains("«https://fonts.example.com/font.css»", d.Message);
    }

    [Fact]
    public void A_stylesheet_that_loads_from_outside_is_an_error_at_its_line_and_column()
    {
        using var templates = TemplateCopy.Of(Repo.Templates);
        templates.Edit("assets/css/site.css", text => "@import url(\"https://cdn.example/reset.css\");\n/* url(https://in.a/comment) */\nbody {\n  background: url(//cdn.example/bg.png);\n}\n" + text);
        using var site = new FixtureSite(Pages.MinimalSite());
        var found = site.Build(templates.Path).Result.Diagnostics.Where(d => d.Code == "ABC308").Select(d => (d.Span.File.EndsWith("site.css", StringComparison.Ordinal), d.Span.Line, d.Span.Column)).ToList();
        Assert.Equal([(true, 1, 13), (true, 4, 19)], found);
    }

    [Fact]
    public void A_url_from_data_in_a_loading_attribute_is_reported_at_the_template_line_with_the_page()
    {
        using var templates = TemplateCopy.Of(Repo.Templates);
        templates.Edit("layouts/guide.html", text => text.Replace("<p class=\"video__link\">", "<img alt=\"\" src=\"{{ page.video.url }}\">\n<p class=\"video__link\">"));
        var line = File.ReadAllLines(Path.Combine(templates.Path, "layouts", "guide.html")).ToList().FindIndex(l => l.Contains("page.video.url }}\">", StringComparison.Ordinal)) + 1;
        using var site = new FixtureSite(Pages.MinimalSite());
        var d = Assert.Single(site.Build(templates.Path).Result.Diagnostics);
        Assert.Equal(("ABC308", line), (d.Code, d.Span.Line));
        Assert.EndsWith("layouts/guide.html", d.Span.File);
        Assert.Contains("refleksjon/best-under-press/index.html (linje ", d.Message);
        Assert.Contains("«https://www.example.no/film»", d.Message);
    }

    [Fact]
    public void Links_to_outside_pages_are_fine()
    {
        var files = Pages.MinimalSite();
        files["metoder/pdsa.md"] = Pages.Method("PDSA", body: "Se [Lovdata](https://lovdata.no/) og <https://example.com>.\n");
        using var site = new FixtureSite(files);
        Assert.Empty(site.Diagnostics());
    }

    [Theory]
    [InlineData("https://x.example/a.css", true)]
    [InlineData("HTTP://x.example/a.css", true)]
    [InlineData("//x.example/a.css", true)]
    [InlineData("file:///etc/passwd", true)]
    [InlineData("data:image/png;base64,AAAA", false)]
    [InlineData("../assets/a.css", false)]
    [InlineData("assets/a.css", false)]
    [InlineData("a.css?v=1:2", false)]
    [InlineData("#x", false)]
    public void Outside_means_another_host_or_a_scheme_that_loads(string url, bool outside) =>
        Assert.Equal(outside, ResourceFinder.IsOutside(url));

    [Fact]
    public void The_css_scanner_finds_urls_imports_and_image_sets_but_not_comments()
    {
        var css = "/* url(a) */\n@import 'b.css';\na { background: url( \"c.png\" ) image-set(\"d.png\" 1x, 'e.png' 2x); }\n";
        Assert.Equal([("b.css", 2, 10), ("c.png", 3, 21), ("d.png", 3, 43), ("e.png", 3, 55)],
            CssUrlScanner.Scan(css).Select(u => (u.Url, u.Line, u.Column)));
    }

    /// <summary>The quick look that spares most pages the HTML parser must never skip a page that loads from outside.</summary>
    [Theory]
    [InlineData("<p>Se https://helsedirektoratet.no for mer.</p>", false)]
    [InlineData("<a href=\"https://www.youtube.com/watch?v=1\">Se filmen</a>", false)]
    [InlineData("<a class=\"x\" href=\"//intranett.example/side\">lenke</a>", false)]
    [InlineData("<img src=\"https://cdn.example/a.png\" alt=\"\">", true)]
    [InlineData("<a href=\"/side\" ping=\"https://sporing.example/\">x</a>", true)]
    [InlineData("<a href=\"/side\" style=\"background:url(//cdn.example/a.png)\">x</a>", true)]
    [InlineData("<abbr title=\"//\">x</abbr>", true)]
    [InlineData("<link rel=\"stylesheet\" href=\"//cdn.example/a.css\">", true)]
    [InlineData("<style>p { background: url(//cdn.example/a.png) }</style><p>x</p>", true)]
    [InlineData("<script src=\"https://cdn.example/a.js\"></script>", true)]
    [InlineData("<p>ingen adresser</p>", false)]
    public void Only_pages_without_a_possible_outside_load_skip_the_parser(string html, bool parsed) =>
        Assert.Equal(parsed, OutsideResourceChecker.MayLoadFromOutside(html));
}
