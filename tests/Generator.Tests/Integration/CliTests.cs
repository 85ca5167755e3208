using ForbedringsAbc.Cli;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>The command line as the web team and editors use it: help, exit codes, output formats.</summary>
public class CliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Check_reports_exactly_what_a_build_reports()
    {
        using var site = new FixtureSite(Pages.SiteWithMistakes());
        var output = Path.Combine(site.Root, "site");
        string[] common = ["--content", site.ContentDir, "--templates", Repo.Templates];
        var build = Run(["build", .. common, "--output", output]);
        var check = Run(["check", .. common]);

        Assert.Equal(1, build.Exit);
        Assert.Equal(1, check.Exit);
        Assert.True(GeneratorProcess.Findings(build.Out).Length >= 3, build.Out);
        Assert.Equal(GeneratorProcess.Findings(build.Out), GeneratorProcess.Findings(check.Out));
    }

    [Fact]
    public void Help_names_the_commands_and_their_options()
    {
        var (exit, output, _) = Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("build", output);
        Assert.Contains("check", output);
        var (_, buildHelp, _) = Run("build", "--help");
        foreach (var option in new[] { "--content", "--templates", "--output", "--base-url", "--drafts" }) Assert.Contains(option, buildHelp);
        var (_, checkHelp, _) = Run("check", "--help");
        Assert.Contains("--format", checkHelp);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("build", "--unknown")]
    [InlineData("check", "--format", "xml")]
    [InlineData("build", "--base-url", "intranett/abc")]
    public void A_wrong_command_line_exits_with_2(params string[] args)
    {
        var (exit, _, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("error:", error);
    }

    [Fact]
    public void No_command_exits_with_2() => Assert.Equal(2, Run().Exit);

    [Fact]
    public void Check_reports_every_problem_and_writes_nothing()
    {
        var files = Pages.MinimalSite();
        files["historier/feil.md"] = Pages.Story("Feil", contact: "ukjent", body: "Se [x](mangler.md).\n").Replace("published: 2022-05-02", "published: 2022-02-30");
        using var site = new FixtureSite(files);
        var output = new StringWriter();
        var options = site.Options();
        var exit = CheckCommand.Run(options, DiagnosticFormat.Text, output);
        Assert.Equal(1, exit);
        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("content/historier/feil.md(4,12): error ABC107:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/historier/feil.md(7,10): error ABC201:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/historier/feil.md(11,4): error ABC300:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Sjekket:", StringComparison.Ordinal) && l.Contains("3 feil"));
        Assert.False(Directory.Exists(options.OutputDir));
    }

    [Fact]
    public void Check_prints_github_annotations()
    {
        var files = Pages.MinimalSite();
        files["metoder/pdsa.md"] = Pages.Method("PDSA", "planlege");
        using var site = new FixtureSite(files);
        var output = new StringWriter();
        CheckCommand.Run(site.Options(), DiagnosticFormat.Github, output);
        Assert.Contains("::error file=content/metoder/pdsa.md,line=5,col=8,title=ABC109::Ukjent fase «planlege».", output.ToString());
    }

    [Fact]
    public void Build_prints_one_summary_line()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        var output = new StringWriter();
        Assert.Equal(0, BuildCommand.Run(site.Options(), output));
        Assert.Matches(@"Ferdig: \d+ sider, \d+ filer, 0 advarsler, 0 feil, [\d.]+ s\. Nettstedet er skrevet til ", output.ToString());
    }
}
