using System.Collections.Concurrent;
using ForbedringsAbc.Output;
using ForbedringsAbc.Pipeline;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>
/// The search index is written beside the lists, redirects and assets. Nothing an editor writes
/// may land in its folder (the output would then depend on which write came last), and a build
/// that fails while the index is being written waits for it: no file is written after the build
/// has given up (its folder is then cleared), and the failure is reported once.
/// </summary>
public sealed class SearchBesidePagesTests
{
    [Fact]
    public void A_page_a_redirect_or_a_file_in_the_search_index_folder_is_refused_and_the_index_is_the_builds_own()
    {
        var files = Pages.MinimalSite();
        files["metoder/pdsa.md"] = Pages.Method("PDSA").Replace("phase: planlegge\n", "phase: planlegge\naliases: [\"/sok/indeks/manifest.js/\"]\n");
        files["sok/indeks/side.md"] = "---\ntitle: \"Side\"\nsummary: \"Kort.\"\npublished: 2025-01-01\n---\n\nTekst.\n";
        files["sok/indeks/manifest.js"] = "// not the index\n";
        using var site = new FixtureSite(files);
        var (result, output) = site.Build();

        // Each of the three is told where it went wrong, in the editor's words (the folder sok/ is also the search page's).
        var inIndexFolder = result.Diagnostics.Where(d => d.Code == "ABC200" && d.Message.Contains("mappen søket bruker (sok/indeks/)")).ToList();
        Assert.Equal(["content/metoder/pdsa.md", "content/sok/indeks/manifest.js", "content/sok/indeks/side.md"],
            inIndexFolder.Select(d => d.Span.File).Order(StringComparer.Ordinal));
        Assert.Equal(6, inIndexFolder.Single(d => d.Span.File == "content/metoder/pdsa.md").Span.Line);
        Assert.DoesNotContain(output.Files.Keys, k => k.StartsWith("sok/indeks/side/") || k.StartsWith("sok/indeks/manifest.js/"));
        Assert.DoesNotContain("not the index", output.Text("sok/indeks/manifest.js"));
        Assert.StartsWith("ABCSOK[\"manifest.js\"]=", output.Text("sok/indeks/manifest.js"));
    }

    [Fact]
    public void A_build_that_fails_beside_the_index_reports_it_once_and_writes_nothing_after()
    {
        var (failure, sink) = BuildFailingOn("404.html");
        Assert.Single(failure.Split('\n'), line => line.Contains("failed on purpose: 404.html"));
        // The index had finished when the build gave up: its files are all there, none came later.
        Assert.Contains("sok/indeks/manifest.js", sink.Written);
        Assert.Empty(sink.Late);
    }

    [Fact]
    public void A_failure_of_the_index_itself_is_reported_once()
    {
        var (failure, sink) = BuildFailingOn("sok/indeks/manifest.js");
        Assert.Single(failure.Split('\n'), line => line.Contains("failed on purpose: sok/indeks/manifest.js"));
        Assert.Empty(sink.Late);
    }

    /// <summary>A build into a sink that fails on <paramref name="path"/>: what it threw, and the sink a moment after it gave up.</summary>
    private static (string Failure, FailingSink Sink) BuildFailingOn(string path)
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        var sink = new FailingSink(path);
        var e = Assert.ThrowsAny<Exception>(() => new BuildPipeline().Run(site.Options(), sink));
        sink.Ended = true;
        Thread.Sleep(200);
        return (Flatten(e), sink);
    }

    private static string Flatten(Exception e) => e is AggregateException a
        ? string.Join('\n', a.Flatten().InnerExceptions.Select(x => x.Message))
        : e.Message;

    /// <summary>A sink that fails on one path, and notes every write made after the test saw the build end.</summary>
    private sealed class FailingSink(string failOn) : IOutputSink
    {
        private readonly MemorySink _inner = new();

        public volatile bool Ended;

        public ConcurrentBag<string> Late { get; } = [];

        public IEnumerable<string> Written => _inner.Files.Keys;

        public void WriteText(string path, string text)
        {
            if (Ended) Late.Add(path);
            if (path == failOn) throw new IOException($"failed on purpose: {path}");
            _inner.WriteText(path, text);
        }

        public void CopyFile(string path, string sourceFile)
        {
            if (Ended) Late.Add(path);
            _inner.CopyFile(path, sourceFile);
        }
    }
}
