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
/// build's own folder &lt;id&gt;/: t/*.js term shards, x/*.js posting tails, d/&lt;n&gt;.js one
/// result card per page, f/&lt;facet&gt;.js filters. The build id is a hash of all of them, so a
/// browser never mixes files of two builds; the same input gives the same bytes.
/// </summary>
public sealed class IndexWriter(int shardCapBytes)
{
    public const string Folder = "sok/indeks/";
    public const string ManifestFile = "manifest.js";
    public static readonly string[] Facets = ["kind", "phase", "tag"];

    public IReadOnlyDictionary<string, string> Files(SearchIndex index, SynonymSet synonyms)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tails = new List<(string Name, string Json)>();
        var entries = index.Terms.Select(t => TermEntry(t, index.Displays.GetValueOrDefault(t.Term, t.Term), tails)).ToList();
        var shards = new ShardPacker(shardCapBytes - 64).Pack(entries);
        foreach (var shard in shards) files[shard.Key] = shard.Json;
        foreach (var (name, json) in tails) files[name] = json;
        for (var i = 0; i < index.Pages.Count; i++) files[$"d/{i}.js"] = Card(index.Pages[i]);
        foreach (var facet in Facets) files[$"f/{facet}.js"] = Facet(index.Pages, facet);
        var buildId = BuildId(files);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, json) in files) result[$"{buildId}/{name}"] = JsonText.DataScript($"{buildId}/{name}", json);
        result[ManifestFile] = JsonText.DataScript(ManifestFile, Manifest(buildId, index, shards, synonyms));
        return result;
    }

    private static ShardPacker.Entry TermEntry(TermPostings term, string display, List<(string, string)> tails)
    {
        var (head, tailRuns) = PostingEncoder.Encode(term.Postings);
        var tailNames = new List<string>();
        foreach (var run in tailRuns)
        {
            var name = $"x/{tails.Count}.js";
            tails.Add((name, JsonSerializer.Serialize(run)));
            tailNames.Add(name);
        }
        var shownAs = display == term.Term ? string.Empty
            : display.StartsWith(term.Term, StringComparison.Ordinal) ? "+" + display[term.Term.Length..] : display;
        return new ShardPacker.Entry(term.Term, previous => JsonText.Write(w =>
        {
            var shared = previous is null ? 0 : CommonPrefix(previous, term.Term);
            w.WriteStartArray();
            w.WriteNumberValue(shared);
            w.WriteStringValue(term.Term[shared..]);
            w.WriteNumberValue(term.Postings.Count);
            w.WriteStringValue(head);
            w.WriteStringValue(shownAs);
            if (tailNames.Count > 0)
            {
                w.WriteStartArray();
                foreach (var n in tailNames) w.WriteStringValue(n);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }));
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i]) i++;
        return i;
    }

    private static string Card(IndexedPage page) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("u", page.Path);
        w.WriteString("t", page.Title);
        w.WriteString("k", page.KindLabel);
        w.WriteString("x", page.Excerpt);
        w.WriteEndObject();
    });

    private static string Facet(IReadOnlyList<IndexedPage> pages, string facet)
    {
        var values = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            IEnumerable<string> of = facet switch
            {
                "kind" => [pages[i].KindKey],
                "phase" => pages[i].Phase is { } p ? [p] : [],
                _ => pages[i].Tags,
            };
            foreach (var v in of.Distinct(StringComparer.Ordinal))
            {
                if (!values.TryGetValue(v, out var list)) values[v] = list = [];
                list.Add(i);
            }
        }
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            foreach (var (value, list) in values) w.WriteString(value, Gaps(list));
            w.WriteEndObject();
        });
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

    private static string Manifest(string buildId, SearchIndex index, List<ShardPacker.Shard> shards, SynonymSet synonyms) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("v", SearchAnalyzer.Version);
        w.WriteString("b", buildId);
        w.WriteNumber("n", index.Pages.Count);
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
