using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Text;

namespace ForbedringsAbc.Loading;

/// <summary>
/// Reads <c>rules:</c> in site.yaml: a rule code and its severity (error, warning or off) per
/// line. Only configurable rules may be changed; every mistake is reported at its line.
/// </summary>
public sealed class RuleSettingsReader(DiagnosticBag diagnostics)
{
    private static readonly Dictionary<string, Severity> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["error"] = Severity.Error, ["feil"] = Severity.Error,
        ["warning"] = Severity.Warning, ["advarsel"] = Severity.Warning,
        ["off"] = Severity.Off, ["av"] = Severity.Off,
    };

    public RuleSettings Read(YamlFields? rules)
    {
        if (rules is null) return RuleSettings.Defaults;
        var overrides = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var code in rules.Keys.ToList())
        {
            var rule = Rules.All.FirstOrDefault(r => r.Code.Equals(code, StringComparison.OrdinalIgnoreCase));
            var level = rules.LocatedText(code, required: true);
            if (rule is null)
            {
                var nearest = EditDistance.Nearest(code, Rules.All.Select(r => r.Code));
                diagnostics.Report(Rules.SiteData, rules.KeySpanOf(code), $"Ukjent regel «{code}».{(nearest is null ? "" : $" Mente du {nearest}?")} Kodene står i docs/diagnostics.md.");
                continue;
            }
            if (!rule.Configurable)
            {
                diagnostics.Report(Rules.SiteData, rules.KeySpanOf(code), $"Regelen {rule.Code} kan ikke endres: uten den kan nettstedet ikke bygges riktig.");
                continue;
            }
            if (level is null) continue;
            if (!Levels.TryGetValue(level.Value, out var severity))
            {
                diagnostics.Report(Rules.SiteData, level.Span, $"«{level.Value}» er ikke et gyldig nivå. Skriv error, warning eller off.");
                continue;
            }
            overrides[rule.Code] = severity;
        }
        return new RuleSettings(overrides);
    }
}
