namespace ForbedringsAbc.Diagnostics;

/// <summary>The severities the site's configuration sets for configurable rules, by code.</summary>
public sealed record RuleSettings(IReadOnlyDictionary<string, Severity> Overrides)
{
    public static RuleSettings Defaults { get; } = new(new Dictionary<string, Severity>());

    public Severity Resolve(string code, Severity reported) =>
        Overrides.TryGetValue(code, out var configured) ? configured : reported;
}
