namespace ForbedringsAbc.Diagnostics;

/// <summary>One problem found in the content or the templates, with a stable code.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceSpan Span)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>The canonical text form: <c>file(line,col): error ABC104: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        return $"{Span}: {severity} {Code}: {Message}";
    }
}
