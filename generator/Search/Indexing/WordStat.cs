namespace ForbedringsAbc.Search.Indexing;

/// <summary>How one word occurs on one page: the sum of its field weights, how often, and whether the title has it (summed while a page is analysed).</summary>
public struct WordStat
{
    public float Weight;

    public int Count;

    public bool InTitle;
}

/// <summary>
/// One word of one page as the index builder and the page cache read it: the word's number in the
/// analyser's <see cref="WordTable"/> and its <see cref="WordStat"/>. A page keeps its words
/// packed (<see cref="PackedWords"/>, ~4 bytes a word); this is one of them unpacked.
/// </summary>
public readonly struct PageWord(int word, WordStat stat)
{
    private readonly int _countAndTitle = stat.Count << 1 | (stat.InTitle ? 1 : 0);

    /// <summary>The word's number in the <see cref="WordTable"/>.</summary>
    public int Word { get; } = word;

    public float Weight { get; } = stat.Weight;

    public int Count => _countAndTitle >>> 1;

    public bool InTitle => (_countAndTitle & 1) != 0;
}
