using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;

namespace ForbedringsAbc.Pipeline;

/// <summary>
/// What one build leaves for the next in the same process (the preview server), so a rebuild
/// redoes only what a change touches: parsed pages by their text, rendered Markdown by the page
/// and the state of every page and file it links to, and finished HTML by the objects its view was
/// made from. Everything is keyed so that a stale entry is never used: the output is the same as
/// a clean build's (a test compares them byte for byte). Not thread-safe across builds: one
/// build at a time uses it.
/// </summary>
public sealed class BuildCache
{
    /// <summary>
    /// Everything every page depends on: site data, UI strings and templates. When it changes,
    /// the whole cache is dropped.
    /// </summary>
    public string Context { get; private set; } = string.Empty;

    public Dictionary<string, ParseEntry> Parsed { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MarkdownEntry> Markdown { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HtmlEntry> Html { get; } = new(StringComparer.Ordinal);

    private int _parseReused;
    private int _markdownReused;
    private int _htmlReused;

    /// <summary>How much the last build took from the cache: parsed pages, rendered Markdown, finished pages.</summary>
    public (int Parsed, int Markdown, int Html) Reused => (_parseReused, _markdownReused, _htmlReused);

    public void CountParse() => Interlocked.Increment(ref _parseReused);

    public void CountMarkdown() => Interlocked.Increment(ref _markdownReused);

    public void CountHtml() => Interlocked.Increment(ref _htmlReused);

    /// <summary>Starts a build: resets the counters, and drops everything if the context changed.</summary>
    public void UseContext(string context)
    {
        _parseReused = _markdownReused = _htmlReused = 0;
        if (context == Context) return;
        Parsed.Clear();
        Markdown.Clear();
        Html.Clear();
        Context = context;
    }

    public sealed record ParseEntry(string Text, ParsedPage Page, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>Rendered Markdown, valid while the page and the state of its link targets are unchanged.</summary>
    public sealed record MarkdownEntry(ParsedPage Page, string Route, IReadOnlyList<(string Target, string State)> Dependencies, RenderedPage Rendered, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>A finished page, valid while its view is made from the very same objects.</summary>
    public sealed record HtmlEntry(IReadOnlyList<object> Dependencies, string? Html, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool Matches(IReadOnlyList<object> dependencies) =>
            dependencies.Count == Dependencies.Count && dependencies.Zip(Dependencies).All(p => ReferenceEquals(p.First, p.Second) || (p.First is string a && p.Second is string b && a == b));
    }
}
