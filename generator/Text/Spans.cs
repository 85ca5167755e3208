namespace ForbedringsAbc.Text;

/// <summary>Searches in a span from a position, as <see cref="string.IndexOf(char, int)"/> does in a string.</summary>
public static class Spans
{
    /// <summary>The first <paramref name="value"/> at or after <paramref name="from"/>, as a position in <paramref name="text"/>; −1 if none.</summary>
    public static int IndexOf(ReadOnlySpan<char> text, char value, int from)
    {
        var i = text[from..].IndexOf(value);
        return i < 0 ? -1 : from + i;
    }

    /// <summary>The same for a string, compared ordinally.</summary>
    public static int IndexOf(ReadOnlySpan<char> text, string value, int from)
    {
        var i = text[from..].IndexOf(value, StringComparison.Ordinal);
        return i < 0 ? -1 : from + i;
    }
}
