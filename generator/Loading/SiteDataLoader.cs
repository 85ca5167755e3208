using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ForbedringsAbc.Loading;

/// <summary>
/// Reads the site data: content/_data/&lt;name&gt;.yaml where editors have written one, else the
/// default in templates/data/. phases.yaml lists the phases of the improvement cycle;
/// site.yaml the site's title and description.
/// </summary>
public sealed class SiteDataLoader(string contentRoot, string templatesRoot, PathDisplay paths, DiagnosticBag diagnostics)
{
    private readonly List<Located<string>> _pageReferences = [];

    public SiteData Load()
    {
        var config = LoadConfig();
        var phases = LoadPhases();
        return new SiteData(config, phases, _pageReferences);
    }

    private string? PageReference(YamlFields fields, string key)
    {
        var value = fields.LocatedText(key, required: false);
        if (value is not null) _pageReferences.Add(value);
        return value?.Value;
    }

    private SiteConfig LoadConfig()
    {
        var fields = Open("site.yaml");
        if (fields is null) return new SiteConfig("Forbedringsarbeidets ABC", string.Empty, string.Empty, null, null);
        var config = new SiteConfig(
            fields.Text("title", required: true) ?? string.Empty,
            fields.Text("description", required: false) ?? string.Empty,
            fields.Text("organisation", required: false) ?? string.Empty,
            PageReference(fields, "about_page"),
            PageReference(fields, "accessibility_page"))
        {
            Rules = new RuleSettingsReader(diagnostics).Read(fields.Mapping("rules", required: false)),
            ReviewWarningDays = Number(fields, "review_warning_days", 30),
            ImageWarningKb = Number(fields, "image_warning_kb", 1000),
        };
        fields.ReportUnknownKeys(["title", "description", "organisation", "about_page", "accessibility_page", "rules", "review_warning_days", "image_warning_kb"]);
        return config;
    }

    private int Number(YamlFields fields, string key, int fallback)
    {
        var text = fields.LocatedText(key, required: false);
        if (text is null) return fallback;
        if (int.TryParse(text.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
        diagnostics.Report(Rules.SiteData, text.Span, $"`{key}` skal være et helt tall, for eksempel {fallback}.");
        return fallback;
    }

    private List<Phase> LoadPhases()
    {
        var fields = Open("phases.yaml");
        var phases = new List<Phase>();
        if (fields is null) return phases;
        foreach (var node in fields.Sequence("phases", required: true))
        {
            if (node is not YamlMappingNode map)
            {
                diagnostics.Report(Rules.SiteData, fields.Spans.At(node), "Hver fase skal ha id, title, question og summary.");
                continue;
            }
            var f = new YamlFields(map, fields.Spans, diagnostics, "phases.");
            var id = f.Text("id", required: true) ?? string.Empty;
            var phase = new Phase(id, Slugifier.Slugify(id), f.Text("title", required: true) ?? id,
                f.Text("question", required: false) ?? string.Empty, f.Text("summary", required: false) ?? string.Empty,
                PageReference(f, "page"));
            f.ReportUnknownKeys(["id", "title", "question", "summary", "page"]);
            if (phases.Any(p => p.Id == id))
            {
                diagnostics.Report(Rules.SiteData, f.Span, $"Fasen «{id}» står to ganger.");
                continue;
            }
            phases.Add(phase);
        }
        fields.ReportUnknownKeys(["phases"]);
        return phases;
    }

    private YamlFields? Open(string name)
    {
        var path = Path.Combine(contentRoot, ContentLoader.DataFolder, name);
        if (!File.Exists(path)) path = Path.Combine(templatesRoot, "data", name);
        var display = paths.ForUser(path);
        if (!File.Exists(path))
        {
            diagnostics.Report(Rules.SiteData, SourceSpan.WholeFile(display), $"Fant ikke {name} i content/_data/ eller templates/data/.");
            return null;
        }
        var text = ContentText.Read(path, display, diagnostics);
        if (text is null) return null;
        var spans = new YamlSpans(display, 0);
        var map = YamlMappingLoader.Load(text, spans, diagnostics, Rules.SiteData, Rules.SiteData, "filen",
            "Filen er tom. Skriv innstillingene som «nøkkel: verdi», én per linje.");
        return map is null ? null : new YamlFields(map, spans, diagnostics);
    }
}
