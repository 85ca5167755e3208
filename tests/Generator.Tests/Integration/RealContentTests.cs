using ForbedringsAbc.Cli;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>The site's own content/ builds cleanly, and every link of the result works from disk.</summary>
public class RealContentTests
{
    [Fact]
    public void The_sites_own_content_builds_with_no_diagnostics_and_no_broken_links()
    {
        using var dir = new TempDir();
        var output = new StringWriter();
        var options = new Pipeline.BuildOptions(Repo.Content, Repo.Templates, dir.Combine("site"), new Uri("https://intranett.example/kvalitet/abc/"), false, Repo.Root);
        var exit = BuildCommand.Run(options, output);
        Assert.True(exit == 0, output.ToString());
        Assert.Contains("0 advarsler, 0 feil", output.ToString());
        Assert.Empty(OutputLinkChecker.BrokenLinks(dir.Combine("site"), "/kvalitet/abc/"));
    }
}
