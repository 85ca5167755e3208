using System.Collections.Concurrent;

namespace ForbedringsAbc.Diagnostics;

/// <summary>
/// Collects diagnostics from all stages (thread-safe); problems are never thrown.
/// <see cref="Sorted"/> gives them in a stable order: file, line, column, code.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Report(Rule rule, SourceSpan span, string message) =>
        Add(new Diagnostic(rule.Severity, rule.Code, message, span));

    public bool HasErrors => _items.Any(d => d.IsError);

    public int ErrorCount => _items.Count(d => d.IsError);

    public int WarningCount => _items.Count(d => !d.IsError);

    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Distinct()
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
