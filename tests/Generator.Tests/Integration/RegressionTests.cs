using AngleSharp.Html.Parser;
using ForbedringsAbc.Cli;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>Regression tests for defects found in review, each named after what broke.</summary>
public class RegressionTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void Lead_image_film_and_captions_work_under_a_sub_path_and_from_disk()
    {
        var files = Pages.MinimalSite();
        files["historier/tavlemoter.md"] = Pages.Story("Tavlemøter", extra: "image:\n  src: bilder/tavle.svg\n  alt: \"Tavlen\"\n  caption: \"Tavlemøtet\"\n  credit: \"Kari\"\n");
        files["refleksjon/best-under-press.md"] = Pages.Guide.Replace("  url: \"https://www.example.no/film\"\n", "  src: film.mp4\n  captions: film.vtt\n");
        using var site = new FixtureSite(files);
        site.WriteFile("historier/bilder/tavle.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        site.WriteFile("refleksjon/film.mp4", "not really a film");
        site.WriteFile("refleksjon/film.vtt", "WEBVTT\n");
        var output = Path.Combine(site.Root, "site");
        var log = new StringWriter();
        Assert.True(BuildCommand.Run(site.Options(output: output), log) == 0, log.ToString());
        Assert.Empty(OutputLinkChecker.BrokenLinks(output));
        var story = Parser.ParseDocument(File.ReadAllText(Path.Combine(output, "historier", "tavlemoter", "index.html")));
        Assert.Equal("../../historier/bilder/tavle.svg", story.QuerySelector("main figure img")!.GetAttribute("src"));
        var guide = Parser.ParseDocument(File.ReadAllText(Path.Combine(output, "refleksjon", "best-under-press", "index.html")));
        Assert.Equal("../../refleksjon/film.mp4", guide.QuerySelector("video")!.GetAttribute("src"));
    }

    [Fact]
    public void Emoji_in_tags_and_file_names_build()
    {
        var files = Pages.MinimalSite();
        files["historier/glede-😀.md"] = Pages.Story("Glede", extra: "tags: [\"Glede 😀\"]\n");
        using var site = new FixtureSite(files);
        var (result, sink) = site.Build();
        Assert.Empty(result.Diagnostics);
        Assert.Contains("historier/glede/index.html", sink.Files.Keys);
        Assert.Contains("emner/glede/index.html", sink.Files.Keys);
    }

    [Fact]
    public void The_output_folder_can_never_replace_content_templates_or_the_project()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        foreach (var output in new[] { site.ContentDir, site.Root, Path.GetDirectoryName(site.Root)!, Path.Combine(site.ContentDir, "site") })
        {
            Assert.Throws<UsageException>(() => BuildCommand.Run(site.Options(output: output), TextWriter.Null));
        }
        Assert.True(Directory.Exists(site.ContentDir));
        var error = new StringWriter();
        Assert.Equal(2, CommandLine.Run(["build", "--content", site.ContentDir, "--templates", Repo.Templates, "--output", site.ContentDir], TextWriter.Null, error));
        Assert.Contains("would replace the content folder", error.ToString());
    }

    [Fact]
    public void A_missing_content_folder_is_a_usage_error_for_build_and_check()
    {
        var error = new StringWriter();
        Assert.Equal(2, CommandLine.Run(["check", "--content", "/finnes/ikke"], TextWriter.Null, error));
        Assert.Contains("does not exist", error.ToString());
        Assert.Equal(2, CommandLine.Run(["build", "--content", "/finnes/ikke", "--output", "/tmp/abc-unused"], TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public void A_folder_without_letters_is_reported_and_nothing_is_written_outside_the_output()
    {
        var files = Pages.MinimalSite();
        files["_/gammel.md"] = "---\ntitle: \"Gammel\"\nsummary: \"x\"\npublished: 2020-01-01\n---\n";
        using var site = new FixtureSite(files);
        var (result, sink) = site.Build();
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("content/_/gammel.md", "ABC111"), (d.Span.File, d.Code));
        Assert.All(sink.Files.Keys, k => Assert.False(k.StartsWith('/')));
    }

    [Fact]
    public void A_content_folder_named_like_the_tag_pages_is_reported_and_the_output_is_stable()
    {
        var files = Pages.MinimalSite();
        files["emner/foo.md"] = "---\ntitle: \"Foo\"\nsummary: \"x\"\npublished: 2020-01-01\n---\n";
        using var site = new FixtureSite(files);
        var first = site.Build();
        var d = Assert.Single(first.Result.Diagnostics);
        Assert.Equal(("content/emner/foo.md", "ABC200"), (d.Span.File, d.Code));
        for (var i = 0; i < 5; i++) Assert.Equal(first.Output.Text("emner/index.html"), site.Build().Output.Text("emner/index.html"));
        Assert.Contains("Alle emner", first.Output.Text("emner/index.html"));
    }

    [Fact]
    public void Folder_names_are_matched_without_regard_to_case()
    {
        var files = Pages.MinimalSite();
        files["Historier/stor.md"] = Pages.Story("Stor");
        using var site = new FixtureSite(files);
        var (result, sink) = site.Build();
        Assert.Empty(result.Diagnostics);
        var doc = Parser.ParseDocument(sink.Text("historier/stor/index.html"));
        Assert.NotNull(doc.QuerySelector(".contact-card"));
    }

    [Fact]
    public void A_page_without_front_matter_does_not_make_links_to_it_look_broken()
    {
        var files = Pages.MinimalSite();
        files["metoder/pdsa.md"] = "Bare tekst, ingen nøkler.\n";
        using var site = new FixtureSite(files);
        Assert.Equal(["ABC100"], site.Diagnostics().Select(d => d.Code));
    }

    [Fact]
    public void Broken_phase_data_gives_one_error_not_one_per_method()
    {
        var files = Pages.MinimalSite();
        files["_data/phases.yaml"] = "phases:\n  - id: \"planlegge\n";
        using var site = new FixtureSite(files);
        var d = Assert.Single(site.Diagnostics());
        Assert.Equal(("content/_data/phases.yaml", "ABC500"), (d.Span.File, d.Code));
    }

    [Fact]
    public void Markdown_nested_too_deep_is_reported_on_its_file()
    {
        var files = Pages.MinimalSite();
        files["historier/dyp.md"] = Pages.Story("Dyp", body: new string('>', 20000) + " tekst\n");
        using var site = new FixtureSite(files);
        var d = Assert.Single(site.Diagnostics());
        Assert.Equal(("content/historier/dyp.md", "ABC004"), (d.Span.File, d.Code));
    }

    [Fact]
    public void Two_files_differing_only_in_case_do_not_crash_link_suggestions()
    {
        var files = Pages.MinimalSite();
        files["historier/a.md"] = Pages.Story("A", body: "Se [b](bb.md).\n");
        files["historier/a.MD"] = Pages.Story("A igjen");
        using var site = new FixtureSite(files);
        var codes = site.Diagnostics().Select(d => d.Code).Order().ToList();
        Assert.Equal(["ABC200", "ABC300"], codes);
    }

    [Fact]
    public void Markdown_headings_never_take_the_ids_the_layout_uses()
    {
        var files = Pages.MinimalSite();
        files["refleksjon/best-under-press.md"] = Pages.Guide + "\n## Tips\n\n## Kapitler\n\n## Kapittel 1\n\n## Hovedinnhold\n\nSe [tipsene](#tips-1).\n";
        using var site = new FixtureSite(files);
        var (result, sink) = site.Build();
        Assert.Empty(result.Diagnostics);
        var ids = Parser.ParseDocument(sink.Text("refleksjon/best-under-press/index.html")).QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("kapittel-1-1", ids);
    }

    [Fact]
    public void Email_autolinks_are_mail_links()
    {
        var files = Pages.MinimalSite();
        files["historier/tavlemoter.md"] = Pages.Story("Tavlemøter", body: "Skriv til <kari@example.no>.\n");
        using var site = new FixtureSite(files);
        var (result, sink) = site.Build();
        Assert.Empty(result.Diagnostics);
        Assert.Contains("href=\"mailto:kari@example.no\"", sink.Text("historier/tavlemoter/index.html"));
    }

    [Theory]
    [InlineData("17. mai feiret vi med beboerne.", "17. mai feiret vi med beboerne.")]
    [InlineData("- 30 prosent færre fall", "- 30 prosent færre fall")]
    [InlineData("*Kort* om fall\\n# og mer", "<em>Kort</em> om fall # og mer")]
    public void A_summary_is_always_one_line_of_text(string summary, string html)
    {
        var files = Pages.MinimalSite();
        files["historier/tavlemoter.md"] = Pages.Story("Tavlemøter").Replace("\"Historien om Tavlemøter.\"", $"\"{summary}\"");
        using var site = new FixtureSite(files);
        var (result, sink) = site.Build();
        Assert.Empty(result.Diagnostics);
        Assert.Equal(html, Parser.ParseDocument(sink.Text("historier/tavlemoter/index.html")).QuerySelector(".lead")!.InnerHtml);
    }

    [Fact]
    public void One_tag_in_two_spellings_on_a_page_counts_once()
    {
        var files = Pages.MinimalSite();
        files["historier/tavlemoter.md"] = Pages.Story("Tavlemøter", extra: "tags: [Ledelse, ledelse]\n");
        using var site = new FixtureSite(files);
        var (_, sink) = site.Build();
        Assert.Single(Parser.ParseDocument(sink.Text("emner/ledelse/index.html")).QuerySelectorAll(".item-list li"));
    }

    [Fact]
    public void A_slug_clash_is_reported_at_the_slug_line()
    {
        var files = Pages.MinimalSite();
        files["metoder/annen.md"] = Pages.Method("Annen").Replace("phase: planlegge\n", "phase: planlegge\nslug: pdsa\n");
        files["metoder/zzz.md"] = Pages.Method("Zzz").Replace("phase: planlegge\n", "phase: planlegge\nslug: pdsa\n");
        using var site = new FixtureSite(files);
        var lines = site.Diagnostics().Select(d => $"{d.Span.File}({d.Span.Line},{d.Span.Column}) {d.Code}").ToList();
        Assert.Equal(["content/metoder/pdsa.md(1,1) ABC200", "content/metoder/zzz.md(6,7) ABC200"], lines);
    }

    [Fact]
    public void A_nested_index_page_is_a_plain_page()
    {
        var files = Pages.MinimalSite();
        files["metoder/sub/_index.md"] = "---\ntitle: \"Undergruppe\"\nsummary: \"x\"\n---\n";
        using var site = new FixtureSite(files);
        var (result, sink) = site.Build();
        Assert.Empty(result.Diagnostics);
        Assert.Contains("metoder/sub/index.html", sink.Files.Keys);
    }
}

public class DraftAndAliasTests
{
    [Fact]
    public void Drafts_are_left_out_unless_asked_for_and_then_carry_a_banner()
    {
        var files = Pages.MinimalSite();
        files["metoder/utkast.md"] = Pages.Method("Utkast").Replace("phase: planlegge\n", "phase: planlegge\ndraft: true\n");
        using var site = new FixtureSite(files);
        Assert.DoesNotContain("metoder/utkast/index.html", site.Build().Output.Files.Keys);
        var preview = site.Build(drafts: true).Output;
        Assert.Contains("UTKAST", preview.Text("metoder/utkast/index.html"));
        Assert.DoesNotContain("UTKAST", preview.Text("metoder/pdsa/index.html"));
    }

    [Fact]
    public void An_alias_that_is_the_page_itself_is_a_loop()
    {
        var files = Pages.MinimalSite();
        files["metoder/pdsa.md"] = Pages.Method("PDSA").Replace("phase: planlegge\n", "phase: planlegge\naliases: [\"/metoder/pdsa/\"]\n");
        using var site = new FixtureSite(files);
        var d = Assert.Single(site.Diagnostics());
        Assert.Equal(("content/metoder/pdsa.md", 6, 11, "ABC111"), (d.Span.File, d.Span.Line, d.Span.Column, d.Code));
    }

    [Fact]
    public void An_alias_that_is_another_pages_address_is_a_collision()
    {
        var files = Pages.MinimalSite();
        files["metoder/pdsa.md"] = Pages.Method("PDSA").Replace("phase: planlegge\n", "phase: planlegge\naliases: [\"/historier/tavlemoter/\"]\n");
        using var site = new FixtureSite(files);
        var d = Assert.Single(site.Diagnostics());
        Assert.Equal(("content/metoder/pdsa.md", 6, 11, "ABC200"), (d.Span.File, d.Span.Line, d.Span.Column, d.Code));
    }
}
