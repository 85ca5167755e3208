using System.Text;
using ForbedringsAbc.Search.Indexing;

namespace ForbedringsAbc.Search.Format;

/// <summary>
/// A term's postings as text: groups of pages with the same impact key, best key first (the order
/// a one-term query ranks in), each group "key count gap gap …" in VLQ with page-number gaps
/// inside the group. The first <see cref="HeadPostings"/> postings (whole groups, or the first
/// part of a large one) go in the shard; the rest in tail chunks of at most
/// <see cref="TailPostings"/> postings, loaded only when a query needs every page of the term.
/// </summary>
public static class PostingEncoder
{
    public const int HeadPostings = 300;
    public const int TailPostings = 6000;

    /// <summary>The 128 impact keys, best first (ties by key): the order groups are written in.</summary>
    private static readonly int[] KeyRank = RankKeys();

    private static int[] RankKeys()
    {
        var keys = Enumerable.Range(0, 128).OrderByDescending(ImpactKey.SingleTermScore).ThenBy(k => k).ToArray();
        var rank = new int[128];
        for (var i = 0; i < keys.Length; i++) rank[keys[i]] = i;
        return rank;
    }

    /// <summary>Postings (in page order) → head and tails; a stable bucket sort by key rank keeps page order inside each key.</summary>
    public static (string Head, List<string> Tails) Encode(IReadOnlyList<Posting> postings)
    {
        ReadOnlySpan<Posting> source = postings is Posting[] array ? array : postings.ToArray();
        Span<int> slot = stackalloc int[129];
        slot.Clear();
        foreach (var p in source) slot[KeyRank[p.Key] + 1]++;
        for (var r = 1; r <= 128; r++) slot[r] += slot[r - 1];
        var ordered = new Posting[source.Length];
        foreach (var p in source) ordered[slot[KeyRank[p.Key]]++] = p;
        var head = EncodeRun(ordered.AsSpan(0, Math.Min(HeadPostings, ordered.Length)));
        var tails = new List<string>();
        for (var start = HeadPostings; start < ordered.Length; start += TailPostings)
        {
            tails.Add(EncodeRun(ordered.AsSpan(start, Math.Min(TailPostings, ordered.Length - start))));
        }
        return (head, tails);
    }

    private static string EncodeRun(ReadOnlySpan<Posting> run)
    {
        // A group of one key: the key, the group's size, then each page as its gap from the one before.
        var sb = new StringBuilder(run.Length * 2);
        var i = 0;
        while (i < run.Length)
        {
            var key = run[i].Key;
            var groupEnd = i;
            while (groupEnd < run.Length && run[groupEnd].Key == key) groupEnd++;
            Vlq.Append(sb, key);
            Vlq.Append(sb, groupEnd - i);
            var previous = -1;
            for (; i < groupEnd; i++)
            {
                Vlq.Append(sb, run[i].Page - previous - 1);
                previous = run[i].Page;
            }
        }
        return sb.ToString();
    }
}
