using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Output;
using ForbedringsAbc.Pipeline;

namespace ForbedringsAbc.Tests.Support;

/// <summary>
/// A whole site written inline in a test: content files by path, built in memory with the
/// repository's real templates. Diagnostics show paths as "content/…", as an editor sees them.
/// </summary>
public sealed class FixtureSite : IDisposable
{
    private readonly TempDir _dir = new();

    public FixtureSite(IReadOnlyDictionary<string, string> files)
    {
        foreach (var (path, text) in files) _dir.Write("content/" + path, text);
        Directory.CreateDirectory(_dir.Combine("content"));
    }

    public string Root => _dir.Path;

    public string ContentDir => _dir.Combine("content");

    public void WriteFile(string contentPath, string text) => _dir.Write("content/" + contentPath, text);

    public void WriteBytes(string contentPath, byte[] bytes)
    {
        var full = _dir.Combine(("content/" + contentPath).Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public BuildOptions Options(string? templates = null, Uri? baseUrl = null, bool drafts = false, string? output = null) =>
        new(ContentDir, templates ?? Repo.Templates, output ?? Path.Combine(Root, "site"), baseUrl, drafts, DisplayBase: Root, Today: Today);

    /// <summary>The day the date rules compare with: fixed, so tests do not depend on the clock.</summary>
    public static DateOnly Today { get; } = new(2026, 11, 24);

    /// <summary>Builds into memory; diagnostics show paths relative to the fixture (content/…).</summary>
    public (BuildResult Result, MemorySink Output) Build(string? templates = null, Uri? baseUrl = null, bool drafts = false)
    {
        var sink = new MemorySink();
        var result = new BuildPipeline().Run(Options(templates, baseUrl, drafts), sink);
        return (result, sink);
    }

    public IReadOnlyList<Diagnostic> Diagnostics() => Build().Result.Diagnostics;

    public void Dispose() => _dir.Dispose();
}
