using ForbedringsAbc.Search.Analysis;

namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// The aggregate pass over all analysed pages: the vocabulary counted, every distinct word
/// stemmed and split into compound parts once, each page's terms weighted into impact keys (in
/// parallel, on integer term ids), and the postings inverted in page order. Pages keep the
/// numbers the collector gave them (path order). Output depends only on the pages, never on scheduling.
/// </summary>
public sealed class IndexBuilder(SearchAnalyzer analyzer)
{
    private sealed class Vocabulary
    {
        public Dictionary<string, int> TermIds { get; } = new(StringComparer.Ordinal);
        public List<string> Terms { get; } = [];

        /// <summary>For each number of the pages' <see cref="WordTable"/>: the word's term, or −1 (no term, or on no page).</summary>
        public int[] WordTerm { get; set; } = [];

        /// <summary>For each number of the pages' <see cref="WordTable"/>: the word's part terms.</summary>
        public int[][] WordParts { get; set; } = [];

        public int Id(string term)
        {
            if (TermIds.TryGetValue(term, out var id)) return id;
            TermIds[term] = Terms.Count;
            Terms.Add(term);
            return Terms.Count - 1;
        }
    }

    public SearchIndex Build(IReadOnlyList<IndexedPage> pages)
    {
        var table = pages.Count == 0 ? new WordTable(_ => false) : pages[0].Table;
        if (pages.Any(p => p.Table != table)) throw new ArgumentException("The pages of one index are analysed by one PageAnalyzer.", nameof(pages));
        // The words on the pages, in ordinal order (the table's numbers depend on scheduling; nothing below does).
        var counts = CountWords(pages, table.Count);
        var ids = Enumerable.Range(0, counts.Length).Where(id => counts[id] > 0).OrderBy(id => table[id], StringComparer.Ordinal).ToArray();
        var words = ids.Select(id => table[id]).ToArray();
        var frequency = ids.Select(id => counts[id]).ToArray();
        var analyzed = new AnalyzedWord?[words.Length];
        Parallel.For(0, words.Length, i => analyzed[i] = analyzer.AnalyzeToken(words[i]));
        var decompounder = Decompounder(words, analyzed, frequency);
        var parts = new List<string>?[words.Length];
        Parallel.For(0, words.Length, i => parts[i] = analyzed[i] is { } a ? Parts(a, decompounder) : null);
        var vocabulary = new Vocabulary { WordTerm = new int[counts.Length], WordParts = new int[counts.Length][] };
        Array.Fill(vocabulary.WordTerm, -1);
        Array.Fill(vocabulary.WordParts, []);
        for (var i = 0; i < words.Length; i++)
        {
            vocabulary.WordTerm[ids[i]] = analyzed[i] is { } a ? vocabulary.Id(a.Term) : -1;
            vocabulary.WordParts[ids[i]] = parts[i]?.Select(vocabulary.Id).ToArray() ?? [];
        }
        var terms = Invert(pages, vocabulary);
        return new SearchIndex(pages, terms, Displays(words, analyzed, frequency));
    }

    /// <summary>How often each word of the table occurs on all the pages (0 for a word on none of them).</summary>
    private static int[] CountWords(IReadOnlyList<IndexedPage> pages, int tableCount)
    {
        var counts = new int[tableCount];
        foreach (var page in pages)
        {
            foreach (var word in page.Words) counts[word.Word] += word.Count;
        }
        return counts;
    }

