namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// One content page as the index sees it: its number (pages are numbered in path order), what a result shows (path, title, kind, excerpt text)
/// and filters on (kind, phase, tag slugs), and its words (normalised tokens with hyphens, stop
/// words left out) with their weights: numbers in <see cref="Table"/>, in an array (a page's words
/// are only ever read in order, and ten thousand dictionaries cost twice the memory).
/// <see cref="Length"/> counts the words, for BM25.
/// </summary>
public sealed record IndexedPage(
    int Id,
    string Path,
    string Title,
    string KindKey,
    string KindLabel,
    string? Phase,
    IReadOnlyList<string> Tags,
    string Excerpt,
    WordTable Table,
    PageWord[] Words,
    int Length);
