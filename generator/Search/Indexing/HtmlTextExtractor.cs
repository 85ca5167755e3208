using System.Net;

namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// A light pass over the generator's own HTML (no DOM): the text of &lt;main&gt;, cut into blocks
/// at block elements, headings weighted h1 = 7 … h6 = 2. Elements with a
/// <c>data-search-ignore</c> attribute are left out with everything inside them, as are script,
/// style, noscript, svg and template. Works on well-formed output, which our templates guarantee.
/// </summary>
public sealed class HtmlTextExtractor
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "script", "style", "noscript", "svg", "template", "button" };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "section", "article", "aside", "header",
        "footer", "nav", "blockquote", "figure", "figcaption", "pre", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "main", "details", "summary",
    };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal) { "br", "hr", "img", "input", "meta", "link", "source", "track", "wbr", "col", "area", "embed" };

    /// <summary>The blocks of <paramref name="html"/> as strings (see <see cref="Scan"/>).</summary>
    public List<TextBlock> Extract(string html)
    {
        var text = Scan(html);
        var blocks = new List<TextBlock>(text.Count);
        for (var b = 0; b < text.Count; b++) blocks.Add(new TextBlock(text.Text(b).ToString(), text.Weight(b)));
        return blocks;
    }

    /// <summary>This thread's scan, reused from page to page.</summary>
    [ThreadStatic]
    private static PageText? _state;

    /// <summary>
    /// The blocks of <paramref name="html"/>, in one buffer with no string per block. The result is
    /// this thread's, valid until the thread scans the next page.
    /// </summary>
    public PageText Scan(ReadOnlySpan<char> html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.LastIndexOf("</main>", StringComparison.Ordinal);
        if (start < 0 || end < start) { start = 0; end = html.Length; }
        var state = _state ??= new PageText();
        state.Reset();
        var i = Text.Spans.IndexOf(html, '>', start) + 1;
        while (i < end)
        {
            var lt = Text.Spans.IndexOf(html[..end], '<', i);
            var textEnd = lt < 0 ? end : lt;
            if (textEnd > i && state.SkipDepth == 0) state.AddText(html.Slice(i, textEnd - i));
            if (lt < 0) break;
            var gt = Text.Spans.IndexOf(html, '>', lt);
            if (gt < 0) break;
            HandleTag(html.Slice(lt + 1, gt - lt - 1), state);
            i = gt + 1;
        }
        state.Flush();
        return state;
    }

    private static readonly System.Buffers.SearchValues<char> WhiteSpace = System.Buffers.SearchValues.Create(" \t\n\r\f\u00a0\u2028\u2029\u202f\u2009\u200a\u2002\u2003");

    /// <summary>What the extractor knows of an element by its name (one lookup a tag), and the name as one string.</summary>
    private readonly record struct Element(string Name, bool Block, bool Void, bool Skipped);

    private static readonly Dictionary<string, Element>.AlternateLookup<ReadOnlySpan<char>> Elements = Blocks.Concat(Void).Concat(Skipped)
        .Concat(["a", "abbr", "b", "cite", "code", "dfn", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "label", "form", "video", "picture"])
        .Distinct(StringComparer.Ordinal)
        .ToDictionary(n => n, n => new Element(n, Blocks.Contains(n), Void.Contains(n), Skipped.Contains(n)), StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>One tag (between &lt; and &gt;). Our templates write tag names in lower case, so names are compared as they are.</summary>
    private static void HandleTag(ReadOnlySpan<char> tag, PageText state)
    {
        if (tag.Length == 0 || tag[0] == '!' || tag[0] == '?') return;
        var closing = tag[0] == '/';
        var nameSpan = closing ? tag[1..] : tag;
        var nameEnd = nameSpan.IndexOfAny(" \t\n\r/");
        var name = nameEnd < 0 ? nameSpan : nameSpan[..nameEnd];
        Elements.TryGetValue(name, out var element);
        if (closing)
        {
            state.Close(name, element.Block);
            return;
        }
        var skip = element.Skipped || tag.IndexOf("data-search-ignore", StringComparison.Ordinal) >= 0;
        state.Open(element.Name ?? name.ToString(), element.Block, element.Void || tag[^1] == '/', skip);
    }

    /// <summary>A page's text, block after block in one buffer, and where each block is.</summary>
    public sealed class PageText
    {
        // The page's text so far; the open block starts at _blockStart, and a space is owed before
        // its next word when _space is set.
        private char[] _buffer = new char[4096];
        private int _length;
        private int _blockStart;
        private readonly List<(int Start, int Length, int Weight)> _blocks = [];
        private readonly Stack<(string Name, bool Skip, int Weight)> _open = new();
        private int _weight = 1;

        /// <summary>How many blocks the page has.</summary>
        public int Count => _blocks.Count;

        /// <summary>The text of block <paramref name="block"/>: white space runs made one space, none at either end.</summary>
        public ReadOnlySpan<char> Text(int block) => _buffer.AsSpan(_blocks[block].Start, _blocks[block].Length);

        /// <summary>Its weight: a heading's (h1 = 7 … h6 = 2), or 1 for body text.</summary>
        public int Weight(int block) => _blocks[block].Weight;

        internal int SkipDepth { get; private set; }

        private bool _space;

        internal void Reset()
        {
            _length = _blockStart = 0;
            _blocks.Clear();
            _open.Clear();
            _weight = 1;
            SkipDepth = 0;
            _space = false;
            // A buffer grown past 1 M characters by a very long page is let go rather than kept.
            if (_buffer.Length > 1 << 20) _buffer = new char[4096];
        }

        /// <summary>Appends text with runs of white space made one space (none at the start of a block).</summary>
        internal void AddText(ReadOnlySpan<char> raw)
        {
            var text = raw.IndexOf('&') >= 0 ? WebUtility.HtmlDecode(raw.ToString()).AsSpan() : raw;
            if (_length + text.Length + 1 > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + text.Length + 1));
            var buffer = _buffer;
            var length = _length;
            var space = _space;
            var blockStart = _blockStart;
            foreach (var c in text)
            {
                if (IsWhiteSpace(c))
                {
                    space = length > blockStart;
                    continue;
                }
                if (space)
                {
                    buffer[length++] = ' ';
                    space = false;
                }
                buffer[length++] = c;
            }
            _length = length;
            _space = space;
        }

        /// <summary>The white space of <see cref="WhiteSpace"/>: ASCII space and controls, no-break and other Unicode spaces, line and paragraph separators.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool IsWhiteSpace(char c) => c <= ' '
            ? c is ' ' or '\t' or '\n' or '\r' or '\f'
            : c >= '\u00a0' && WhiteSpace.Contains(c);

        internal void Open(string name, bool block, bool isVoid, bool skip)
        {
            if (block) Flush();
            if (isVoid) return;
            var weight = name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6' ? 8 - (name[1] - '0') : _weight;
            _open.Push((name, skip, _weight));
            if (skip) SkipDepth++;
            _weight = weight;
        }

        internal void Close(ReadOnlySpan<char> name, bool block)
        {
            if (block) Flush();
            var found = false;
            foreach (var o in _open)
            {
                if (name.SequenceEqual(o.Name)) { found = true; break; }
            }
            if (!found) return;
            while (_open.Count > 0)
            {
                var top = _open.Pop();
                if (top.Skip) SkipDepth--;
                _weight = top.Weight;
                if (name.SequenceEqual(top.Name)) break;
            }
        }

        /// <summary>Ends the open block: kept if it has text and is not inside a left-out element.</summary>
        internal void Flush()
        {
            _space = false;
            if (_length == _blockStart) return;
            if (SkipDepth == 0) _blocks.Add((_blockStart, _length - _blockStart, _weight));
            else _length = _blockStart;
            _blockStart = _length;
        }
    }
}
