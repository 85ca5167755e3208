using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>
/// A file an editor puts in content/ (an image, a document) is copied to the same place in the
/// site, except where the build writes a file of its own: a page, a list or tag page, a
/// redirect, 404.html and the other files the site makes, a file of the templates' assets/, a
/// guide's chapter track. There the editor's file is reported, with the file and what owns the
/// address, and left out; before, it silently replaced the page (a story vanished from the site),
/// or the generated file replaced it.
/// </summary>
public sealed class AssetCollisionTests
{
    [Fact]
    public void A_file_of_content_where_the_build_writes_its_own_is_reported_and_the_site_keeps_its_own()
    {
        var files = Pages.MinimalSite();
        files["refleksjon/film.md"] =
            "---\ntitle: \"Filmguide\"\nsummary: \"Med film.\"\npublished: 2021-01-01\n" +
            "video:\n  title: \"Filmen\"\n  src: \"film/film.webm\"\n" +
            "chapters:\n  - time: \"00:00:10\"\n    title: \"Start\"\n    speakers: [\"Kari\"]\n" +
            "questions:\n  - \"Hva så dere?\"\n---\n\nSe filmen.\n";
        using var site = new FixtureSite(files);
        site.WriteFile("refleksjon/film/film.webm", "not really a film");
        site.WriteFile("historier/tavlemoter/index.html", "<p>an old export of the story</p>");
        site.WriteFile("404.html", "<p>our own 404</p>");
        site.WriteFile("assets/css/site.css", "body { color: red }");
        site.WriteFile("refleksjon/film/kapitler.vtt", "WEBVTT\n\nan editor's own track\n");
        // Told apart by case only: one file on a Windows server's disk.
        site.WriteFile("Emner/Index.html", "<p>tags</p>");
        site.WriteFile("historier/tavlemoter/bilde.png", "a picture");

        var (result, output) = site.Build();

        var refused = result.Diagnostics.Where(d => d.Code == "ABC200").ToDictionary(d => d.Span.File, d => d.Message);
        Assert.Equal(
            ["content/404.html", "content/Emner/Index.html", "content/assets/css/site.css", "content/historier/tavlemoter/index.html", "content/refleksjon/film/kapitler.vtt"],
            refused.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("samme adresse (historier/tavlemoter/index.html) som content/historier/tavlemoter.md", refused["content/historier/tavlemoter/index.html"]);
        Assert.Contains("en side nettstedet lager selv", refused["content/404.html"]);
        Assert.Contains("templates/assets/", refused["content/assets/css/site.css"]);
        Assert.Contains("kapittelfilen nettstedet lager av kapitlene (`chapters`) i content/refleksjon/film.md", refused["content/refleksjon/film/kapitler.vtt"]);
        Assert.Contains("blir ikke kopiert", refused["content/Emner/Index.html"]);
        // The whole file is what is wrong (it has no lines to point at), as the message says.
        Assert.All(result.Diagnostics.Where(d => d.Code == "ABC200"), d => Assert.StartsWith($"{d.Span.File}: error ABC200: Filen ", d.ToString()));

        // The site keeps its own files; the editor's other files are copied as before.
        Assert.Contains("<h1", output.Text("historier/tavlemoter/index.html"));
        Assert.DoesNotContain("our own 404", output.Text("404.html"));
        Assert.DoesNotContain("color: red", output.Text("assets/css/site.css"));
        Assert.Contains("Start", output.Text("refleksjon/film/kapitler.vtt"));
        Assert.DoesNotContain("an editor's own track", output.Text("refleksjon/film/kapitler.vtt"));
        Assert.DoesNotContain("Emner/Index.html", output.Files.Keys);
        Assert.Equal("a picture", output.Text("historier/tavlemoter/bilde.png"));
        Assert.Equal("not really a film", output.Text("refleksjon/film/film.webm"));
    }

    [Fact]
    public void Without_a_front_page_in_content_the_one_the_build_makes_is_not_replaced_by_a_file_or_a_redirect()
    {
        var files = Pages.MinimalSite();
        files.Remove("_index.md");
        files["metoder/pdsa.md"] = Pages.Method("PDSA").Replace("phase: planlegge\n", "phase: planlegge\naliases: [\"/index.html\"]\n");
        using var site = new FixtureSite(files);
        site.WriteFile("index.html", "<p>an old front page</p>");

        var (result, output) = site.Build();

        var refused = result.Diagnostics.Where(d => d.Code == "ABC200").ToList();
        Assert.Equal(["content/index.html", "content/metoder/pdsa.md"], refused.Select(d => d.Span.File).Order(StringComparer.Ordinal));
        Assert.All(refused, d => Assert.Contains("forsiden, som nettstedet lager selv", d.Message));
        Assert.DoesNotContain("an old front page", output.Text("index.html"));
        Assert.DoesNotContain("http-equiv=\"refresh\"", output.Text("index.html"));
    }
}
