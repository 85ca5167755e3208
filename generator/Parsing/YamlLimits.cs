using System.Globalization;
using ForbedringsAbc.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ForbedringsAbc.Parsing;

/// <summary>
/// Limits checked on the YAML's events as they are read, before the tree is used: nesting depth, and the
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

    /// <summary>
    /// Loads the text into <paramref name="stream"/>, checking the limits on the events as the
    /// stream reads them (one parse). A syntax error is thrown (<see cref="YamlException"/>) for
    /// the caller to report in its own words.
    /// </summary>
    /// <returns>False, after reporting ABC005, when the text is over a limit.</returns>
    public static bool TryLoad(YamlStream stream, string yaml, YamlSpans spans, DiagnosticBag diagnostics, string what = "filen")
    {
        try
        {
            // Plain front matter is read by the fast reader (same events); anything else by YamlDotNet's parser.
            IParser parser = (IParser?)PlainYamlParser.TryRead(yaml) ?? new Parser(new StringReader(yaml));
            stream.Load(new LimitedParser(parser, what));
            return true;
        }
        catch (YamlLimitException e)
        {
            diagnostics.Report(Rules.YamlTooComplex, spans.At(e.Start), e.Message);
            return false;
        }
    }

    /// <summary>
    /// A parser that checks the limits on each event as it passes, so that a loader reading from it
    /// stops at the first event over a limit (with a YamlLimitException) without the
    /// text being parsed twice.
    /// </summary>
    private sealed class LimitedParser(IParser inner, string what) : IParser
    {
        private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);
        private readonly Stack<(string? Anchor, long Start)> _open = new();
        private long _total;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            var current = inner.Current!;
            switch (current)
            {
                case NodeEvent { } node and (MappingStart or SequenceStart):
                    _open.Push((node.Anchor.IsEmpty ? null : node.Anchor.Value, _total));
                    _total++;
                    if (_open.Count > MaxDepth) throw new YamlLimitException(node.Start,
                        $"Feil i {what} (YAML): lister eller sett med nøkler ligger mer enn {MaxDepth} nivåer inne i hverandre. Forenkle oppsettet.");
                    break;
                case MappingEnd or SequenceEnd when _open.Count > 0:
                    var (anchor, start) = _open.Pop();
                    if (anchor is not null) _sizes[anchor] = _total - start;
                    break;
                case Scalar scalar:
                    _total++;
                    if (!scalar.Anchor.IsEmpty) _sizes[scalar.Anchor.Value] = 1;
                    break;
                case AnchorAlias alias:
                    _total += _sizes.GetValueOrDefault(alias.Value.Value, 1);
                    break;
            }
            if (_total > MaxExpandedNodes) throw new YamlLimitException(current.Start,
                $"Feil i {what} (YAML): henvisningene (*navn) gir over {MaxExpandedNodes.ToString("N0", CultureInfo.InvariantCulture).Replace(',', ' ')} verdier når de fylles ut. Skriv verdiene ut i stedet for å henvise til dem.");
            return true;
        }
    }

    /// <summary>A YAML text over a limit: where, and the editor's message (ABC005).</summary>
    private sealed class YamlLimitException(Mark start, string message) : Exception(message)
    {
        public Mark Start { get; } = start;
    }
}
