using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Search.Analysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ForbedringsAbc.Search.Synonyms;

/// <summary>
/// Reads content/_data/synonymer.yaml (<c>grupper: [[a, b, c], …]</c>); no file means no synonyms.
/// Every mistake is an ABC501 diagnostic at its line and column, in Norwegian; a bad group is
/// left out and the rest are used.
/// </summary>
public sealed class SynonymLoader(SearchAnalyzer analyzer, PathDisplay paths, DiagnosticBag diagnostics)
{
    public const string FileName = "synonymer.yaml";

    public SynonymSet Load(string contentRoot)
    {
        var path = Path.Combine(contentRoot, ContentLoader.DataFolder, FileName);
        if (!File.Exists(path)) return SynonymSet.Empty;
        var spans = new YamlSpans(paths.ForUser(path), 0);
        var text = ContentText.Read(path, spans.DisplayPath, diagnostics);
        if (text is null) return SynonymSet.Empty;
        var stream = new YamlStream();
        try
        {
            if (!YamlLimits.TryLoad(stream, text, spans, diagnostics)) return SynonymSet.Empty;
        }
        catch (YamlException e)
        {
            Report(spans.At(e.Start), $"Feil i YAML: {YamlErrorText.Translate(e)}");
            return SynonymSet.Empty;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Report(new SourceSpan(spans.DisplayPath, 1, 1), "Filen skal ha nøkkelen «grupper:» med en liste av synonymgrupper, for eksempel «- [pdsa, pgek]».");
            return SynonymSet.Empty;
        }
        return Groups(root, spans);
    }

    private SynonymSet Groups(YamlMappingNode root, YamlSpans spans)
    {
        YamlNode? list = null;
        foreach (var (key, value) in root.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (name == "grupper") list = value;
            else Report(spans.At(key), $"Ukjent nøkkel «{name}». Synonymfila har bare nøkkelen «grupper».");
        }
        if (list is not YamlSequenceNode sequence)
        {
            Report(list is null ? spans.At(root) : spans.At(list), "«grupper:» skal være en liste av synonymgrupper, én per linje: «- [pdsa, pgek, pukk]».");
            return SynonymSet.Empty;
        }
        var seen = new Dictionary<string, (SourceSpan Span, YamlNode Group)>(StringComparer.Ordinal);
        var groups = new List<IReadOnlyList<string>>();
        foreach (var node in sequence.Children)
        {
            var group = Group(node, spans, seen);
            if (group is not null) groups.Add(group);
        }
        return new SynonymSet(groups);
    }

    private List<string>? Group(YamlNode node, YamlSpans spans, Dictionary<string, (SourceSpan Span, YamlNode Group)> seen)
    {
        if (node is not YamlSequenceNode items)
        {
            Report(spans.At(node), "En synonymgruppe skal være en liste i hakeparenteser, for eksempel «- [tavlemøte, forbedringstavle]».");
            return null;
        }
        var entries = new List<string>();
        foreach (var item in items.Children)
        {
            var entry = Entry(item, items, spans, seen);
            if (entry is not null && !entries.Contains(entry)) entries.Add(entry);
        }
        if (entries.Count >= 2) return entries;
        Report(spans.At(node), "En synonymgruppe trenger minst to forskjellige ord eller uttrykk.");
        return null;
    }

    private string? Entry(YamlNode item, YamlNode group, YamlSpans spans, Dictionary<string, (SourceSpan Span, YamlNode Group)> seen)
    {
        var span = spans.At(item);
        if (item is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
        {
            Report(span, "Hvert ord i en synonymgruppe skal være en tekst. Skriv uttrykk med mellomrom eller komma i anførselstegn.");
            return null;
        }
        var terms = analyzer.Analyze(text).Select(w => w.Term).ToList();
        if (terms.Count == 0)
        {
            Report(span, $"«{text}» har ingen ord søket kan bruke: småord som «og» og «i» søkes ikke på.");
            return null;
        }
        var entry = string.Join(' ', terms);
        if (seen.TryGetValue(entry, out var first))
        {
            // Two forms of one word in the same group ("tavlemøte", "tavlemøter") are fine; in two groups they are a mistake.
            if (first.Group != group)
            {
                Report(span, $"«{text}» står allerede i en annen gruppe (linje {first.Span.Line}). Et ord kan bare stå i én gruppe: slå gruppene sammen.");
            }
            return null;
        }
        seen[entry] = (span, group);
        return entry;
    }

    private void Report(SourceSpan span, string message) => diagnostics.Report(Rules.Synonyms, span, message);
}
