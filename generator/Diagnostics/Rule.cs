namespace ForbedringsAbc.Diagnostics;

/// <summary>
/// A rule with a stable code, its default severity and what it guards (English, for docs).
/// A configurable rule's severity can be set to error, warning or off in content/_data/site.yaml;
/// the others (the content cannot be read or built without them) are always errors.
/// </summary>
public sealed record Rule(string Code, Severity Severity, string Summary, bool Configurable = false);
