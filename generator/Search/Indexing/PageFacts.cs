namespace ForbedringsAbc.Search.Indexing;

/// <summary>What the index needs to know about a page besides its HTML: its number, where it is, what to call it, what to filter it by.</summary>
public sealed record PageFacts(int Id, string Path, string Title, string KindKey, string KindLabel, string? Phase, IReadOnlyList<string> Tags);
