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
