using System.Diagnostics;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>
/// The production form of the generator, compiled to native code ahead of time (PublishAot, the
/// README's publish command), makes the same site as the program editors preview with: the
/// trimmer must not have removed anything the templates reach by reflection (the view types'
/// properties, Scriban's builtins), and the error paths must give the same messages.
/// </summary>
public sealed class NativeAotTests : IClassFixture<CorpusFixture>, IClassFixture<NativeAotTests.Published>
{
    /// <summary>One native publish per test run (about a minute), in its own artifacts folder.</summary>
    public sealed class Published : IDisposable
    {
        private readonly TempDir _dir = new();

        public Published()
        {
            var rid = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux-arm64" : "linux-x64";
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
            foreach (var a in new[]
            {
                "publish", Path.Combine(Repo.Root, "generator"), "-c", "Release", "-r", rid, "-p:PublishAot=true",
                "--artifacts-path", _dir.Combine("artifacts"), "-o", _dir.Combine("bin"), "--nologo",
            }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(8))) process.Kill(entireProcessTree: true);
            ExitCode = process.HasExited ? process.ExitCode : -1;
            Output = stdout.Result + stderr.Result;
            Binary = _dir.Combine("bin", "generator");
        }

        public int ExitCode { get; }

        public string Output { get; }

        public string Binary { get; }

        public string Root => _dir.Path;

        public (int ExitCode, string Output) Run(string workingDirectory, params string[] args) =>
            Run(workingDirectory, new Dictionary<string, string>(), args);

        public (int ExitCode, string Output) Run(string workingDirectory, IDictionary<string, string> environment, params string[] args)
        {
            Assert.True(ExitCode == 0, "The native publish failed:\n" + Output);
            var start = new ProcessStartInfo(Binary) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            foreach (var (name, value) in environment) start.Environment[name] = value;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }

