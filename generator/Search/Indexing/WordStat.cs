namespace ForbedringsAbc.Search.Indexing;

/// <summary>How one word occurs on one page: the sum of its field weights, how often, and whether the title has it.</summary>
public struct WordStat
{
    public float Weight;

    public int Count;

    public bool InTitle;
}
