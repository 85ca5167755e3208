namespace ForbedringsAbc.PostProcessing;

/// <summary>A URL a stylesheet loads (<c>url(…)</c>, <c>@import "…"</c>, <c>image-set("…")</c>), with its 1-based line and column.</summary>
public sealed record CssUrl(string Url, int Line, int Column);

/// <summary>
/// Finds the URLs a stylesheet would load: every <c>url(…)</c>, and the strings of
/// <c>@import</c> and <c>image-set(…)</c>; comments are skipped. A scanner over the CSS text,
/// not a CSS parser: it needs only to find where loads can be written.
/// </summary>
public static class CssUrlScanner
{
    public static IReadOnlyList<CssUrl> Scan(string css, int firstLine = 1, int firstColumn = 1)
    {
        var found = new List<CssUrl>();
        var stringArguments = 0; // >0 while inside @import … ; or image-set( … )
        for (var i = 0; i < css.Length; i++)
        {
            if (Starts(css, i, "/*"))
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? css.Length : end + 1;
            }
            else if (Starts(css, i, "url("))
            {
                var start = i + 4;
                var close = css.IndexOf(')', start);
                if (close < 0) close = css.Length;
                Add(found, css, start, Unquote(css[start..close]), firstLine, firstColumn);
                i = close;
            }
            else if (Starts(css, i, "@import") || Starts(css, i, "image-set("))
            {
                stringArguments++;
                i += 6;
            }
            else if (css[i] is '"' or '\'')
            {
                var quote = css[i];
                var close = css.IndexOf(quote, i + 1);
                if (close < 0) close = css.Length;
                if (stringArguments > 0) Add(found, css, i + 1, css[(i + 1)..close], firstLine, firstColumn);
                i = close;
            }
            else if (css[i] is ';' or '{' or '}' or ')')
            {
                stringArguments = 0;
            }
        }
        return found;
    }

    private static bool Starts(string css, int i, string token) =>
        string.Compare(css, i, token, 0, token.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static string Unquote(string value)
    {
        var v = value.Trim();
        return v.Length >= 2 && (v[0] is '"' or '\'') && v[^1] == v[0] ? v[1..^1] : v;
    }

    private static void Add(List<CssUrl> found, string css, int index, string url, int firstLine, int firstColumn)
    {
        var line = firstLine;
        var lineStart = 0;
        for (var k = 0; k < index && k < css.Length; k++)
        {
            if (css[k] == '\n')
            {
                line++;
                lineStart = k + 1;
            }
        }
        var column = line == firstLine ? firstColumn + index - lineStart : index - lineStart + 1;
        found.Add(new CssUrl(url.Trim(), line, column));
    }
}
