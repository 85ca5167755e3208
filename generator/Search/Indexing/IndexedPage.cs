namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// One content page as the index sees it: its number (pages are numbered in path order), what a result shows (path, title, kind, excerpt text)
/// and filters on (kind, phase, tag slugs), and its words (normalised tokens with hyphens, stop
/// words left out) with their weights: numbers in <see cref="Table"/>, packed (a page's words
/// are only ever read in order; ten thousand dictionaries cost twice the memory of arrays, and
/// arrays three times that of <see cref="PackedWords"/>).
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
    PackedWords Words,
    int Length);
