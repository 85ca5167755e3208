using System.CommandLine;
using System.Diagnostics;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Output;
using ForbedringsAbc.Pipeline;

namespace ForbedringsAbc.Cli;

/// <summary><c>generator build</c>: content/ + templates/ → site/, swapped in only when there are no errors.</summary>
public static class BuildCommand
{
    public static Command Create(TextWriter output)
    {
        var options = new CommonOptions();
        var command = new Command("build", "Build the site into the output folder. On any error the previous output is left exactly as it was; exit code 1.");
        var timings = new Option<bool>("--timings") { Description = "Print the time each pipeline stage took." };
        options.AddTo(command);
        command.Options.Add(timings);
        command.SetAction(result => Run(options.Read(result), output, result.GetValue(timings)));
        return command;
    }

    public static int Run(BuildOptions options, TextWriter output, bool timings = false)
    {
        FolderGuard.CheckInputs(options);
        FolderGuard.CheckOutput(options);
        var watch = Stopwatch.StartNew();
        var publisher = new AtomicPublisher(options.OutputDir);
        var temp = publisher.BeginBuild();
        var reporter = new Reporter(output, DiagnosticFormat.Text);
        try
        {
            var sink = new DirectorySink(temp);
            var result = new BuildPipeline { CollectBetweenStages = true }.Run(options, sink);
            reporter.Print(result);
            var shown = PathDisplay.Current.ForUser(publisher.Target) + "/";
            if (!result.Succeeded)
            {
                publisher.Abandon(temp);
                reporter.Summary("Stoppet", result, watch.Elapsed, $"Rett feilene over; {shown} er ikke endret.");
                return ExitCodes.ContentErrors;
            }
            publisher.Publish(temp);
            result.Timer.Mark("publish");
            if (timings) foreach (var line in result.Timer.Lines()) output.WriteLine(line);
            reporter.Summary("Ferdig", result, watch.Elapsed, $"Nettstedet er skrevet til {shown}");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            publisher.Abandon(temp);
            output.WriteLine($"Intern feil i generatoren {InternalError.Describe(e)}. Ingenting er endret i {PathDisplay.Current.ForUser(publisher.Target)}/.");
            if (Environment.GetEnvironmentVariable("ABC_TRACE") == "1") output.WriteLine(e.ToString());
            return ExitCodes.ContentErrors;
        }
    }
}
