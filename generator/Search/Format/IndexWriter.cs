using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ForbedringsAbc.Search.Analysis;
using ForbedringsAbc.Search.Indexing;
using ForbedringsAbc.Search.Synonyms;

namespace ForbedringsAbc.Search.Format;

/// <summary>
/// Writes the index as classic script files under sok/indeks/ (README, "Search"):
/// manifest.js (analyser version, build id, page count, shard boundaries, synonyms) and, in the
/// build's own folder &lt;id&gt;/: t/*.js term shards, x/*.js posting tails, f/&lt;facet&gt;/&lt;value&gt;.js
/// filters. The build id is a hash of all of them, so a browser never mixes files of two builds;
/// the same input gives the same bytes. The result cards, d/&lt;page set&gt;/&lt;n&gt;.js, one per
/// page, are written while the pages are rendered (<see cref="SearchCollector"/>).
/// </summary>
public sealed class IndexWriter(int shardCapBytes)
{
    public const string Folder = "sok/indeks/";
    public const string ManifestFile = "manifest.js";
    public static readonly string[] Facets = ["kind", "phase", "tag"];

    public static string CardFile(string pageSet, int page) => $"d/{pageSet}/{page}.js";

    public IReadOnlyDictionary<string, string> Files(SearchIndex index, SynonymSet synonyms, string pageSet, int pageCount)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        // Each term's postings encoded beside the others; the tail files are then numbered in term order.
        var encoded = new (string Head, string[] Tails)[index.Terms.Count];
        Parallel.For(0, encoded.Length, i =>
        {
            var (head, runs) = PostingEncoder.Encode(index.Terms[i].Postings);
            encoded[i] = (head, runs.Select(run => JsonText.Write(w => w.WriteStringValue(run))).ToArray());
        });
        var tails = new List<(string Name, string Json)>();
        var tailNames = new string[encoded.Length][];
        for (var i = 0; i < encoded.Length; i++)
        {
            tailNames[i] = new string[encoded[i].Tails.Length];
            for (var k = 0; k < tailNames[i].Length; k++)
            {
                tailNames[i][k] = $"x/{tails.Count}.js";
                tails.Add((tailNames[i][k], encoded[i].Tails[k]));
            }
        }
        var entries = new ShardPacker.Entry[encoded.Length];
        Parallel.For(0, entries.Length, i =>
        {
            var term = index.Terms[i];
            entries[i] = TermEntry(term, i == 0 ? null : index.Terms[i - 1].Term, index.Displays.GetValueOrDefault(term.Term, term.Term), encoded[i].Head, tailNames[i]);
        });
        var shards = new ShardPacker(shardCapBytes - 160).Pack(entries);
        foreach (var shard in shards) files[shard.Key] = shard.Json;
        foreach (var (name, json) in tails) files[name] = json;
        foreach (var facet in Facets)
        {
            foreach (var (value, json) in Facet(index.Pages, facet)) files[FacetFile(facet, value)] = json;
        }
        var buildId = BuildId(files);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, json) in files) result[$"{buildId}/{name}"] = JsonText.DataScript($"{buildId}/{name}", json);
        result[ManifestFile] = JsonText.DataScript(ManifestFile, Manifest(buildId, pageSet, pageCount, shards, synonyms));
        return result;
    }

    private static ShardPacker.Entry TermEntry(TermPostings term, string? previousTerm, string display, string head, string[] tailNames)
    {
        var shownAs = display == term.Term ? string.Empty
            : display.StartsWith(term.Term, StringComparison.Ordinal) ? "+" + display[term.Term.Length..] : display;
        string Json(string? previous) => JsonText.Write(w =>
        {
            var shared = previous is null ? 0 : CommonPrefix(previous, term.Term);
            w.WriteStartArray();
            w.WriteNumberValue(shared);
            w.WriteStringValue(term.Term[shared..]);
            w.WriteNumberValue(term.Postings.Count);
            w.WriteStringValue(head);
            w.WriteStringValue(shownAs);
            if (tailNames.Length > 0)
            {
                w.WriteStartArray();
                foreach (var n in tailNames) w.WriteStringValue(n);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        });
        return new ShardPacker.Entry(term.Term, Json(previousTerm), () => Json(null));
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i]) i++;
        return i;
    }

    /// <summary>The data file at <paramref name="path"/> of what a result shows: u the page's path, t its title, k its kind, x the text an excerpt is cut from.</summary>
    public static string CardScript(string path, IndexedPage page) => JsonText.DataScript(path, w => WriteCard(w, page));

    private static void WriteCard(Utf8JsonWriter w, IndexedPage page)
    {
        w.WriteStartObject();
        w.WriteString("u", page.Path);
        w.WriteString("t", page.Title);
        w.WriteString("k", page.KindLabel);
        w.WriteString("x", page.Excerpt);
        w.WriteEndObject();
    }

    /// <summary>One file per filter value, so filtering by a tag loads that tag's pages only.</summary>
    public static string FacetFile(string facet, string value) => $"f/{facet}/{FileNames.Safe(value)}.js";

    private static IEnumerable<(string Value, string Json)> Facet(IReadOnlyList<IndexedPage> pages, string facet)
    {
        var values = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            IEnumerable<string> of = facet switch
            {
                "kind" => [page.KindKey],
                "phase" => page.Phase is { } p ? [p] : [],
                _ => page.Tags,
            };
            foreach (var v in of.Distinct(StringComparer.Ordinal))
            {
                if (!values.TryGetValue(v, out var list)) values[v] = list = [];
                list.Add(page.Id);
            }
        }
        return values.Select(kv => (kv.Key, JsonText.Write(w => w.WriteStringValue(Gaps(kv.Value)))));
    }

    private static string Gaps(List<int> sorted)
    {
        var sb = new StringBuilder();
        var previous = -1;
        foreach (var page in sorted)
        {
            Vlq.Append(sb, page - previous - 1);
            previous = page;
        }
        return sb.ToString();
    }

    private static string BuildId(SortedDictionary<string, string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, json) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(json));
            hash.AppendData([0]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..10];
    }

    private static string Manifest(string buildId, string pageSet, int pageCount, List<ShardPacker.Shard> shards, SynonymSet synonyms) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("v", SearchAnalyzer.Version);
        w.WriteString("b", buildId);
        w.WriteString("d", pageSet);
        w.WriteNumber("n", pageCount);
        w.WriteStartArray("s");
        foreach (var shard in shards) w.WriteStringValue(shard.Boundary);
        w.WriteEndArray();
        w.WriteStartArray("y");
        foreach (var group in synonyms.Groups)
        {
            w.WriteStartArray();
            foreach (var entry in group) w.WriteStringValue(entry);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
