using System.Diagnostics;

namespace ForbedringsAbc.Tests.Support;

/// <summary>Runs the built generator as its own process, as the web team and CI do.</summary>
public static class GeneratorProcess
{
    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The generator did not finish within 3 minutes.");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The diagnostic lines of a run's output (errors and warnings, in the order printed).</summary>
    public static string[] Findings(string output) => [.. output.Split('\n').Where(l => l.Contains(": error ABC") || l.Contains(": warning ABC"))];

    /// <summary>Starts the generator with its output redirected (the caller reads or drains it).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "generator.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        return Process.Start(start)!;
    }
}
