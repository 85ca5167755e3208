using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ForbedringsAbc.Output;
using ForbedringsAbc.Pipeline;
using ForbedringsAbc.Search.Analysis;
using ForbedringsAbc.Search.Format;
using ForbedringsAbc.Search.Indexing;
using ForbedringsAbc.Search.Synonyms;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Search;

public sealed class SearchIndexTests
{
    private static (BuildResult Result, MemorySink Sink) BuildFixture()
    {
        var options = new BuildOptions(SearchData.FixtureContent, Repo.Templates, Path.Combine(Path.GetTempPath(), "unused-site"), null, false, DisplayBase: Repo.Root);
        var sink = new MemorySink();
        return (new BuildPipeline().Run(options, sink), sink);
    }

    private static JsonElement Data(MemorySink sink, string path)
    {
        var text = sink.Text("sok/indeks/" + path);
        Assert.StartsWith($"ABCSOK[\"{path}\"]=", text, StringComparison.Ordinal);
        return JsonDocument.Parse(text[(text.IndexOf("]=", StringComparison.Ordinal) + 2)..text.LastIndexOf(';')]).RootElement;
    }

    [Fact]
    public void The_build_writes_the_search_page_manifest_shards_cards_and_filters_and_times_a_search_stage()
    {
        var (result, sink) = BuildFixture();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Timer.Stages, s => s.Name == "search");
        Assert.True(sink.Files.ContainsKey("sok/index.html"));
        var manifest = Data(sink, "manifest.js");
        Assert.Equal(SearchAnalyzer.Version, manifest.GetProperty("v").GetString());
        var pages = manifest.GetProperty("n").GetInt32();
        Assert.Equal(12, pages);
        var build = manifest.GetProperty("b").GetString()!;
        var cards = manifest.GetProperty("d").GetString()!;
        for (var i = 0; i < pages; i++) Assert.False(string.IsNullOrEmpty(Data(sink, $"d/{cards}/{i}.js").GetProperty("u").GetString()));
        Assert.Equal(JsonValueKind.String, Data(sink, $"{build}/{IndexWriter.FacetFile("kind", "method")}").ValueKind);
        Assert.Equal(JsonValueKind.String, Data(sink, $"{build}/{IndexWriter.FacetFile("phase", "forstå")}").ValueKind);
        Assert.Equal(JsonValueKind.String, Data(sink, $"{build}/{IndexWriter.FacetFile("tag", "testing")}").ValueKind);
        Assert.Contains(manifest.GetProperty("y").EnumerateArray(), g => g.EnumerateArray().Any(e => e.GetString() == "pgek"));
    }

    [Fact]
    public void Every_internal_url_of_the_search_page_and_header_form_is_relative()
    {
        var (_, sink) = BuildFixture();
        var page = sink.Text("sok/index.html");
        Assert.Contains("action=\"../sok/index.html\"", page, StringComparison.Ordinal);
        Assert.Contains("data-search-index=\"../sok/indeks/\"", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"../assets/js/search-ui.js\"></script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
        Assert.Contains("<noscript>", page, StringComparison.Ordinal);
        var method = sink.Text("metoder/pdsa/index.html");
        Assert.Contains("<form class=\"site-search\" role=\"search\" aria-label=\"Søk på nettstedet\" action=\"../../sok/index.html\" method=\"get\">", method, StringComparison.Ordinal);
        Assert.Contains("name=\"q\"", method, StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_is_byte_identical_from_the_same_input()
    {
        var (_, first) = BuildFixture();
        var (_, second) = BuildFixture();
        var a = first.Files.Where(f => f.Key.StartsWith("sok/", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        var b = second.Files.Where(f => f.Key.StartsWith("sok/", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(a.Select(f => f.Key), b.Select(f => f.Key));
        for (var i = 0; i < a.Count; i++) Assert.True(a[i].Value.AsSpan().SequenceEqual(b[i].Value), a[i].Key);
    }

    [Fact]
    public void Shards_stay_under_the_cap_and_each_term_is_in_the_shard_its_range_names()
    {
        const int cap = 2048;
        var analyzer = new SearchAnalyzer();
        var pageAnalyzer = new PageAnalyzer(analyzer);
        var random = new Random(7);
        var vocabulary = Enumerable.Range(0, 900).Select(i => Word(random, i)).ToArray();
        var pages = Enumerable.Range(0, 300).Select(i =>
        {
            var words = string.Join(' ', Enumerable.Range(0, 120).Select(_ => vocabulary[(int)(Math.Pow(random.NextDouble(), 2) * vocabulary.Length)]));
            var html = $"<main><h1>Side {i}</h1><p>{words}</p></main>";
            return pageAnalyzer.Analyze(new PageFacts(i, $"p/{i:D4}/index.html", $"Side {i}", "article", "Artikkel", null, []), html);
        }).ToList();
        var index = new IndexBuilder(analyzer).Build(pages);
        var files = new IndexWriter(cap).Files(index, SynonymSet.Empty, "set", pages.Count);
        var shards = files.Where(f => f.Key.Contains("/t/", StringComparison.Ordinal)).ToList();
        Assert.True(shards.Count > 5, $"only {shards.Count} shards of {index.Terms.Count} terms: " + string.Join(", ", shards.Select(x => $"{x.Key} {x.Value.Length} {Gzip(x.Value)}")));
        foreach (var (name, text) in shards) Assert.True(Gzip(text) <= cap, $"{name}: {Gzip(text)} bytes gzipped");
        var manifest = files["manifest.js"];
        var boundaries = JsonDocument.Parse(manifest[(manifest.IndexOf("]=", StringComparison.Ordinal) + 2)..manifest.LastIndexOf(';')])
            .RootElement.GetProperty("s").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(boundaries.Order(StringComparer.Ordinal), boundaries);
        Assert.Equal(shards.Count, boundaries.Count);
        var termsByShard = boundaries.Select(bound => ShardTerms(files.Single(f => f.Key.EndsWith("/" + FileNames.Shard(bound), StringComparison.Ordinal)).Value)).ToList();
        foreach (var term in index.Terms)
        {
            var shard = boundaries.FindLastIndex(bound => string.CompareOrdinal(bound, term.Term) <= 0);
            Assert.Contains(term.Term, termsByShard[shard]);
        }
    }

    [Fact]
    public void Postings_round_trip_through_the_text_encoding_best_first()
    {
        var postings = new List<Posting> { new(3, 5), new(7, 31 | ImpactKey.TitleBit), new(9, 5), new(12, 20 | ImpactKey.PartBit) };
        var (head, tails) = PostingEncoder.Encode(postings);
        Assert.Empty(tails);
        var v = Vlq.Decode(head);
        Assert.Equal([31 | ImpactKey.TitleBit, 1, 7, 20 | ImpactKey.PartBit, 1, 12, 5, 2, 3, 5], v);
    }

    [Fact]
    public void Text_extraction_weights_headings_and_leaves_out_marked_parts()
    {
        var blocks = new HtmlTextExtractor().Extract(
            "<header>Meny</header><main id=\"x\"><h1>Tittel &amp; mer</h1><p class=\"dates\" data-search-ignore>Publisert <time>i dag</time></p>" +
            "<h2 id=\"a\">Del <em>to</em></h2><p>Tekst&nbsp;her<br>og her</p><ul data-search-ignore><li><a>Lenke</a></li></ul><script src=\"x.js\"></script></main><footer>Bunn</footer>");
        Assert.Equal([("Tittel & mer", 7), ("Del to", 6), ("Tekst her", 1), ("og her", 1)], blocks.Select(b => (b.Text, b.Weight)));
    }

    /// <summary>
    /// Random paragraphs of words, runs of every kind of white space the extractor knows (and
    /// characters it does not count as such) and inline tags come out as their text with each run
    /// of white space made one space, none at either end.
    /// </summary>
    [Fact]
    public void Text_extraction_makes_each_run_of_white_space_one_space()
    {
        const string spaces = " \t\n\r\f\u00a0\u2028\u2029\u202f\u2009\u200a\u2002\u2003";
        string[] pieces = ["ord", "Pasient", "æøå", "\v", "\u200b", "x", "-", "12,5", "\u3000"];
        string[] tags = ["<em>", "</em>", "<a href=\"../a/\">", "</a>", "<span class=\"s\">", "</span>", "<code>", "</code>"];
        var random = new Random(2026);
        var extractor = new HtmlTextExtractor();
        for (var n = 0; n < 5_000; n++)
        {
            var html = new StringBuilder("<main><p>");
            var text = new StringBuilder();
            for (var k = random.Next(0, 30); k > 0; k--)
            {
                var part = random.Next(3) switch
                {
                    0 => new string(spaces[random.Next(spaces.Length)], random.Next(1, 4)),
                    1 => pieces[random.Next(pieces.Length)],
                    _ => string.Empty,
                };
                text.Append(part);
                html.Append(part);
                if (random.Next(4) == 0) html.Append(tags[random.Next(tags.Length)]);
            }
            html.Append("</p></main>");
            var expected = string.Join(' ', text.ToString().Split(spaces.ToCharArray(), StringSplitOptions.RemoveEmptyEntries));
            var blocks = extractor.Extract(html.ToString());
            Assert.Equal(expected.Length == 0 ? [] : [expected], blocks.Select(b => b.Text));
        }
    }

    /// <summary>The terms of a shard file: front-coded entries [shared prefix length, rest, …].</summary>
    private static List<string> ShardTerms(string script)
    {
        var rows = JsonDocument.Parse(script[(script.IndexOf("]=", StringComparison.Ordinal) + 2)..script.LastIndexOf(';')]).RootElement;
        var terms = new List<string>();
        var previous = string.Empty;
        foreach (var row in rows.EnumerateArray())
        {
            previous = previous[..row[0].GetInt32()] + row[1].GetString();
            terms.Add(previous);
        }
        return terms;
    }

    [Fact]
    public void The_index_is_the_same_whatever_order_the_pages_were_analysed_in()
    {
        // Pages are analysed in parallel, and words are numbered in the order first met: the
        // files written must not depend on that order (here: forwards, backwards, and 8 threads at once).
        var random = new Random(11);
        var vocabulary = Enumerable.Range(0, 400).Select(i => Word(random, i)).Concat(["og", "ikke", "pasient-sikkerhet", "tavlemøte"]).ToArray();
        var html = Enumerable.Range(0, 120).Select(i =>
            $"<main><h1>Side {i} {vocabulary[random.Next(vocabulary.Length)]}</h1><h2>{vocabulary[random.Next(vocabulary.Length)]}</h2><p>"
            + string.Join(' ', Enumerable.Range(0, 80).Select(_ => vocabulary[(int)(Math.Pow(random.NextDouble(), 2) * vocabulary.Length)])) + "</p></main>").ToArray();
        // Two forms of one word, once each, on the first page and on the last: which form the index
        // shows for the word ("Mente du …?") must not depend on which page was analysed first.
        html[0] = html[0].Replace("</p>", " forbedringstavlene</p>", StringComparison.Ordinal);
        html[^1] = html[^1].Replace("</p>", " forbedringstavler</p>", StringComparison.Ordinal);
        var analyzer = new SearchAnalyzer();
        (SearchIndex Index, IReadOnlyDictionary<string, string> Files) Build(IEnumerable<int> order, int threads)
        {
            var pageAnalyzer = new PageAnalyzer(analyzer);
            var pages = new IndexedPage[html.Length];
            Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
                pages[i] = pageAnalyzer.Analyze(new PageFacts(i, $"p/{i:D4}/index.html", $"Side {i}", "article", "Artikkel", null, []), html[i]));
            var index = new IndexBuilder(analyzer).Build(pages);
            return (index, new IndexWriter(2048).Files(index, SynonymSet.Empty, "set", pages.Length));
        }
        var (index, forwards) = Build(Enumerable.Range(0, html.Length), 1);
        var backwards = Build(Enumerable.Range(0, html.Length).Reverse(), 1).Files;
        var parallel = Build(Enumerable.Range(0, html.Length), 8).Files;
        Assert.True(forwards.Keys.Count(k => k.Contains("/t/", StringComparison.Ordinal)) > 3, string.Join(", ", forwards.Keys));
        Assert.Equal("forbedringstavlene", index.Displays[analyzer.StemWord("forbedringstavler")]);
        foreach (var other in new[] { backwards, parallel })
        {
            Assert.Equal(forwards.Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, text) in forwards) Assert.True(text == other[name], name);
        }
    }

    /// <summary>
    /// Enough pages that the postings are inverted in several runs of pages side by side: every
    /// term lists each page it is on once and in page order, none missing.
    /// </summary>
    [Fact]
    public void Postings_list_every_page_of_a_term_once_in_page_order_when_inverted_in_runs()
    {
        var analyzer = new SearchAnalyzer();
        var pageAnalyzer = new PageAnalyzer(analyzer);
        var random = new Random(11);
        var vocabulary = Enumerable.Range(0, 400).Select(i => Word(random, i)).ToArray();
        var pages = new IndexedPage[1500];
        Parallel.For(0, pages.Length, i =>
        {
            var local = new Random(i);
            var words = string.Join(' ', Enumerable.Range(0, 40).Select(_ => vocabulary[(int)(Math.Pow(local.NextDouble(), 3) * vocabulary.Length)]));
            pages[i] = pageAnalyzer.Analyze(new PageFacts(i, $"p/{i:D4}/index.html", $"Side {i}", "article", "Artikkel", null, []), $"<main><p>{words}</p></main>");
        });
        Assert.True(pages.Length >= 2 * IndexBuilder.PagesPerRun, "too few pages for more than one run");
        var index = new IndexBuilder(analyzer).Build(pages);
        var expected = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var terms = page.Words.ToArray().Select(w => analyzer.AnalyzeToken(page.Table[w.Word])).OfType<AnalyzedWord>().Select(a => a.Term).Distinct(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                if (!expected.TryGetValue(term, out var list)) expected[term] = list = [];
                list.Add(page.Id);
            }
        }
        var common = index.Terms.MaxBy(t => t.Postings.Count)!;
        Assert.True(common.Postings.Count > 1000, $"{common.Term}: {common.Postings.Count}");
        foreach (var term in index.Terms)
        {
            var found = term.Postings.Select(p => p.Page).ToList();
            Assert.True(found.Zip(found.Skip(1)).All(pair => pair.First < pair.Second), $"{term.Term}: not in page order");
            // Pages that have the term only as a compound part are listed too; every page with the word itself must be.
            Assert.Empty(expected.GetValueOrDefault(term.Term, []).Except(found));
        }
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), index.Terms.Select(t => t.Term).Where(expected.ContainsKey));
    }

    private static string Word(Random random, int i)
    {
        const string letters = "abdefghiklmnoprstuvyæøå";
        var length = 4 + random.Next(9);
        var sb = new StringBuilder();
        for (var k = 0; k < length; k++) sb.Append(letters[random.Next(letters.Length)]);
        return sb.Append(i % 10).ToString();
    }

    private static int Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return (int)output.Length;
    }
}
