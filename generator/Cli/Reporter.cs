using System.Globalization;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Pipeline;

namespace ForbedringsAbc.Cli;

/// <summary>Prints diagnostics and the one summary line of a run.</summary>
public sealed class Reporter(TextWriter output, DiagnosticFormat format)
{
    public void Print(BuildResult result)
    {
        foreach (var d in result.Diagnostics) output.WriteLine(DiagnosticFormatter.Format(d, format));
        foreach (var note in result.Notes) output.WriteLine($"Merk: {note}");
    }

    public void Summary(string verb, BuildResult result, TimeSpan elapsed, string outcome)
    {
        var seconds = elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        output.WriteLine($"{verb}: {result.Pages} sider, {result.Files} filer, {Count(result.Warnings, "advarsel", "advarsler")}, {Count(result.Errors, "feil", "feil")}, {seconds} s. {outcome}");
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
