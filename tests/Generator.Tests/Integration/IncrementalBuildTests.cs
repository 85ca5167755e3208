using ForbedringsAbc.Output;
using ForbedringsAbc.Pipeline;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>
/// The rebuild cache of the preview server: a rebuild after a change redoes only what the change
/// touches, and gives exactly the bytes a clean build of the same content gives.
/// </summary>
public class IncrementalBuildTests
{
    private static Dictionary<string, string> Files()
    {
        var files = Pages.MinimalSite();
        files["metoder/fiskebein.md"] = Pages.Method("Fiskebein", "forstå", "## Hva er det?\n\nSe [PDSA](pdsa.md#hva-er-det).\n");
        files["historier/fall.md"] = Pages.Story("Færre fall", extra: "tags: [pasientsikkerhet]\n");
        return files;
    }

    private static IReadOnlyDictionary<string, byte[]> Clean(FixtureSite site)
    {
        var sink = new MemorySink();
        new BuildPipeline().Run(site.Options(), sink);
        return sink.Files;
    }

    private static void AssertSameSite(IReadOnlyDictionary<string, byte[]> expected, IReadOnlyDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from a clean build");
    }

    [Fact]
    public void An_unchanged_rebuild_takes_everything_from_the_cache()
    {
        using var site = new FixtureSite(Files());
        var cache = new BuildCache();
        new BuildPipeline().Run(site.Options(), new MemorySink(), cache);
        var sink = new MemorySink();
        var result = new BuildPipeline().Run(site.Options(), sink, cache);
        var (parsed, markdown, html) = cache.Reused;
        Assert.Equal((7, 7, result.Pages), (parsed, markdown, html));
        AssertSameSite(Clean(site), sink.Files);
    }

    [Fact]
    public void Editing_a_body_rerenders_that_page_only()
    {
        using var site = new FixtureSite(Files());
        var cache = new BuildCache();
        new BuildPipeline().Run(site.Options(), new MemorySink(), cache);

        site.WriteFile("metoder/pdsa.md", Pages.Method("PDSA", body: "## Hva er det?\n\nEn ny forklaring.\n"));
        var sink = new MemorySink();
        var result = new BuildPipeline().Run(site.Options(), sink, cache);
        var (parsed, markdown, html) = cache.Reused;
        Assert.Equal(6, parsed);
        Assert.Equal(6, markdown);
        Assert.Equal(result.Pages - 1, html);
        AssertSameSite(Clean(site), sink.Files);
    }

    [Fact]
    public void Editing_a_summary_rerenders_the_lists_that_show_it()
    {
        using var site = new FixtureSite(Files());
        var cache = new BuildCache();
        new BuildPipeline().Run(site.Options(), new MemorySink(), cache);

        site.WriteFile("historier/fall.md", Pages.Story("Færre fall", extra: "tags: [pasientsikkerhet]\n").Replace("Historien om Færre fall.", "Ny ingress."));
        var sink = new MemorySink();
        new BuildPipeline().Run(site.Options(), sink, cache);
        Assert.Contains("Ny ingress.", System.Text.Encoding.UTF8.GetString(sink.Files["historier/index.html"]));
        Assert.Contains("Ny ingress.", System.Text.Encoding.UTF8.GetString(sink.Files["emner/pasientsikkerhet/index.html"]));
        AssertSameSite(Clean(site), sink.Files);
    }

    [Fact]
    public void Renaming_a_heading_that_another_page_links_to_is_reported_there()
    {
        using var site = new FixtureSite(Files());
        var cache = new BuildCache();
        Assert.Empty(new BuildPipeline().Run(site.Options(), new MemorySink(), cache).Diagnostics);

        site.WriteFile("metoder/pdsa.md", Pages.Method("PDSA", body: "## Hva er metoden?\n\nTekst.\n"));
        var result = new BuildPipeline().Run(site.Options(), new MemorySink(), cache);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("content/metoder/fiskebein.md", "ABC301"), (d.Span.File, d.Code));

        site.WriteFile("metoder/pdsa.md", Pages.Method("PDSA"));
        Assert.Empty(new BuildPipeline().Run(site.Options(), new MemorySink(), cache).Diagnostics);
    }

    [Fact]
    public void Adding_and_removing_pages_and_changing_templates_stay_exact()
    {
        using var site = new FixtureSite(Files());
        using var templates = Diagnostics.TemplateCopy.Of(Repo.Templates);
        var cache = new BuildCache();
        var options = site.Options(templates.Path);
        new BuildPipeline().Run(options, new MemorySink(), cache);

        site.WriteFile("historier/ny.md", Pages.Story("Ny historie", extra: "tags: [nytt]\n"));
        File.Delete(Path.Combine(site.ContentDir, "historier", "fall.md"));
        templates.Edit("layouts/story.html", t => t.Replace("<article class=\"page\">", "<article class=\"page endret\">"));
        var sink = new MemorySink();
        new BuildPipeline().Run(options, sink, cache);
        var clean = new MemorySink();
        new BuildPipeline().Run(options, clean);
        AssertSameSite(clean.Files, sink.Files);
        Assert.Contains("class=\"page endret\"", System.Text.Encoding.UTF8.GetString(sink.Files["historier/ny/index.html"]));
    }
}
