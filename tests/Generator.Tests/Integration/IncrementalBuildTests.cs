using System.Text.RegularExpressions;
using ForbedringsAbc.DevServer;
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
    public void A_plain_build_finds_the_same_problems_as_the_preview()
    {
        // A plain build parses each body only when its page is rendered; the preview parses all
        // first. Headings linked to before their page is rendered, bodies too deep (also a
        // draft's, which is never rendered) and links to them must come out the same.
        var files = Pages.MinimalSite();
        var tooDeep = new string('>', 60) + " tekst\n";
        files["historier/a.md"] = Pages.Story("A", body: "## Lenker\n\nSe [steg 2](../metoder/zz.md#steg-2), [dette](../metoder/zz.md#steg-22) og [dyp](../metoder/dyp.md#noe).\n");
        files["metoder/zz.md"] = Pages.Method("Zz", body: "## Steg 1\n\nTekst.\n\n## Steg 2\n\nTekst.\n");
        files["metoder/dyp.md"] = Pages.Method("Dyp", body: "## Noe\n\n" + tooDeep);
        files["historier/utkast.md"] = Pages.Story("Utkast", extra: "draft: true\n", body: tooDeep);
        using var site = new FixtureSite(files);

        var plain = new BuildPipeline().Run(site.Options(), new MemorySink()).Diagnostics;
        var preview = new BuildPipeline().Run(site.Options(), new MemorySink(), new BuildCache()).Diagnostics;

        string Show(ForbedringsAbc.Diagnostics.Diagnostic d) => $"{d.Code} {d.Span.File}:{d.Span.Line}:{d.Span.Column} {d.Message}";
        Assert.Equal(preview.Select(Show), plain.Select(Show));
        Assert.Equal(
            ["ABC004 content/historier/utkast.md", "ABC004 content/metoder/dyp.md", "ABC301 content/historier/a.md", "ABC301 content/historier/a.md"],
            plain.Select(d => $"{d.Code} {d.Span.File}").Order(StringComparer.Ordinal));
        Assert.Contains(plain, d => d.Message.Contains("#steg-22,") && d.Message.Contains("Mente du #steg-2?"));
        Assert.Contains(plain, d => d.Message.Contains("#noe") && d.Message.Contains("Siden har ingen overskrifter"));
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

    /// <summary>The preview's files as bytes, as a build would write them.</summary>
    private static Dictionary<string, byte[]> Bytes(PreviewState state) =>
        state.Files.ToDictionary(f => f.Key, f => f.Value.Text is { } text ? System.Text.Encoding.UTF8.GetBytes(text) : File.ReadAllBytes(f.Value.SourcePath!), StringComparer.Ordinal);

    private static async Task<(PreviewBuilder Builder, StringWriter Log)> Preview(FixtureSite site)
    {
        var log = new StringWriter();
        var builder = new PreviewBuilder(site.Options(), log);
        await builder.RebuildAsync();
        return (builder, log);
    }

    private static string LastLine(StringWriter log) => log.ToString().TrimEnd().Split('\n').Last(l => l.Contains(" ms ("));

    [Fact]
    public async Task Saving_a_body_in_the_preview_rebuilds_that_page_alone_and_matches_a_clean_build()
    {
        using var site = new FixtureSite(Files());
        var (builder, log) = await Preview(site);
        var before = builder.State;

        site.WriteFile("metoder/pdsa.md", Pages.Method("PDSA", body: "## Hva er det?\n\nEn ny forklaring om kontrollerte forsøk.\n"));
        var after = await builder.RebuildAsync([Path.Combine(site.ContentDir, "metoder", "pdsa.md")]);

        Assert.Contains("1 side laget på nytt", LastLine(log));
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Contains("En ny forklaring om kontrollerte forsøk.", after.Files["metoder/pdsa/index.html"].Text);
        // The search index follows in the background, without another reload.
        await builder.SearchIndexSettledAsync();
        Assert.Equal(after.Version, builder.State.Version);
        Assert.Contains("Søkeindeksen er oppdatert", log.ToString());
        AssertSameSite(Clean(site), Bytes(builder.State));
    }

    /// <summary>
    /// Saves in quick succession each get their page rebuilt at once; the search index (built from
    /// the whole site, the slow part) is not written while the saving goes on, so it never slows a
    /// save down, and is written once, from the last save, when the saving pauses.
    /// </summary>
    [Fact]
    public async Task Quick_saves_are_rebuilt_at_once_and_the_search_index_once_they_pause()
    {
        using var site = new FixtureSite(Files());
        var log = new StringWriter();
        var builder = new PreviewBuilder(site.Options(), log) { IndexQuietPeriod = TimeSpan.FromSeconds(2) };
        await builder.RebuildAsync();
        var path = Path.Combine(site.ContentDir, "metoder", "pdsa.md");
        for (var i = 1; i <= 3; i++)
        {
            site.WriteFile("metoder/pdsa.md", Pages.Method("PDSA", body: $"## Hva er det?\n\nForklaring nummer {i}.\n"));
            var state = await builder.RebuildAsync([path]);
            Assert.Contains("1 side laget på nytt", LastLine(log));
            Assert.Contains($"Forklaring nummer {i}.", state.Files["metoder/pdsa/index.html"].Text);
            await Task.Delay(100);
        }
        Assert.DoesNotContain("Søkeindeksen er oppdatert", log.ToString());
        await builder.SearchIndexSettledAsync();
        Assert.Single(Regex.Matches(log.ToString(), "Søkeindeksen er oppdatert"));
        AssertSameSite(Clean(site), Bytes(builder.State));
    }

    /// <summary>Saves that never pause (an autosave) do not hold the search index back for ever: it is written after the longest wait.</summary>
    [Fact]
    public async Task Saves_that_never_pause_still_get_the_search_index_written()
    {
        using var site = new FixtureSite(Files());
        var log = new StringWriter();
        var builder = new PreviewBuilder(site.Options(), log) { IndexQuietPeriod = TimeSpan.FromSeconds(2), IndexLongestWait = TimeSpan.FromSeconds(1) };
        await builder.RebuildAsync();
        var path = Path.Combine(site.ContentDir, "metoder", "pdsa.md");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Saves 0.3 s apart, never the 2 s of quiet; long enough for two tries at the index.
        for (var i = 1; watch.Elapsed < TimeSpan.FromSeconds(5.5); i++)
        {
            site.WriteFile("metoder/pdsa.md", Pages.Method("PDSA", body: $"## Hva er det?\n\nForklaring nummer {i}.\n"));
            await builder.RebuildAsync([path]);
            await Task.Delay(300);
        }
        Assert.Contains("Søkeindeksen er oppdatert", log.ToString());
        await builder.SearchIndexSettledAsync();
        AssertSameSite(Clean(site), Bytes(builder.State));
    }

    /// <summary>
    /// A save that lands while the search index is being written does not throw that index away
    /// (saves faster than the index is written would otherwise keep the preview's search on the
    /// index of the first build): it goes in place, and the save's own index follows it.
    /// </summary>
    [Fact]
    public async Task A_save_while_the_search_index_is_written_does_not_throw_that_index_away()
    {
        using var site = new FixtureSite(Files());
        var log = new StringWriter();
        var builder = await SaveWhileTheIndexIsWritten(site, log, async preview =>
        {
            site.WriteFile("metoder/pdsa.md", Pages.Method("PDSA", body: "## Hva er det?\n\nAndre lagring.\n"));
            await preview.RebuildAsync([Path.Combine(site.ContentDir, "metoder", "pdsa.md")]);
        });
        Assert.Equal(2, Regex.Matches(log.ToString(), "Søkeindeksen er oppdatert").Count);
        AssertSameSite(Clean(site), Bytes(builder.State));
    }

    /// <summary>A whole build that lands while a one-page rebuild's index is being written keeps its own, newer index.</summary>
    [Fact]
    public async Task A_whole_build_while_the_search_index_is_written_keeps_its_own_index()
    {
        using var site = new FixtureSite(Files());
        var log = new StringWriter();
        var builder = await SaveWhileTheIndexIsWritten(site, log, async preview =>
        {
            // A new page: not a one-page rebuild, so the whole pipeline runs and writes the index.
            site.WriteFile("metoder/ny-metode.md", Pages.Method("Ny metode", body: "## Hva er det?\n\nEn helt ny metode.\n"));
            await preview.RebuildAsync();
        });
        Assert.DoesNotContain("Søkeindeksen er oppdatert", log.ToString());
        AssertSameSite(Clean(site), Bytes(builder.State));
    }

    /// <summary>
    /// A one-page save on a fresh preview, with <paramref name="meanwhile"/> run once, after the
    /// save's search index is written and before it is put in place; returns once the index has settled.
    /// </summary>
    private static async Task<PreviewBuilder> SaveWhileTheIndexIsWritten(FixtureSite site, StringWriter log, Func<PreviewBuilder, Task> meanwhile)
    {
        var tries = 0;
        PreviewBuilder? builder = null;
        builder = new PreviewBuilder(site.Options(), log)
        {
            IndexQuietPeriod = TimeSpan.FromMilliseconds(50),
            BeforeIndexIsPutInPlace = async () =>
            {
                if (tries++ == 0) await meanwhile(builder!);
            },
        };
        await builder.RebuildAsync();
        site.WriteFile("metoder/pdsa.md", Pages.Method("PDSA", body: "## Hva er det?\n\nFørste lagring.\n"));
        await builder.RebuildAsync([Path.Combine(site.ContentDir, "metoder", "pdsa.md")]);
        await builder.SearchIndexSettledAsync();
        return builder;
    }

    [Fact]
    public async Task A_broken_link_saved_in_a_body_shows_at_its_line_and_the_fix_clears_it()
    {
        using var site = new FixtureSite(Files());
        var (builder, log) = await Preview(site);
        var good = builder.State.Files;
        var path = Path.Combine(site.ContentDir, "metoder", "pdsa.md");

        site.WriteFile("metoder/pdsa.md", Pages.Method("PDSA", body: "## Hva er det?\n\nSe [fiskebein](fiskebein.md) og [ingenting](finnes-ikke.md).\n"));
        var broken = await builder.RebuildAsync([path]);
        Assert.Contains("1 side laget på nytt", LastLine(log));
        var d = Assert.Single(broken.Diagnostics);
        Assert.Equal(("content/metoder/pdsa.md", 10, "ABC300"), (d.Span.File, d.Span.Line, d.Code));
        Assert.Same(good, broken.Files);
        // The same diagnostics, to the letter, as a whole build of the same files.
        Assert.Equal(new BuildPipeline().Run(site.Options(), new MemorySink()).Diagnostics.Select(x => x.ToString()),
            broken.Diagnostics.Select(x => x.ToString()));

        site.WriteFile("metoder/pdsa.md", Pages.Method("PDSA", body: "## Hva er det?\n\nSe [fiskebein](fiskebein.md).\n"));
        var fixedState = await builder.RebuildAsync([path]);
        Assert.Empty(fixedState.Diagnostics);
        await builder.SearchIndexSettledAsync();
        AssertSameSite(Clean(site), Bytes(builder.State));
    }

    [Theory]
    [InlineData("metoder/pdsa.md", "## Hva er metoden?\n\nNy overskrift.\n", "a heading another page links to")]
    [InlineData("historier/fall.md", null, "the title, shown in lists")]
    public async Task A_save_that_other_pages_depend_on_runs_the_whole_pipeline(string file, string? body, string what)
    {
        using var site = new FixtureSite(Files());
        var (builder, log) = await Preview(site);
        var text = body is not null ? Pages.Method("PDSA", body: body) : Pages.Story("Ny tittel", extra: "tags: [pasientsikkerhet]\n");
        site.WriteFile(file, text);
        var after = await builder.RebuildAsync([Path.Combine(site.ContentDir, file)]);
        Assert.True(LastLine(log).Contains("gjenbrukt"), what);
        var clean = new MemorySink();
        var result = new BuildPipeline().Run(site.Options(), clean);
        Assert.Equal(result.Diagnostics.Select(x => x.ToString()), after.Diagnostics.Select(x => x.ToString()));
        if (result.Succeeded) AssertSameSite(clean.Files, Bytes(after));
    }

    [Fact]
    public async Task An_editors_temporary_file_or_an_unchanged_save_does_not_reload_the_page()
    {
        using var site = new FixtureSite(Files());
        var (builder, _) = await Preview(site);
        var version = builder.State.Version;
        var pdsa = Path.Combine(site.ContentDir, "metoder", "pdsa.md");
        File.SetLastWriteTimeUtc(pdsa, DateTime.UtcNow);
        Assert.Equal(version, (await builder.RebuildAsync([pdsa, Path.Combine(site.ContentDir, "metoder", ".pdsa.md.swp"), Path.Combine(site.ContentDir, "metoder", "4913")])).Version);
    }
}
