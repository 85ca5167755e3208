using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Rendering;
using ForbedringsAbc.Text;
using Scriban.Runtime;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ForbedringsAbc.Templates;

/// <summary>
/// All UI text of the site, from one Norwegian strings file (templates/strings.nb.yaml): given
/// to templates as <c>t</c>, and used by the generator for dates and alert titles.
/// </summary>
public sealed class UiStrings
{
    public const string FileName = "strings.nb.yaml";

    private UiStrings(ScriptObject tree, IReadOnlyDictionary<string, string> flat)
    {
        Tree = tree;
        Flat = flat;
        var months = Enumerable.Range(1, 12).Select(i => flat.GetValueOrDefault($"months.{i - 1}", i.ToString())).ToList();
        Dates = new DateText(months);
        Alerts = new AlertTitles(flat.Where(kv => kv.Key.StartsWith("alerts.", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key["alerts.".Length..], kv => kv.Value));
    }

    public ScriptObject Tree { get; }

    public IReadOnlyDictionary<string, string> Flat { get; }

    public DateText Dates { get; }

    public AlertTitles Alerts { get; }

    public string Get(string key) => Flat.TryGetValue(key, out var v) ? v : key;

    public static UiStrings Load(string templatesRoot, PathDisplay paths, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(templatesRoot, FileName);
        var display = paths.ForUser(path);
        var flat = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tree = new ScriptObject();
        if (!File.Exists(path))
        {
            diagnostics.Report(Rules.TemplateMissing, SourceSpan.WholeFile(display), "Filen med tekstene til nettstedet mangler.");
            return new UiStrings(tree, flat);
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(Loading.ContentLoader.NormalizeNewlines(File.ReadAllText(path))));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                tree = (ScriptObject)Convert(root, string.Empty, flat);
            }
        }
        catch (YamlException e)
        {
            diagnostics.Report(Rules.TemplateError, new SourceSpan(display, (int)e.Start.Line, (int)e.Start.Column), YamlErrorTextFor(e));
        }
        return new UiStrings(tree, flat);
    }

    private static string YamlErrorTextFor(YamlException e) => $"Feil i tekstfilen: {Parsing.YamlErrorText.Translate(e)}";

    private static object Convert(YamlNode node, string prefix, IDictionary<string, string> flat)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new ScriptObject();
                foreach (var (k, v) in map.Children)
                {
                    var key = ((YamlScalarNode)k).Value ?? string.Empty;
                    obj.SetValue(key, Convert(v, prefix + key + ".", flat), readOnly: true);
                }
                return obj;
            case YamlSequenceNode seq:
                var array = new ScriptArray();
                var i = 0;
                foreach (var item in seq.Children) array.Add(Convert(item, $"{prefix}{i++}.", flat));
                return array;
            default:
                var text = ((YamlScalarNode)node).Value ?? string.Empty;
                flat[prefix.TrimEnd('.')] = text;
                return text;
        }
    }
}
