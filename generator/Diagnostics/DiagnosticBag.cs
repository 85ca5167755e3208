using System.Collections.Concurrent;

namespace ForbedringsAbc.Diagnostics;

/// <summary>
/// Collects diagnostics from all stages (thread-safe); problems are never thrown.
/// <see cref="Sorted"/> gives them in a stable order (file, line, column, code), each with the
/// severity the site's rule settings give it; rules set to off are left out.
/// </summary>
public sealed class DiagnosticBag
{
    // Made at the first report: most bags (one per page and stage) stay empty, and an empty
    // queue still takes a 32-slot segment.
    private ConcurrentQueue<Diagnostic>? _queue;

    private ConcurrentQueue<Diagnostic> Items =>
        Volatile.Read(ref _queue) ?? Interlocked.CompareExchange(ref _queue, new ConcurrentQueue<Diagnostic>(), null) ?? _queue!;

    private IEnumerable<Diagnostic> Reported => Volatile.Read(ref _queue) ?? (IEnumerable<Diagnostic>)[];

    /// <summary>Set once the site's configuration is read; applies to every diagnostic of the run.</summary>
    public RuleSettings Settings { get; set; } = RuleSettings.Defaults;

    public void Add(Diagnostic diagnostic) => Items.Enqueue(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Items.Enqueue(d);
    }

    /// <summary>Everything reported so far, as reported (no settings applied), for a cache to keep.</summary>
    public IReadOnlyList<Diagnostic> Raw() => Volatile.Read(ref _queue) is { } queue ? [.. queue] : [];

    public void Report(Rule rule, SourceSpan span, string message) =>
        Add(new Diagnostic(rule.Severity, rule.Code, Shorten(Printable(message)), span));

    /// <summary>The longest message shown; longer ones (quoting a huge link or key) keep their start and their advice at the end.</summary>
    public const int MaxMessageLength = 600;

    private static string Shorten(string message) =>
        message.Length <= MaxMessageLength ? message : string.Concat(message.AsSpan(0, 300), " … ", message.AsSpan(message.Length - 250));

    /// <summary>A quoted value cut to <paramref name="max"/> characters, with "…" where it was cut.</summary>
    public static string Clip(string value, int max = 40) => value.Length <= max ? value : value[..max] + "…";

    /// <summary>
    /// A message stays one line whatever content it quotes: control characters (a line break in a
    /// URL, a terminal escape sequence) are shown as \n, \t or \uXXXX, never printed as they are.
    /// </summary>
    public static string Printable(string message)
    {
        if (!message.Any(IsControl)) return message;
        var sb = new System.Text.StringBuilder(message.Length + 8);
        foreach (var c in message)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static bool IsControl(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public bool HasErrors => Sorted().Any(d => d.IsError);

    public IReadOnlyList<Diagnostic> Sorted() =>
        Reported.Distinct()
            .Select(d => d with { Severity = Settings.Resolve(d.Code, d.Severity) })
            .Where(d => d.Severity != Severity.Off)
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
