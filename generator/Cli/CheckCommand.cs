using System.CommandLine;
using System.Diagnostics;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Output;
using ForbedringsAbc.Pipeline;

namespace ForbedringsAbc.Cli;

/// <summary><c>generator check</c>: the build's pipeline and rules, nothing written; for pull requests.</summary>
public static class CheckCommand
{
    public static Command Create(TextWriter output)
    {
        var options = new CommonOptions();
        var format = new Option<string>("--format")
        {
            Description = "text: file(line,col): severity code: message. github: GitHub Actions annotations, shown on the pull request's lines.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "github");
        var command = new Command("check", "Check the content and templates like a build does, without writing anything. Exit code 1 when there are errors.");
        options.AddTo(command);
        command.Options.Add(format);
        command.SetAction(result => Run(options.Read(result),
            result.GetValue(format) == "github" ? DiagnosticFormat.Github : DiagnosticFormat.Text, output));
        return command;
    }

    public static int Run(BuildOptions options, DiagnosticFormat format, TextWriter output)
    {
        FolderGuard.CheckInputs(options);
        var watch = Stopwatch.StartNew();
        BuildResult result;
        try
        {
            result = new BuildPipeline { IndexSearch = false, CollectBetweenStages = true }.Run(options, new DiscardingSink());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            output.WriteLine($"Intern feil i generatoren {InternalError.Describe(e)}");
            return ExitCodes.ContentErrors;
        }
        var reporter = new Reporter(output, format);
        reporter.Print(result);
        reporter.Summary("Sjekket", result, watch.Elapsed, result.Succeeded ? "Alt i orden." : "Rett feilene over.");
        return result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
    }
}
