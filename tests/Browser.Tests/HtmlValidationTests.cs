using System.Diagnostics;
using System.Text.Json;
using ForbedringsAbc.Browser.Tests.Support;

namespace ForbedringsAbc.Browser.Tests;

/// <summary>
/// Every HTML page of the built site is valid HTML: the Nu Html Checker (vnu.jar from the pinned
/// npm package vnu-jar, on the machine's Java), in one run over the whole output. 0 errors.
/// </summary>
[Collection(SiteCollection.Name)]
public class HtmlValidationTests(SiteFixture site)
{
    [Fact]
    public async Task The_nu_html_checker_finds_no_errors_in_the_whole_site()
    {
        Assert.True(File.Exists(RepoPaths.VnuJar), $"{RepoPaths.VnuJar} is missing: run ./test.sh (it runs npm ci in tools/html-check).");
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-Xss8m", "-jar", RepoPaths.VnuJar, "--errors-only", "--format", "json", "--skip-non-html", site.SiteDir }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var (output, errorOutput) = (await stdout, await stderr);
        // vnu writes its JSON report to standard error.
        var report = errorOutput.Trim().Length > 0 ? errorOutput : output;
        using var json = JsonDocument.Parse(report);
        var errors = json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m => $"{Relative(m)}:{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(site.Pages.Count > 50);
    }

    private string Relative(JsonElement message) =>
        message.TryGetProperty("url", out var url) && url.GetString() is { } u
            ? Path.GetRelativePath(site.SiteDir, new Uri(u).LocalPath)
            : "?";
}
