using System.Text;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Diagnostics;

/// <summary>Rules about whole files, URLs, drafts, site data and templates.</summary>
public class FileAndSiteRuleTests
{
    private static (string File, int Line, int Column, string Code) Only(FixtureSite site)
    {
        var d = Assert.Single(site.Diagnostics());
        return (d.Span.File, d.Span.Line, d.Span.Column, d.Code);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_line_and_column()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        var bytes = Encoding.UTF8.GetBytes("---\ntitle: \"Sm")
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\"\n---\n")).ToArray();
        site.WriteBytes("historier/latin1.md", bytes);
        Assert.Equal(("content/historier/latin1.md", 2, 11, "ABC001"), Only(site));
    }

    [Fact]
    public void A_nul_byte_is_reported()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        site.WriteFile("historier/binaer.md", "---\ntitle: \"A\"\n---\nab\0c\n");
        Assert.Equal(("content/historier/binaer.md", 4, 3, "ABC001"), Only(site));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_reported_not_read()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        site.WriteFile("historier/stor.md", "---\ntitle: \"A\"\n---\n" + new string('a', 4 * 1024 * 1024 + 10));
        Assert.Equal(("content/historier/stor.md", 0, 0, "ABC002"), Only(site));
    }

    [Fact]
    public void Two_pages_with_one_url_are_reported_at_the_second()
    {
        var files = Pages.MinimalSite();
        files["metoder/pdsa-2.md"] = Pages.Method("PDSA igjen").Replace("phase: planlegge\n", "phase: planlegge\nslug: pdsa\n");
        using var site = new FixtureSite(files);
        Assert.Equal(("content/metoder/pdsa.md", 1, 1, "ABC200"), Only(site));
    }

    [Fact]
    public void A_page_may_not_take_the_place_of_a_generated_page()
    {
        var files = Pages.MinimalSite();
        files["emner.md"] = "---\ntitle: \"Emner\"\nsummary: \"x\"\npublished: 2020-01-01\n---\n";
        using var site = new FixtureSite(files);
        Assert.Equal(("content/emner.md", 1, 1, "ABC200"), Only(site));
    }

    [Fact]
    public void Links_to_drafts_are_errors_unless_drafts_are_built()
    {
        var files = Pages.MinimalSite();
        files["metoder/utkast.md"] = Pages.Method("Utkast").Replace("phase: planlegge\n", "phase: planlegge\ndraft: true\n");
        files["historier/tavlemoter.md"] = Pages.Story("Tavlemøter", body: "Se [utkastet](../metoder/utkast.md).\n");
        using var site = new FixtureSite(files);
        Assert.Equal(("content/historier/tavlemoter.md", 11, 4, "ABC203"), Only(site));
        Assert.Empty(site.Build(drafts: true).Result.Diagnostics);
    }

    [Fact]
    public void A_story_naming_a_draft_contact_is_told_so()
    {
        var files = Pages.MinimalSite();
        files["kontakt/kari-nordmann.md"] = Pages.Contact().Replace("phone:", "draft: true\nphone:");
        using var site = new FixtureSite(files);
        var (file, line, col, code) = Only(site);
        Assert.Equal(("content/historier/tavlemoter.md", 7, 10, "ABC203"), (file, line, col, code));
    }

    [Fact]
    public void Site_data_errors_name_the_data_file()
    {
        var files = Pages.MinimalSite();
        files["_data/phases.yaml"] = "phases:\n  - id: planlegge\n    titel: Planlegge\n";
        using var site = new FixtureSite(files);
        var diagnostics = site.Diagnostics();
        Assert.Contains(diagnostics, d => d is { Code: "ABC104", Span.File: "content/_data/phases.yaml", Span.Line: 2, Span.Column: 5 });
        Assert.Contains(diagnostics, d => d is { Code: "ABC106", Span.File: "content/_data/phases.yaml", Span.Line: 3, Span.Column: 5 } && d.Message.Contains("Mente du `phases.title`?"));
    }

    [Fact]
    public void A_template_syntax_error_names_the_template_line()
    {
        using var templates = TemplateCopy.Of(Repo.Templates);
        templates.Edit("layouts/story.html", text => "<p>\n{{ if page.unit }\n" + text);
        using var site = new FixtureSite(Pages.MinimalSite());
        var d = Assert.Single(site.Build(templates.Path).Result.Diagnostics, x => x.Code == "ABC900");
        Assert.EndsWith("layouts/story.html", d.Span.File);
        Assert.Equal(2, d.Span.Line);
    }

    [Fact]
    public void A_template_typo_is_an_error_naming_template_and_page()
    {
        using var templates = TemplateCopy.Of(Repo.Templates);
        templates.Edit("layouts/story.html", text => "<p>\n{{ page.unitt }}</p>\n" + text);
        using var site = new FixtureSite(Pages.MinimalSite());
        var d = Assert.Single(site.Build(templates.Path).Result.Diagnostics);
        Assert.Equal("ABC900", d.Code);
        Assert.EndsWith("layouts/story.html", d.Span.File);
        Assert.Equal(2, d.Span.Line);
        Assert.Contains("content/historier/tavlemoter.md", d.Message);
    }

    [Fact]
    public void A_missing_layout_is_reported()
    {
        using var templates = TemplateCopy.Of(Repo.Templates);
        File.Delete(Path.Combine(templates.Path, "layouts", "guide.html"));
        using var site = new FixtureSite(Pages.MinimalSite());
        var d = Assert.Single(site.Build(templates.Path).Result.Diagnostics);
        Assert.Equal("ABC901", d.Code);
        Assert.EndsWith("layouts/guide.html", d.Span.File);
    }
}

/// <summary>A copy of the templates folder a test may change.</summary>
public sealed class TemplateCopy : IDisposable
{
    private readonly TempDir _dir = new();

    public string Path => _dir.Path;

    public static TemplateCopy Of(string source)
    {
        var copy = new TemplateCopy();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(copy.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    public void Edit(string relative, Func<string, string> change)
    {
        var path = System.IO.Path.Combine(Path, relative);
        var before = File.ReadAllText(path);
        var after = change(before);
        if (after == before) throw new InvalidOperationException($"The edit changed nothing in {relative}.");
        File.WriteAllText(path, after);
    }

    public void Dispose() => _dir.Dispose();
}

public class SiteDataReferenceTests
{
    [Fact]
    public void A_phase_page_that_does_not_exist_is_reported_in_the_data_file()
    {
        var files = Pages.MinimalSite();
        files["_data/phases.yaml"] = "phases:\n  - id: planlegge\n    title: Planlegge\n    page: faser/planlege.md\n";
        using var site = new FixtureSite(files);
        var d = Assert.Single(site.Diagnostics());
        Assert.Equal(("content/_data/phases.yaml", 4, 11, "ABC500"), (d.Span.File, d.Span.Line, d.Span.Column, d.Code));
    }
}
