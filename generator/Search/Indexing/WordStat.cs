namespace ForbedringsAbc.Search.Indexing;

/// <summary>How one word occurs on one page: the sum of its field weights, and whether the title has it.</summary>
public sealed class WordStat
{
    public float Weight { get; set; }

    public bool InTitle { get; set; }

    public int Count { get; set; }
}
