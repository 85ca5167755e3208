using ForbedringsAbc.Search.Analysis;

namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// The aggregate pass over all analysed pages: pages numbered in path order, the vocabulary
/// counted, every distinct word stemmed and split into compound parts once, each page's terms
/// weighted into impact keys (in parallel), and the postings inverted in page order. Output
/// depends only on the pages, never on scheduling.
/// </summary>
public sealed class IndexBuilder(SearchAnalyzer analyzer)
{
    private sealed record WordInfo(string Term, string[] Parts);

    public SearchIndex Build(IReadOnlyList<IndexedPage> unordered)
    {
        var pages = unordered.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        var frequency = CountWords(pages);
        var words = frequency.Keys.Order(StringComparer.Ordinal).ToArray();
        var analyzed = new AnalyzedWord?[words.Length];
        Parallel.For(0, words.Length, i => analyzed[i] = analyzer.AnalyzeToken(words[i]));
        var plainFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var stemFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (analyzed[i] is not { IsPlainWord: true } a) continue;
            plainFrequency[a.Surface] = frequency[words[i]];
            stemFrequency[a.Term] = stemFrequency.GetValueOrDefault(a.Term) + frequency[words[i]];
        }
        var decompounder = new Decompounder(analyzer, plainFrequency, stemFrequency);
        var infos = new WordInfo?[words.Length];
        Parallel.For(0, words.Length, i => infos[i] = Describe(analyzed[i], decompounder));
        var byWord = new Dictionary<string, WordInfo>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++) if (infos[i] is { } info) byWord[words[i]] = info;
        var terms = Invert(pages, byWord);
        return new SearchIndex(pages, terms, Displays(words, infos, frequency));
    }

    private static Dictionary<string, int> CountWords(List<IndexedPage> pages)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var (word, stat) in page.Words) frequency[word] = frequency.GetValueOrDefault(word) + stat.Count;
        }
        return frequency;
    }

    private WordInfo? Describe(AnalyzedWord? word, Decompounder decompounder)
    {
        if (word is null) return null;
        var parts = new List<string>(word.Parts);
        if (word.IsPlainWord)
        {
            foreach (var part in decompounder.Parts(word.Surface))
            {
                var term = analyzer.StemWord(part);
                if (term != word.Term && !parts.Contains(term)) parts.Add(term);
            }
        }
        return new WordInfo(word.Term, [.. parts]);
    }

    private static List<TermPostings> Invert(List<IndexedPage> pages, Dictionary<string, WordInfo> byWord)
    {
        var average = Math.Max(1.0, pages.Average(p => (double)p.Length));
        var perPage = new List<(string Term, int Key)>[pages.Count];
        Parallel.For(0, pages.Count, i => perPage[i] = PageTerms(pages[i], byWord, average));
        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        for (var page = 0; page < pages.Count; page++)
        {
            foreach (var (term, key) in perPage[page])
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add(new Posting(page, key));
            }
        }
        return postings.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new TermPostings(kv.Key, kv.Value)).ToList();
    }

    private static List<(string Term, int Key)> PageTerms(IndexedPage page, Dictionary<string, WordInfo> byWord, double average)
    {
        var acc = new Dictionary<string, (double Whole, double Part, bool Title)>(StringComparer.Ordinal);
        foreach (var (word, stat) in page.Words)
        {
            if (!byWord.TryGetValue(word, out var info)) continue;
            var w = acc.GetValueOrDefault(info.Term);
            acc[info.Term] = (w.Whole + stat.Weight, w.Part, w.Title || stat.InTitle);
            foreach (var part in info.Parts)
            {
                var p = acc.GetValueOrDefault(part);
                acc[part] = (p.Whole, p.Part + stat.Weight, p.Title || stat.InTitle);
            }
        }
        return acc.Select(kv => (kv.Key, ImpactKey.Make(kv.Value.Whole, kv.Value.Part, kv.Value.Title, page.Length, average))).ToList();
    }

    /// <summary>For each term, the word form most often written for it (ties: the first in ordinal order).</summary>
    private static Dictionary<string, string> Displays(string[] words, WordInfo?[] infos, Dictionary<string, int> frequency)
    {
        var best = new Dictionary<string, (string Word, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (infos[i] is not { } info) continue;
            var count = frequency[words[i]];
            if (!best.TryGetValue(info.Term, out var b) || count > b.Count) best[info.Term] = (words[i], count);
        }
        return best.ToDictionary(kv => kv.Key, kv => kv.Value.Word, StringComparer.Ordinal);
    }
}
