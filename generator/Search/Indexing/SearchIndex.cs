namespace ForbedringsAbc.Search.Indexing;

/// <summary>The built index before it is written: pages in number order, terms in ordinal order, and each term's display word.</summary>
public sealed record SearchIndex(IReadOnlyList<IndexedPage> Pages, IReadOnlyList<TermPostings> Terms, IReadOnlyDictionary<string, string> Displays);
