using System.Text.RegularExpressions;
using ForbedringsAbc.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ForbedringsAbc.Parsing;

/// <summary>
/// Parses a YAML text whose root must be "key: value" lines (front matter, site data, UI
/// strings). Every way it can fail becomes one diagnostic at the best position known; the
/// parser's own position where it has one, found in the text where YamlDotNet's is poor.
/// </summary>
public static partial class YamlMappingLoader
{
    /// <param name="what">What the text is, for messages: "nøklene øverst i filen", "filen".</param>
    /// <param name="whenEmpty">The message when there are no keys at all.</param>
    public static YamlMappingNode? Load(string yaml, YamlSpans spans, DiagnosticBag diagnostics, Rule syntax, Rule shape, string what, string whenEmpty)
    {
        if (FindTabIndent(yaml) is { } tab)
        {
            diagnostics.Report(syntax, At(spans, tab), $"Feil i {what} (YAML): tabulator brukes til innrykk. Bruk mellomrom i stedet.");
            return null;
        }
        var stream = new YamlStream();
        try
        {
            if (!YamlLimits.TryLoad(stream, yaml, spans, diagnostics, what)) return null;
        }
        catch (YamlException e) when (FindUnclosedBracket(yaml) is { } bracket && bracket.Line <= e.Start.Line)
        {
            diagnostics.Report(syntax, At(spans, bracket), $"Feil i {what} (YAML): en [ eller {{ er ikke lukket med ] eller }} på samme linje.");
            return null;
        }
        catch (YamlException e)
        {
            var span = FindAlias(yaml, e.Message) is { } alias ? At(spans, alias) : spans.At(e.Start);
            diagnostics.Report(syntax, span, $"Feil i {what} (YAML): {YamlErrorText.Translate(e)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this for some unbalanced brackets instead of a YamlException.
            var place = FindUnclosedBracket(yaml) ?? (1, 1);
            diagnostics.Report(syntax, At(spans, place), $"Feil i {what} (YAML): en [ eller {{ er ikke lukket med ] eller }} på samme linje.");
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            diagnostics.Report(shape, At(spans, (1, 1)), whenEmpty);
            return null;
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            diagnostics.Report(shape, spans.At(stream.Documents[0].RootNode), $"{Capitalise(what)} må skrives som «nøkkel: verdi», én per linje.");
            return null;
        }
        return map;
    }

    private static Diagnostics.SourceSpan At(YamlSpans spans, (int Line, int Column) p) =>
        new(spans.DisplayPath, p.Line + spans.LineOffset, p.Column);

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>YAML forbids tabs in indentation; the parser reports them at the wrong place, so find them first.</summary>
    private static (int Line, int Column)? FindTabIndent(string yaml)
    {
        // Almost no front matter has a tab at all: then no line need be looked at.
        if (!yaml.Contains('\t')) return null;
        var line = 1;
        var rest = yaml.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var text = end < 0 ? rest : rest[..end];
            for (var i = 0; i < text.Length && text[i] is ' ' or '\t'; i++)
            {
                if (text[i] == '\t') return (line, i + 1);
            }
            if (end < 0) return null;
            rest = rest[(end + 1)..];
            line++;
        }
    }

    /// <summary>Where "*name" is written, when the parser complains about an unknown anchor.</summary>
    private static (int Line, int Column)? FindAlias(string yaml, string message)
    {
        var match = AnchorName().Match(message);
        if (!match.Success) return null;
        var index = yaml.IndexOf("*" + match.Groups[1].Value, StringComparison.Ordinal);
        return index < 0 ? null : Position(yaml, index);
    }

    /// <summary>The first line on which a [ or { is opened and not closed.</summary>
    private static (int Line, int Column)? FindUnclosedBracket(string yaml)
    {
        var line = 1;
        foreach (var text in yaml.Split('\n'))
        {
            var open = new Stack<int>();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is '[' or '{') open.Push(i);
                else if (text[i] is ']' or '}' && open.Count > 0) open.Pop();
            }
            if (open.Count > 0) return (line, open.Last() + 1);
            line++;
        }
        return null;
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0) lineStart = 0;
        return (line, index - lineStart + 1);
    }

    [GeneratedRegex("anchor '([^']+)'")]
    private static partial Regex AnchorName();
}
