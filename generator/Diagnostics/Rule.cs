namespace ForbedringsAbc.Diagnostics;

/// <summary>A rule with a stable code, its default severity and what it guards (English, for docs).</summary>
public sealed record Rule(string Code, Severity Severity, string Summary);
