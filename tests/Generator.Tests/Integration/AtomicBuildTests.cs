using ForbedringsAbc.Cli;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>A failed build leaves the previous site exactly as it was, and leaves nothing behind.</summary>
public class AtomicBuildTests
{
    [Fact]
    public void A_build_with_one_broken_file_leaves_the_previous_output_untouched()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        var output = Path.Combine(site.Root, "site");
        Assert.Equal(0, BuildCommand.Run(site.Options(output: output), TextWriter.Null));
        var before = SiteTree.Hashes(output);

        site.WriteFile("metoder/pdsa.md", Pages.Method("PDSA endret"));
        site.WriteFile("historier/ny.md", "---\ntitle: \"Ny\"\nsummary: [\n---\n");
        var log = new StringWriter();
        Assert.Equal(1, BuildCommand.Run(site.Options(output: output), log));

        Assert.Equal(before, SiteTree.Hashes(output));
        Assert.Contains("ABC102", log.ToString());
        Assert.Contains("er ikke endret", log.ToString());
        Assert.Equal(["site"], Directory.GetDirectories(site.Root).Select(Path.GetFileName).Where(n => n != "content"));
    }

    [Fact]
    public void A_good_build_replaces_the_whole_previous_output()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        var output = Path.Combine(site.Root, "site");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "gammel.html"), "old");
        Assert.Equal(0, BuildCommand.Run(site.Options(output: output), TextWriter.Null));
        Assert.False(File.Exists(Path.Combine(output, "gammel.html")));
        Assert.True(File.Exists(Path.Combine(output, "metoder", "pdsa", "index.html")));
        Assert.Empty(Directory.GetDirectories(site.Root, ".site.*"));
    }

    [Fact]
    public void Left_overs_of_a_killed_build_are_cleaned_and_a_half_swap_is_undone()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        var output = Path.Combine(site.Root, "site");
        Assert.Equal(0, BuildCommand.Run(site.Options(output: output), TextWriter.Null));
        var before = SiteTree.Hashes(output);
        // A kill between the two renames of the fallback swap: the old site is aside, no site/.
        Directory.Move(output, Path.Combine(site.Root, ".site.old-killed"));
        Directory.CreateDirectory(Path.Combine(site.Root, ".site.tmp-123-abc"));

        new Output.AtomicPublisher(output).Recover();

        Assert.Equal(before, SiteTree.Hashes(output));
        Assert.Empty(Directory.GetDirectories(site.Root, ".site.*"));
    }
}

/// <summary>
/// The real program killed (SIGKILL) at random points of a build, again and again: site/ is at
/// every moment the complete previous build or the complete new one, never a mix and never
/// missing, and the next build cleans up what the killed ones left.
/// </summary>
public class KilledBuildTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private const int Kills = 50;
    private const int Methods = 40;

    [Fact]
    public void Builds_killed_at_random_points_leave_the_previous_or_the_new_site_never_a_mix()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ABC_KILL_SEED"), out var s) ? s : Environment.TickCount;
        log.WriteLine($"seed {seed} (set ABC_KILL_SEED={seed} to repeat)");
        var random = new Random(seed);
        using var site = new FixtureSite(Pages.MinimalSite());
        var output = Path.Combine(site.Root, "site");
        string[] Args(string dir) => ["build", "--content", site.ContentDir, "--templates", Repo.Templates, "--output", dir];

        // The two complete builds every state must equal: content A and content B (every method changed).
        var manifests = new Dictionary<char, SortedDictionary<string, string>>();
        var fullBuild = TimeSpan.Zero;
        foreach (var version in "BA")
        {
            WriteVersion(site, version);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var (exit, text) = GeneratorProcess.Run(site.Root, null, Args(output));
            fullBuild = watch.Elapsed;
            Assert.True(exit == 0, text);
            manifests[version] = SiteTree.Hashes(output);
        }
        Assert.NotEqual(manifests['A'], manifests['B']);
        log.WriteLine($"a full build takes {fullBuild.TotalMilliseconds:0} ms");

        var outcomes = new Dictionary<char, int> { ['A'] = 0, ['B'] = 0 };
        var (current, written) = ('A', 'A');
        for (var i = 0; i < Kills; i++)
        {
            var next = current == 'A' ? 'B' : 'A';
            WriteVersion(site, next);
            written = next;
            // From the middle of the start-up (kills before the build begins prove nothing and cost
            // time) to a little after a build normally ends: most kills fall in the writing, some
            // around the swap, a few after it.
            var delay = fullBuild * (0.3 + 0.85 * random.NextDouble());
            KillAfter(site.Root, Args(output), delay);
            var state = SiteTree.Hashes(output);
            var which = manifests.Where(m => m.Value.SequenceEqual(state)).Select(m => (char?)m.Key).SingleOrDefault();
            Assert.True(which is not null, $"kill {i} after {delay.TotalMilliseconds:0} ms (seed {seed}): site/ is neither build ({state.Count} files)");
            outcomes[which!.Value]++;
            current = which.Value;
        }
        log.WriteLine($"after the kills site/ was A {outcomes['A']} times, B {outcomes['B']} times");

        var (code, final) = GeneratorProcess.Run(site.Root, null, Args(output));
        Assert.True(code == 0, final);
        Assert.Equal(manifests[written], SiteTree.Hashes(output));
        Assert.Empty(Directory.GetDirectories(site.Root, ".site.*"));
    }

    private static void WriteVersion(FixtureSite site, char version)
    {
        for (var i = 0; i < Methods; i++)
        {
            site.WriteFile($"metoder/metode-{i:000}.md", Pages.Method($"Metode {i}", body: $"## Hva er det?\n\nVersjon {version} av metode {i}.\n"));
        }
    }

    /// <summary>Starts a build and kills it with SIGKILL after <paramref name="delay"/> (if it is still running).</summary>
    private static void KillAfter(string workingDirectory, string[] args, TimeSpan delay)
    {
        using var process = GeneratorProcess.Start(workingDirectory, null, args);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(delay)) process.Kill();
        process.WaitForExit();
    }
}
