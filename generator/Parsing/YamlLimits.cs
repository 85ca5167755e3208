using System.Globalization;
using ForbedringsAbc.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ForbedringsAbc.Parsing;

/// <summary>
/// Limits checked on the YAML's events before it is loaded into a tree: nesting depth, and the
/// number of values once every alias (<c>*name</c>) is counted as the values of its anchor. The
/// second stops "billion laughs" (nine anchors of nine aliases each stand for 387 million
/// values), which would otherwise hang the generator when the tree is compared or printed.
/// The scan itself uses no recursion and no memory per alias. Errors of syntax are left to the
/// loader, which reports them in its own words.
/// </summary>
public static class YamlLimits
{
    /// <summary>Lists and sets of keys inside each other; the content model needs 4.</summary>
    public const int MaxDepth = 32;

    /// <summary>Values in one YAML text with aliases filled in; the largest data file has a few thousand.</summary>
    public const int MaxExpandedNodes = 100_000;

    /// <returns>False, after reporting ABC005, when the text is over a limit.</returns>
    public static bool Check(string yaml, YamlSpans spans, DiagnosticBag diagnostics, string what = "filen")
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Start)>();
        long total = 0;
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case NodeEvent { } node and (MappingStart or SequenceStart):
                        open.Push((node.Anchor.IsEmpty ? null : node.Anchor.Value, total));
                        total++;
                        if (open.Count > MaxDepth) return Report(spans, node.Start, diagnostics,
                            $"Feil i {what} (YAML): lister eller sett med nøkler ligger mer enn {MaxDepth} nivåer inne i hverandre. Forenkle oppsettet.");
                        break;
                    case MappingEnd or SequenceEnd when open.Count > 0:
                        var (anchor, start) = open.Pop();
                        if (anchor is not null) sizes[anchor] = total - start;
                        break;
                    case Scalar scalar:
                        total++;
                        if (!scalar.Anchor.IsEmpty) sizes[scalar.Anchor.Value] = 1;
                        break;
                    case AnchorAlias alias:
                        total += sizes.GetValueOrDefault(alias.Value.Value, 1);
                        break;
                }
                if (total > MaxExpandedNodes) return Report(spans, parser.Current!.Start, diagnostics,
                    $"Feil i {what} (YAML): henvisningene (*navn) gir over {MaxExpandedNodes.ToString("N0", CultureInfo.InvariantCulture).Replace(',', ' ')} verdier når de fylles ut. Skriv verdiene ut i stedet for å henvise til dem.");
            }
        }
        catch (YamlException)
        {
            // A syntax error: the loader reports it where it is.
        }
        return true;
    }

    private static bool Report(YamlSpans spans, Mark mark, DiagnosticBag diagnostics, string message)
    {
        diagnostics.Report(Rules.YamlTooComplex, spans.At(mark), message);
        return false;
    }
}
