using System.IO.Compression;
using System.Text;

namespace ForbedringsAbc.Search.Format;

/// <summary>
/// Cuts the sorted term entries into shards whose gzipped size is at most <see cref="CapBytes"/>:
/// greedy by raw size, then measured with gzip and shrunk until it fits. A boundary is the
/// shortest prefix of a shard's first term that sorts after the previous shard's last term
/// (Pagefind's rule), so a term's shard is found by binary search over the boundaries.
/// </summary>
public sealed class ShardPacker(int capBytes)
{
    public int CapBytes => capBytes;

    /// <summary>One term's entry: its term, its JSON front-coded against the previous term, and its JSON on its own (a shard's first).</summary>
    public sealed record Entry(string Term, string Linked, Func<string> Alone);

    public sealed record Shard(string Boundary, string Key, string Json, int GzipBytes);

    public List<Shard> Pack(IReadOnlyList<Entry> entries)
    {
        var shards = new List<Shard>();
        var start = 0;
        var rawBudget = capBytes * 3;
        while (start < entries.Count)
        {
            var count = CountWithin(entries, start, rawBudget);
            while (true)
            {
                var json = Json(entries, start, count);
                var gz = GzipSize(json);
                if (gz <= capBytes || count == 1)
                {
                    var boundary = start == 0 ? string.Empty : Boundary(entries[start - 1].Term, entries[start].Term);
                    shards.Add(new Shard(boundary, FileNames.Shard(boundary), json, gz));
                    break;
                }
                count = Math.Max(1, Math.Min(count - 1, (int)(count * (double)capBytes / gz * 0.97)));
            }
            start += count;
        }
        return shards;
    }

    private static int CountWithin(IReadOnlyList<Entry> entries, int start, int rawBudget)
    {
        var size = 0;
        var i = start;
        while (i < entries.Count)
        {
            size += entries[i].Linked.Length;
            if (size > rawBudget && i > start) break;
            i++;
        }
        return i - start;
    }

    private static string Json(IReadOnlyList<Entry> entries, int start, int count)
    {
        var sb = new StringBuilder("[");
        for (var i = start; i < start + count; i++)
        {
            if (i > start) sb.Append(',');
            sb.Append(i == start ? entries[i].Alone() : entries[i].Linked);
        }
        return sb.Append(']').ToString();
    }

    public static int GzipSize(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        return (int)output.Length;
    }

    public static string Boundary(string previous, string first)
    {
        for (var k = 1; k < first.Length; k++)
        {
            var prefix = first[..k];
            if (string.CompareOrdinal(prefix, previous) > 0) return prefix;
        }
        return first;
    }
}
