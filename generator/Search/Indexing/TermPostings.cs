namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// One term of the index: the term (a stem), the word form to show for it ("Mente du …?"), and
/// its postings in page order, each a page number with its impact key (see <see cref="ImpactKey"/>).
/// </summary>
public sealed record TermPostings(string Term, IReadOnlyList<Posting> Postings);

/// <summary>A page that has a term, and how well (<see cref="ImpactKey"/>).</summary>
public readonly record struct Posting(int Page, int Key);
