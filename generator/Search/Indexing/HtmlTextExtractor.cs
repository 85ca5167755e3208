using System.Net;
using System.Text;

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

    public List<TextBlock> Extract(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.LastIndexOf("</main>", StringComparison.Ordinal);
        if (start < 0 || end < start) { start = 0; end = html.Length; }
        var state = new ScanState();
        var i = html.IndexOf('>', start) + 1;
        while (i < end)
        {
            var lt = html.IndexOf('<', i, end - i);
            var textEnd = lt < 0 ? end : lt;
            if (textEnd > i && state.SkipDepth == 0) state.AddText(html.AsSpan(i, textEnd - i));
            if (lt < 0) break;
            var gt = html.IndexOf('>', lt);
            if (gt < 0) break;
            HandleTag(html.AsSpan(lt + 1, gt - lt - 1), state);
            i = gt + 1;
        }
        state.Flush();
        return state.Blocks;
    }

    private static void HandleTag(ReadOnlySpan<char> tag, ScanState state)
    {
        if (tag.Length == 0 || tag[0] == '!' || tag[0] == '?') return;
        var closing = tag[0] == '/';
        var nameSpan = closing ? tag[1..] : tag;
        var nameEnd = nameSpan.IndexOfAny(" \t\n\r/");
        var name = (nameEnd < 0 ? nameSpan : nameSpan[..nameEnd]).ToString().ToLowerInvariant();
        if (closing) state.Close(name, Blocks.Contains(name));
        else state.Open(name, Blocks.Contains(name), Void.Contains(name) || tag[^1] == '/',
            Skipped.Contains(name) || tag.IndexOf("data-search-ignore", StringComparison.Ordinal) >= 0);
    }

    private sealed class ScanState
    {
        private readonly StringBuilder _text = new();
        private readonly Stack<(string Name, bool Skip, int Weight)> _open = new();
        private int _weight = 1;

        public List<TextBlock> Blocks { get; } = [];

        public int SkipDepth { get; private set; }

        public void AddText(ReadOnlySpan<char> raw)
        {
            if (raw.IndexOf('&') >= 0) _text.Append(WebUtility.HtmlDecode(raw.ToString()));
            else _text.Append(raw);
        }

        public void Open(string name, bool block, bool isVoid, bool skip)
        {
            if (block) Flush();
            if (isVoid) return;
            var weight = name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6' ? 8 - (name[1] - '0') : _weight;
            _open.Push((name, skip, _weight));
            if (skip) SkipDepth++;
            _weight = weight;
        }

        public void Close(string name, bool block)
        {
            if (block) Flush();
            if (!_open.Any(o => o.Name == name)) return;
            while (_open.Count > 0)
            {
                var top = _open.Pop();
                if (top.Skip) SkipDepth--;
                _weight = top.Weight;
                if (top.Name == name) break;
            }
        }

        public void Flush()
        {
            if (_text.Length == 0) return;
            var text = Collapse(_text);
            _text.Clear();
            if (text.Length > 0 && SkipDepth == 0) Blocks.Add(new TextBlock(text, _weight));
        }

        private static string Collapse(StringBuilder sb)
        {
            var result = new StringBuilder(sb.Length);
            var space = false;
            for (var i = 0; i < sb.Length; i++)
            {
                var c = sb[i];
                if (char.IsWhiteSpace(c)) { space = result.Length > 0; continue; }
                if (space) result.Append(' ');
                space = false;
                result.Append(c);
            }
            return result.ToString();
        }
    }
}
