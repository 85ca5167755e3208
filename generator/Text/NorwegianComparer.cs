namespace ForbedringsAbc.Text;

/// <summary>
/// Sorts text in Norwegian alphabetical order (… x y z æ ø å), case-insensitively, with an
/// ordinal tie-break, independent of the machine's culture so output is deterministic.
/// </summary>
public sealed class NorwegianComparer : IComparer<string>
{
    public static NorwegianComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            var c = Weight(x[i]).CompareTo(Weight(y[i]));
            if (c != 0) return c;
        }
        var byLength = x.Length.CompareTo(y.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    // Weights of the first 2,048 characters (every Latin letter), worked out once: lower-casing a
    // non-ASCII character asks ICU, and a sort of many titles compares letters by the million.
    private static readonly int[] Table = [.. Enumerable.Range(0, 0x800).Select(c => ComputeWeight((char)c))];

    private static int Weight(char c) => c < Table.Length ? Table[c] : ComputeWeight(c);

    private static int ComputeWeight(char c)
    {
        c = char.ToLowerInvariant(c);
        return c switch
        {
            'æ' or 'ä' => 'z' + 1,
            'ø' or 'ö' => 'z' + 2,
            'å' => 'z' + 3,
            'é' or 'è' or 'ê' => 'e',
            'ü' => 'y',
            _ => c < 'z' + 4 ? c : c + 0x100,
        };
    }
}
