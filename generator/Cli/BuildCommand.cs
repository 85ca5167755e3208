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
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "Make every page again instead of taking unchanged pages from the previous build, and keep no page cache (the hidden file beside the output folder, .site-cache for site/).",
        };
        options.AddTo(command);
        command.Options.Add(timings);
        command.Options.Add(noCache);
        command.SetAction(result => Run(options.Read(result), output, result.GetValue(timings), !result.GetValue(noCache)));
        return command;
    }

    /// <param name="useCache">
    /// Take the pages nothing has changed for from the previous build, and leave a page cache for
    /// the next (see <see cref="PageCacheSession"/>); off, every page is made and no cache is left.
    /// </param>
    public static int Run(BuildOptions options, TextWriter output, bool timings = false, bool useCache = true)
    {
        FolderGuard.CheckInputs(options);
        FolderGuard.CheckOutput(options);
        var watch = Stopwatch.StartNew();
        var publisher = new AtomicPublisher(options.OutputDir);
        var temp = publisher.BeginBuild();
        var reporter = new Reporter(output, DiagnosticFormat.Text);
        var cacheFile = PageCache.FileFor(publisher.Target);
        if (!useCache) PageCache.Delete(cacheFile);
        var sink = new DirectorySink(temp) { Stamps = useCache ? new(StringComparer.Ordinal) : null };
        // Read beside the first stages; the templates stage waits for it.
        var pageCache = useCache ? new PageCacheSession(Task.Run(() => PageCache.Load(cacheFile)), publisher.Target, sink, cacheFile) : null;
        try
        {
            var result = new BuildPipeline { CollectBetweenStages = true, PageCache = pageCache }.Run(options, sink);
            reporter.Print(result);
            var shown = PathDisplay.Current.ForUser(publisher.Target) + "/";
            if (!result.Succeeded)
            {
                pageCache?.Discard();
                publisher.Abandon(temp);
                reporter.Summary("Stoppet", result, watch.Elapsed, $"Rett feilene over; {shown} er ikke endret.");
                return ExitCodes.ContentErrors;
            }
            publisher.Publish(temp);
            // Only a published build leaves a cache: it names the files now in the output folder.
            pageCache?.Commit();
            result.Timer.Mark("publish");
            if (timings)
            {
                foreach (var line in result.Timer.Lines()) output.WriteLine(line);
                output.WriteLine(Platform.GcHeapPages.Report());
            }
            var reused = pageCache?.Reused > 0 ? $" {pageCache.Reused} av sidene var uendret siden forrige bygging og ble tatt derfra." : string.Empty;
            reporter.Summary("Ferdig", result, watch.Elapsed, $"Nettstedet er skrevet til {shown}{reused}");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            pageCache?.Discard();
            publisher.Abandon(temp);
            output.WriteLine($"Intern feil i generatoren {InternalError.Describe(e)}. Ingenting er endret i {PathDisplay.Current.ForUser(publisher.Target)}/.");
            if (Environment.GetEnvironmentVariable("ABC_TRACE") == "1") output.WriteLine(e.ToString());
            return ExitCodes.ContentErrors;
        }
    }
}
