using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ForbedringsAbc.Parsing;

/// <summary>
/// A fast reader for the plain YAML front matter is written in: block mappings with simple keys,
/// block sequences (of values or of mappings), one-line double-quoted and plain values, and
/// one-line flow lists (<c>["a", "b"]</c>). It gives exactly the events YamlDotNet's
/// <see cref="Parser"/> gives for such a text, marks included, at a fraction of the cost (the
/// parser was a tenth of a build's time). Any other text (comments, single quotes, escapes,
/// block scalars, anchors, tags, values over several lines, tabs, unusual characters, very long
/// keys, nesting past <see cref="YamlLimits.MaxDepth"/>, anything YamlDotNet would reject) is not read here: <see cref="TryRead"/> returns null, and the caller
/// uses YamlDotNet's parser, so its results and its errors stay YamlDotNet's.
/// </summary>
public sealed class PlainYamlParser : IParser
{
    private readonly List<ParsingEvent> _events;
    private int _next;

    private PlainYamlParser(List<ParsingEvent> events) => _events = events;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        if (_next >= _events.Count)
        {
            Current = null;
            return false;
        }
        Current = _events[_next++];
        return true;
    }

    /// <summary>The events of <paramref name="yaml"/>, or null when it is not plain YAML as above.</summary>
    public static PlainYamlParser? TryRead(string yaml)
    {
        if (!HasOnlyPlainCharacters(yaml)) return null;
        var reader = new Reader(yaml);
        return reader.Read() ? new PlainYamlParser(reader.Events) : null;
    }

    /// <summary>No tab, carriage return or other control character, no line break YAML 1.1 knows besides \n, no surrogate, byte order mark or non-character.</summary>
    private static bool HasOnlyPlainCharacters(string yaml)
    {
        foreach (var c in yaml)
        {
            if (c < ' ' ? c != '\n' : c is >= '\u007f' and <= '\u009f' or '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' || char.IsSurrogate(c)) return false;
        }
        return true;
    }

    /// <summary>YamlDotNet takes a key of up to 1,024 characters and rejects a longer one; a key longer than this is left to it.</summary>
    private const int MaxKeyLength = 1000;

    /// <summary>Reads line by line; a method returns false as soon as the text leaves the plain subset.</summary>
    private sealed class Reader(string text)
    {
        public List<ParsingEvent> Events { get; } = new(32);

        // The current line: where it starts and ends (at its \n or the text's end), its number,
        // and where its content starts (after the indentation); Indent is -1 at the end of the text.
        private int _start;
        private int _end;
        private int _line;
        private int _content;

        // Once the end is reached: how many lines the text has, and how long its last one is.
        private int _lines;
        private int _lastLineLength;

        private int Indent => _content < 0 ? -1 : _content - _start;

        public bool Read()
        {
            _end = -1;
            _line = 0;
            NextLine();
            if (Indent != 0) return false;
            var first = Here(_content);
            Events.Add(new StreamStart(new Mark(0, 1, 1), new Mark(0, 1, 1)));
            Events.Add(new DocumentStart(null, [new("!", "!"), new("!!", "tag:yaml.org,2002:")], true, first, first));
            if (!Mapping(0, _content, depth: 1)) return false;
            if (Indent >= 0) return false;
            var end = EndOfText();
            Events.Add(new DocumentEnd(true, end, end));
            Events.Add(new StreamEnd(end, end));
            return true;
        }

        /// <summary>Moves to the next line with content (blank lines are skipped); at the end of the text, _content is -1.</summary>
        private void NextLine()
        {
            while (true)
            {
                _start = _end + 1;
                if (_start > text.Length)
                {
                    _content = -1;
                    _lines = _line;
                    _lastLineLength = text.Length - (text.LastIndexOf('\n') + 1);
                    return;
                }
                _line++;
                var newline = text.IndexOf('\n', _start);
                _end = newline < 0 ? text.Length : newline;
                var content = _start;
                while (content < _end && text[content] == ' ') content++;
                if (content < _end)
                {
                    _content = content;
                    return;
                }
            }
        }

        private Mark Here(int index) => new(index, _line, index - _start + 1);

        /// <summary>
        /// Where YamlDotNet puts the end of the text: where the text ends, moved to the start of a
        /// line of its own when the last line is not empty.
        /// </summary>
        private Mark EndOfText() => EndOfText(indent: -1);

        /// <summary>
        /// Where a block collection whose entries stand at <paramref name="indent"/> ends at the end
        /// of the text. YamlDotNet first ends those indented further than the end of the last line
        /// (a line of spaces) right there, then moves to a new line and ends the rest.
        /// </summary>
        private Mark EndOfText(int indent)
        {
            if (indent > _lastLineLength) return new Mark(text.Length, _lines, _lastLineLength + 1);
            return new Mark(text.Length, _lastLineLength == 0 ? _lines : _lines + 1, 1);
        }

        /// <summary>Where a block collection at <paramref name="indent"/> that ends before the current line ends: at its first token, or at the end of the text.</summary>
        private Mark Closing(int indent) => _content < 0 ? EndOfText(indent) : Here(_content);

        /// <summary>
        /// A block mapping whose keys stand at <paramref name="indent"/>; its first key starts at
        /// <paramref name="first"/> on the current line. Nesting deeper than <see cref="YamlLimits.MaxDepth"/>
        /// is left to YamlDotNet, which reads it without recursion, and to the limit's own message.
        /// </summary>
        private bool Mapping(int indent, int first, int depth)
        {
            if (depth > YamlLimits.MaxDepth) return false;
            var start = Here(first);
            Events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, start, start));
            var at = first;
            while (true)
            {
                if (!Entry(indent, at, depth)) return false;
                if (Indent < indent) break;
                if (Indent > indent) return false;
                // A "- " at the keys' indentation would be a list beside the keys.
                if (text[_content] == '-') return false;
                at = _content;
            }
            var end = Closing(indent);
            Events.Add(new MappingEnd(end, end));
            return true;
        }

        /// <summary>One "key: value" starting at <paramref name="at"/>, with the lines of its value; leaves the next line current.</summary>
        private bool Entry(int indent, int at, int depth)
        {
            var keyEnd = KeyEnd(at);
            if (keyEnd < 0) return false;
            var afterColon = keyEnd + 1;
            Events.Add(new Scalar(AnchorName.Empty, TagName.Empty, text[at..keyEnd], ScalarStyle.Plain, true, false, Here(at), Here(keyEnd), isKey: true));
            var value = afterColon;
            while (value < _end && text[value] == ' ') value++;
            if (value < _end)
            {
                // A value on the key's line, and nothing of it on the lines below.
                if (!Value(value, allowFlow: true)) return false;
                NextLine();
                return Indent <= indent;
            }
            // The value is the block below: a list or a mapping, indented further.
            NextLine();
            if (Indent <= indent) return false;
            return text[_content] == '-' ? Sequence(Indent, depth + 1) : Mapping(Indent, _content, depth + 1);
        }

        /// <summary>A block sequence whose "- " stand at <paramref name="indent"/>, from the current line.</summary>
        private bool Sequence(int indent, int depth)
        {
            if (depth > YamlLimits.MaxDepth) return false;
            var start = Here(_content);
            Events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, start, start));
            while (true)
            {
                var dash = _content;
                if (dash + 1 >= _end || text[dash] != '-' || text[dash + 1] != ' ') return false;
                var item = dash + 1;
                while (item < _end && text[item] == ' ') item++;
                if (item >= _end) return false;
                if (KeyEnd(item) >= 0)
                {
                    // "- key: value": a mapping whose keys stand where this first one does.
                    if (!Mapping(item - _start, item, depth + 1)) return false;
                }
                else
                {
                    if (!Value(item, allowFlow: false)) return false;
                    NextLine();
                }
                if (Indent < indent) break;
                if (Indent > indent) return false;
            }
            var end = Closing(indent);
            Events.Add(new SequenceEnd(end, end));
            return true;
        }

        /// <summary>
        /// Where the colon of a simple key starting at <paramref name="at"/> is (a letter or '_', then
        /// letters, digits, '_' and '-', at most <see cref="MaxKeyLength"/>; the colon followed by a
        /// space or the line's end); -1 when the text there is no such key.
        /// </summary>
        private int KeyEnd(int at)
        {
            if (!(char.IsAsciiLetter(text[at]) || text[at] == '_')) return -1;
            var i = at;
            while (i < _end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-')) i++;
            var isKey = i < _end && text[i] == ':' && i - at <= MaxKeyLength && (i + 1 == _end || text[i + 1] == ' ');
            return isKey ? i : -1;
        }

        /// <summary>A value that fills the rest of the current line from <paramref name="at"/>: quoted, plain or (<paramref name="allowFlow"/>) a flow list.</summary>
        private bool Value(int at, bool allowFlow)
        {
            var c = text[at];
            if (c == '"')
            {
                var close = Quoted(at);
                return close > 0 && OnlySpaces(close, _end);
            }
            if (c == '[' && allowFlow) return FlowList(at);
            var end = PlainEnd(at, _end, flow: false);
            if (end < 0) return false;
            Events.Add(new Scalar(AnchorName.Empty, TagName.Empty, text[at..end], ScalarStyle.Plain, true, false, Here(at), Here(end)));
            return true;
        }

        /// <summary>A double-quoted value without escapes from <paramref name="at"/>; returns the index after its closing quote, or -1.</summary>
        private int Quoted(int at)
        {
            var close = text.IndexOf('"', at + 1, _end - at - 1);
            if (close < 0) return -1;
            if (text.AsSpan(at + 1, close - at - 1).Contains('\\')) return -1;
            Events.Add(new Scalar(AnchorName.Empty, TagName.Empty, text[(at + 1)..close], ScalarStyle.DoubleQuoted, false, true, Here(at), Here(close + 1)));
            return close + 1;
        }

        /// <summary>
        /// Where a plain value from <paramref name="at"/> ends (trailing spaces left out), or -1 if it
        /// is not a plain value this reader takes: it must start with a letter or digit, and hold no
        /// ": ", " #", quote, bracket, brace or comma (in a flow list: no colon at all), nor end in ":".
        /// </summary>
        private int PlainEnd(int at, int limit, bool flow)
        {
            if (!char.IsLetterOrDigit(text[at])) return -1;
            var end = at;
            for (var i = at; i < limit; i++)
            {
                var c = text[i];
                if (c is '"' or '\'' or '[' or ']' or '{' or '}' or ',' or '#') return -1;
                if (c == ':' && (flow || i + 1 == limit || text[i + 1] == ' ')) return -1;
                if (c != ' ') end = i + 1;
            }
            return end;
        }

        /// <summary>A one-line flow list from the '[' at <paramref name="at"/>: quoted or plain values, comma-separated, and nothing after the ']'.</summary>
        private bool FlowList(int at)
        {
            var open = Here(at);
            Events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, open, open));
            var i = SkipSpaces(at + 1);
            if (i < _end && text[i] == ']') return CloseFlow(i);
            while (i < _end)
            {
                int next;
                if (text[i] == '"')
                {
                    next = Quoted(i);
                    if (next < 0) return false;
                }
                else
                {
                    var stop = text.AsSpan(i, _end - i).IndexOfAny(',', ']');
                    if (stop < 0) return false;
                    var end = PlainEnd(i, i + stop, flow: true);
                    if (end < 0) return false;
                    Events.Add(new Scalar(AnchorName.Empty, TagName.Empty, text[i..end], ScalarStyle.Plain, true, false, Here(i), Here(end)));
                    next = end;
                }
                i = SkipSpaces(next);
                if (i >= _end) return false;
                if (text[i] == ']') return CloseFlow(i);
                if (text[i] != ',') return false;
                i = SkipSpaces(i + 1);
                // "[a, ]" and "[a,,b]" are left to YamlDotNet.
                if (i >= _end || text[i] is ',' or ']') return false;
            }
            return false;
        }

        private bool CloseFlow(int close)
        {
            var mark = Here(close);
            Events.Add(new SequenceEnd(mark, mark));
            return OnlySpaces(close + 1, _end);
        }

        private int SkipSpaces(int i)
        {
            while (i < _end && text[i] == ' ') i++;
            return i;
        }

        private bool OnlySpaces(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (text[i] != ' ') return false;
            }
            return true;
        }
    }
}
