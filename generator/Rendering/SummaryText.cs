using System.Text.RegularExpressions;

namespace ForbedringsAbc.Rendering;

/// <summary>
/// A summary is one paragraph of inline text. What would start a block in Markdown ("17. mai",
/// "- 30 prosent", "# 1") is escaped, and line breaks are joined, so it is always read as text.
/// </summary>
public static partial class SummaryText
{
    public static string AsOneParagraph(string text) =>
        EscapeBlockStart(string.Join(' ', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)));

    private static string EscapeBlockStart(string line)
    {
        if (line.Length == 0) return line;
        var ordered = OrderedMarker().Match(line);
        if (ordered.Success) return line.Insert(ordered.Groups[1].Length, "\\");
        return BlockMarker().IsMatch(line) ? "\\" + line : line;
    }

    /// <summary>Bullets ("- x"), headings ("# x"), quotes, fences and setext underlines.</summary>
    [GeneratedRegex(@"^([-+*](\s|$)|#{1,6}(\s|$)|>|`{3,}|~{3,}|[=-]+\s*$)")]
    private static partial Regex BlockMarker();

    [GeneratedRegex(@"^([0-9]{1,9})[.)]")]
    private static partial Regex OrderedMarker();
}
