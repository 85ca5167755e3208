namespace ForbedringsAbc.Search.Synonyms;

/// <summary>
/// The editors' synonym groups, each entry already analysed into the terms a query is matched
/// against ("Demings sirkel" → "deming sirkel"). Written into the index manifest; applied by the
/// client at query time, so editing the file needs no change to the pages' index entries.
/// </summary>
public sealed record SynonymSet(IReadOnlyList<IReadOnlyList<string>> Groups)
{
    public static SynonymSet Empty { get; } = new([]);
}
