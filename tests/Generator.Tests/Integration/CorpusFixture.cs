using System.Diagnostics;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>The benchmark corpus of 1,000 pages (shared/bench/make-corpus.py), generated once and built once.</summary>
public sealed class CorpusFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public CorpusFixture()
    {
        var script = Path.Combine(Repo.Shared, "bench", "make-corpus.py");
        Assert.True(File.Exists(script), $"The corpus generator is missing: {script}");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("1000");
        start.ArgumentList.Add(_dir.Combine("corpus"));
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "make-corpus.py failed: " + error);
        _realContentSite = new Lazy<string>(() =>
        {
            var site = _dir.Combine("real-content-site");
            var (exit, output) = GeneratorProcess.Run(_dir.Path, null, [.. RealContentArgs(site)]);
            Assert.True(exit == 0, output);
            return site;
        });
        (ExitCode, Output) = GeneratorProcess.Run(_dir.Path, null, "build", "--content", Content, "--templates", Repo.Templates, "--output", Site);
    }

    private readonly Lazy<string> _realContentSite;

    public string Content => _dir.Combine("corpus", "content");

    /// <summary>The site's own content/ built once, with a base URL, in the test runner's environment.</summary>
    public string RealContentSite => _realContentSite.Value;

    public IReadOnlyList<string> RealContentArgs(string output) =>
        ["build", "--content", Repo.Content, "--templates", Repo.Templates, "--output", output, "--base-url", "https://intranett.example/kvalitet/abc/"];

    public string Site => _dir.Combine("site");

    public string Root => _dir.Path;

    public int ExitCode { get; }

    public string Output { get; }

    public void Dispose() => _dir.Dispose();
}