        public void Dispose() => _dir.Dispose();
    }

    private readonly CorpusFixture _corpus;
    private readonly Published _native;

    public NativeAotTests(CorpusFixture corpus, Published native)
    {
        _corpus = corpus;
        _native = native;
    }

    [Fact]
    public void The_native_build_of_the_corpus_has_the_same_bytes()
    {
        var site = Path.Combine(_native.Root, "corpus-site");
        var (exit, output) = _native.Run(_native.Root, "build", "--content", _corpus.Content, "--templates", Repo.Templates, "--output", site);
        Assert.True(exit == 0, output);
        Assert.Equal(SiteTree.Hashes(_corpus.Site), SiteTree.Hashes(site));
    }

    [Fact]
    public void The_native_build_of_the_sites_own_content_has_the_same_bytes()
    {
        var site = Path.Combine(_native.Root, "real-site");
        var (exit, output) = _native.Run(_native.Root, [.. _corpus.RealContentArgs(site)]);
        Assert.True(exit == 0, output);
        Assert.Equal(SiteTree.Hashes(_corpus.RealContentSite), SiteTree.Hashes(site));
    }

    /// <summary>Content and template mistakes: the same findings, word for word, from both forms.</summary>
    [Fact]
    public void The_native_build_reports_the_same_mistakes()
    {
        using var site = new FixtureSite(Pages.SiteWithMistakes());
        // A template that fails at run time on one layout: the message names the template's line.
        using var templates = Diagnostics.TemplateCopy.Of(Repo.Templates);
        templates.Edit("layouts/contact.html", text => text + "{{ page.no_such_field }}\n");
        string[] args = ["check", "--content", site.ContentDir, "--templates", templates.Path];

        var (nativeExit, native) = _native.Run(site.Root, args);
        var (managedExit, managed) = GeneratorProcess.Run(site.Root, null, args);

        Assert.Equal(1, managedExit);
        Assert.Equal(1, nativeExit);
        Assert.Contains(GeneratorProcess.Findings(managed), l => l.Contains("ABC900") && l.Contains("no_such_field"));
        Assert.True(GeneratorProcess.Findings(managed).Length >= 4, managed);
        Assert.Equal(GeneratorProcess.Findings(managed), GeneratorProcess.Findings(native));
    }

    /// <summary>
    /// Where the system offers transparent huge pages, the native build opens its heap for them
    /// (see GcHeapPages) and `--timings` says so, with how much memory ended up in huge pages; where
    /// it does not, the line says why. With ABC_HUGE_PAGES=0, or under a GC hard memory limit, the
    /// heap is left alone. The site is the same every way.
    /// </summary>
    [Fact]
    public void The_native_build_gives_its_heap_huge_pages_where_the_system_offers_them()
    {
        var on = Path.Combine(_native.Root, "huge-pages-on");
        var off = Path.Combine(_native.Root, "huge-pages-off");
        var limited = Path.Combine(_native.Root, "huge-pages-limited");
        string[] build = ["build", "--content", _corpus.Content, "--templates", Repo.Templates, "--timings", "--no-cache", "--output"];

        var (exitOn, outputOn) = _native.Run(_native.Root, [.. build, on]);
        var (exitOff, outputOff) = _native.Run(_native.Root, new Dictionary<string, string> { ["ABC_HUGE_PAGES"] = "0" }, [.. build, off]);
        // 1 GiB; the native runtime reads GC settings as hexadecimal without "0x".
        var (exitLimited, outputLimited) = _native.Run(_native.Root, new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "40000000" }, [.. build, limited]);

        Assert.True(exitOn == 0, outputOn);
        Assert.True(exitOff == 0, outputOff);
        Assert.True(exitLimited == 0, outputLimited);
        var lineOn = HugePagesLine(outputOn);
        var expectedOff = ExpectedOff();
        if (expectedOff is { } reason)
        {
            Assert.Equal($"huge pages: off ({reason})", lineOn);
        }
        else
        {
            // From the GC's first region: the map at start-up shows the reservation whole from there (a
            // runtime that lays its heap out otherwise falls back to opening above the start-up object).
            var match = System.Text.RegularExpressions.Regex.Match(lineOn, @"^huge pages: on for (\d+) MiB of the heap's address range, from its first region; (\d+) MiB of memory in huge pages now$");
            Assert.True(match.Success, lineOn);
            Assert.True(int.Parse(match.Groups[1].Value) >= 256, lineOn);
            // 56-64 MiB at 1,000 pages; without the range opened, the kernel finds 0-4 MiB.
            Assert.True(int.Parse(match.Groups[2].Value) >= 16, lineOn);
        }
        Assert.Equal("huge pages: off (ABC_HUGE_PAGES=0)", HugePagesLine(outputOff));
        if (expectedOff is null) Assert.Equal("huge pages: off (the GC has a hard memory limit)", HugePagesLine(outputLimited));
        Assert.Equal(SiteTree.Hashes(_corpus.Site), SiteTree.Hashes(on));
        Assert.Equal(SiteTree.Hashes(on), SiteTree.Hashes(off));
        Assert.Equal(SiteTree.Hashes(on), SiteTree.Hashes(limited));
    }

    private static string HugePagesLine(string output) =>
        output.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("huge pages: ", StringComparison.Ordinal));

    /// <summary>Why this machine leaves the heap alone, found independently of the generator; null if it should not.</summary>
    private static string? ExpectedOff()
    {
        if (Environment.GetEnvironmentVariable("ABC_HUGE_PAGES") == "0") return "ABC_HUGE_PAGES=0";
        const string thp = "/sys/kernel/mm/transparent_hugepage/enabled";
        if (!File.Exists(thp)) return "this system has no transparent huge pages";
        if (File.ReadAllText(thp).Contains("[never]")) return "transparent huge pages are not enabled on this system";
        if (File.Exists("/proc/sys/vm/overcommit_memory") && File.ReadAllText("/proc/sys/vm/overcommit_memory").Trim() == "2")
            return "this system does not overcommit memory";
        // The runtime sets its GC a hard limit from the control group's memory limit (or the
        // environment) and reports what it uses; this test process runs under the same.
        if (GC.GetConfigurationVariables().TryGetValue("GCHeapHardLimit", out var limit) && Convert.ToInt64(limit) != 0)
            return "the GC has a hard memory limit";
        return null;
    }
}
