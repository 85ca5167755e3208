using System.Globalization;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;
using ForbedringsAbc.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ForbedringsAbc.Parsing;

/// <summary>Turns YamlDotNet marks (1-based, counted from the YAML's first line) into file positions.</summary>
public sealed record YamlSpans(string DisplayPath, int LineOffset)
{
    public SourceSpan At(Mark mark) => new(DisplayPath, (int)mark.Line + LineOffset, (int)mark.Column);

    public SourceSpan At(YamlNode node) => At(node.Start);
}

/// <summary>
/// Typed, position-aware reads of one YAML mapping (the front matter, or a nested mapping such
/// as <c>image</c>). Every problem becomes a diagnostic; a read that fails returns null or an
/// empty list so the caller can go on and find the next problem.
/// </summary>
public sealed class YamlFields
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly YamlNode _node;
    private readonly YamlSpans _spans;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _prefix;

    public YamlFields(YamlMappingNode map, YamlSpans spans, DiagnosticBag diagnostics, string prefix = "")
    {
        _node = map;
        _spans = spans;
        _diagnostics = diagnostics;
        _prefix = prefix;
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "" : $"({Describe(key)})";
            _entries.TryAdd(name, (key, value));
        }
    }

    public IEnumerable<string> Keys => _entries.Keys;

    public SourceSpan Span => _spans.At(_node);

    public YamlSpans Spans => _spans;

    public DiagnosticBag Diagnostics => _diagnostics;

    public bool Has(string key) => _entries.ContainsKey(key);

    public string Name(string key) => $"`{_prefix}{key}`";

    public SourceSpan SpanOf(string key) =>
        _entries.TryGetValue(key, out var e) ? _spans.At(e.Value) : Span;

    public SourceSpan KeySpanOf(string key) =>
        _entries.TryGetValue(key, out var e) ? _spans.At(e.Key) : Span;

    /// <summary>Plain text; numbers and other scalars are read as they are written.</summary>
    public string? Text(string key, bool required) => LocatedText(key, required)?.Value;

    public Located<string>? LocatedText(string key, bool required)
    {
        var node = Get(key, required);
        if (node is null) return null;
        if (node is not YamlScalarNode scalar)
        {
            WrongType(key, node, "tekst");
            return null;
        }
        var value = ScalarText(scalar);
        if (value is null)
        {
            if (required) Empty(key);
            return null;
        }
        return new Located<string>(value, _spans.At(scalar));
    }

    public DateOnly? Date(string key, bool required)
    {
        var text = LocatedText(key, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        _diagnostics.Report(Rules.BadDate, text.Span,
            $"{Name(key)} er ikke en gyldig dato: «{text.Value}». Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2021-11-01.");
        return null;
    }

    public bool Bool(string key)
    {
        var node = Get(key, required: false);
        if (node is null) return false;
        if (node is YamlScalarNode { Value: "true" or "True" or "TRUE" }) return true;
        if (node is YamlScalarNode { Value: "false" or "False" or "FALSE" }) return false;
        WrongType(key, node, "ja eller nei (true eller false)");
        return false;
    }

    /// <summary>A list of texts; a single text is read as a list of one.</summary>
    public IReadOnlyList<Located<string>> TextList(string key, bool required)
    {
        var node = Get(key, required);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                var single = ScalarText(scalar);
                if (single is null)
                {
                    if (required) Empty(key);
                    return [];
                }
                return [new Located<string>(single, _spans.At(scalar))];
            case YamlSequenceNode seq:
                var result = new List<Located<string>>();
                foreach (var item in seq.Children)
                {
                    if (item is YamlScalarNode s && ScalarText(s) is { } text)
                    {
                        result.Add(new Located<string>(text, _spans.At(s)));
                    }
                    else
                    {
                        _diagnostics.Report(Rules.WrongType, _spans.At(item),
                            $"Hvert punkt i {Name(key)} skal være en tekst, men dette er {Describe(item)}.");
                    }
                }
                if (required && result.Count == 0) Empty(key);
                return result;
            default:
                WrongType(key, node, "en liste med tekster");
                return [];
        }
    }

    public YamlFields? Mapping(string key, bool required)
    {
        var node = Get(key, required);
        if (node is null) return null;
        if (node is YamlMappingNode map) return new YamlFields(map, _spans, _diagnostics, $"{_prefix}{key}.");
        WrongType(key, node, "et sett med nøkler (for eksempel «src:» og «alt:» på hver sin linje under)");
        return null;
    }

    public IReadOnlyList<YamlNode> Sequence(string key, bool required)
    {
        var node = Get(key, required);
        if (node is null) return [];
        if (node is YamlSequenceNode seq)
        {
            if (required && seq.Children.Count == 0) Empty(key);
            return seq.Children.ToList();
        }
        WrongType(key, node, "en liste (hvert punkt på en egen linje som begynner med «- »)");
        return [];
    }

    /// <summary>Reports every key not read so far, with the nearest known key as a suggestion.</summary>
    public void ReportUnknownKeys(IReadOnlyCollection<string> known, Func<string, string?>? explain = null)
    {
        foreach (var (name, entry) in _entries)
        {
            if (_used.Contains(name) || known.Contains(name)) continue;
            var message = explain?.Invoke(name);
            if (message is null)
            {
                var nearest = EditDistance.Nearest(name, known);
                message = nearest is null
                    ? $"Ukjent nøkkel {Name(name)}. Tillatte nøkler her er: {string.Join(", ", known.Order(StringComparer.Ordinal))}."
                    : $"Ukjent nøkkel {Name(name)}. Mente du `{_prefix}{nearest}`?";
            }
            _diagnostics.Report(Rules.UnknownKey, _spans.At(entry.Key), message);
        }
    }

    public static string? ScalarText(YamlScalarNode scalar)
    {
        var value = scalar.Value;
        if (scalar.Style == ScalarStyle.Plain && value is "~" or "null" or "Null" or "NULL") return null;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "en liste",
        YamlMappingNode => "et sett med nøkler",
        YamlScalarNode s when ScalarText(s) is null => "tom",
        _ => "en tekst",
    };

    private YamlNode? Get(string key, bool required)
    {
        _used.Add(key);
        if (_entries.TryGetValue(key, out var entry)) return entry.Value;
        if (required)
        {
            _diagnostics.Report(Rules.MissingKey, Span, $"Nøkkelen {Name(key)} mangler. {KeyHelp.For(_prefix + key)}".TrimEnd());
        }
        return null;
    }

    private void Empty(string key) =>
        _diagnostics.Report(Rules.MissingKey, SpanOf(key), $"{Name(key)} er tom. {KeyHelp.For(_prefix + key)}".TrimEnd());

    private void WrongType(string key, YamlNode node, string expected) =>
        _diagnostics.Report(Rules.WrongType, _spans.At(node), $"{Name(key)} skal være {expected}, men er {Describe(node)}.");
}