    private Decompounder Decompounder(string[] words, AnalyzedWord?[] analyzed, int[] frequency)
    {
        var plainFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var stemFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (analyzed[i] is not { IsPlainWord: true } a) continue;
            plainFrequency[a.Surface] = frequency[i];
            stemFrequency[a.Term] = stemFrequency.GetValueOrDefault(a.Term) + frequency[i];
        }
        return new Decompounder(analyzer, plainFrequency, stemFrequency);
    }

    /// <summary>A word's part terms: its hyphenated parts, and for a plain word its compound parts.</summary>
    private List<string> Parts(AnalyzedWord word, Decompounder decompounder)
    {
        var parts = new List<string>(word.Parts);
        if (!word.IsPlainWord) return parts;
        foreach (var part in decompounder.Parts(word.Surface))
        {
            var term = analyzer.StemWord(part);
            if (term != word.Term && !parts.Contains(term)) parts.Add(term);
        }
        return parts;
    }

    private static List<TermPostings> Invert(IReadOnlyList<IndexedPage> pages, Vocabulary vocabulary)
    {
        var average = pages.Count == 0 ? 1.0 : Math.Max(1.0, pages.Average(p => (double)p.Length));
        var termCount = vocabulary.Terms.Count;
        // The pages in runs of consecutive numbers, one run a task: each run's terms are weighted
        // and counted per term, so that every run knows where in a term's postings its own go (the
        // runs before it take the places before) and fills them beside the others, in page order.
        var runs = Math.Clamp(pages.Count / PagesPerRun, 1, Math.Min(16, Environment.ProcessorCount * 4));
        var perPage = new (int Term, int Key)[pages.Count][];
        var runCounts = new int[runs][];
        Parallel.For(0, runs, r =>
        {
            var counts = runCounts[r] = new int[termCount];
            for (int i = RunStart(r, runs, pages.Count), end = RunStart(r + 1, runs, pages.Count); i < end; i++)
            {
                var terms = perPage[i] = PageTerms(pages[i], vocabulary, average);
                foreach (var (term, _) in terms) counts[term]++;
            }
        });
        // Each term's postings in an array of its exact size; each run's counts become where it starts writing.
        var totals = new int[termCount];
        foreach (var counts in runCounts)
        {
            for (var t = 0; t < termCount; t++) (counts[t], totals[t]) = (totals[t], totals[t] + counts[t]);
        }
        var lists = new Posting[termCount][];
        for (var t = 0; t < termCount; t++) lists[t] = totals[t] == 0 ? [] : new Posting[totals[t]];
        Parallel.For(0, runs, r =>
        {
            var next = runCounts[r];
            for (int i = RunStart(r, runs, pages.Count), end = RunStart(r + 1, runs, pages.Count); i < end; i++)
            {
                foreach (var (term, key) in perPage[i]) lists[term][next[term]++] = new Posting(pages[i].Id, key);
                perPage[i] = [];
            }
        });
        return Enumerable.Range(0, lists.Length).Where(t => lists[t].Length > 0)
            .OrderBy(t => vocabulary.Terms[t], StringComparer.Ordinal)
            .Select(t => new TermPostings(vocabulary.Terms[t], lists[t])).ToList();
    }

    /// <summary>The fewest pages a run of <see cref="Invert"/> has (but when there are fewer pages).</summary>
    internal const int PagesPerRun = 64;

    /// <summary>The first page of run <paramref name="run"/> of <paramref name="runs"/> over <paramref name="count"/> pages.</summary>
    private static int RunStart(int run, int runs, int count) => (int)((long)count * run / runs);

    /// <summary>One page's terms and their weights, summed on this thread's own table (emptied for each page).</summary>
    [ThreadStatic]
    private static Dictionary<int, (double Whole, double Part, bool Title)>? _accumulator;

    private static (int Term, int Key)[] PageTerms(IndexedPage page, Vocabulary vocabulary, double average)
    {
        var acc = _accumulator ??= [];
        acc.Clear();
        foreach (var word in page.Words)
        {
            var term = vocabulary.WordTerm[word.Word];
            if (term < 0) continue;
            ref var w = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(acc, term, out _);
            w = (w.Whole + word.Weight, w.Part, w.Title || word.InTitle);
            foreach (var part in vocabulary.WordParts[word.Word])
            {
                ref var p = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(acc, part, out _);
                p = (p.Whole, p.Part + word.Weight, p.Title || word.InTitle);
            }
        }
        // In no particular order: each term's postings are filled in page order (Invert).
        var result = new (int, int)[acc.Count];
        var k = 0;
        foreach (var (term, v) in acc) result[k++] = (term, ImpactKey.Make(v.Whole, v.Part, v.Title, page.Length, average));
        return result;
    }

    /// <summary>For each term, the word form most often written for it (ties: the first in ordinal order).</summary>
    private static Dictionary<string, string> Displays(string[] words, AnalyzedWord?[] analyzed, int[] frequency)
    {
        var best = new Dictionary<string, (string Word, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (analyzed[i] is not { } a) continue;
            var count = frequency[i];
            if (!best.TryGetValue(a.Term, out var b) || count > b.Count) best[a.Term] = (words[i], count);
        }
        return best.ToDictionary(kv => kv.Key, kv => kv.Value.Word, StringComparer.Ordinal);
    }
}
