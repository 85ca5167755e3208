using ForbedringsAbc.Search.Analysis;

namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// Splits compound words against the corpus's own vocabulary (SEARCH.md section 4.4):
/// "pasientsikkerhetsarbeid" → pasientsikkerhet + s + arbeid, then pasient + sikkerhet. A split
/// needs a first part of at least 3 letters that occurs as a word of its own (or is a stem that
/// occurs inflected), an optional linking
/// -s- or -e-, and a last part of at least 4 letters whose stem occurs as a word (so inflected
/// heads count: "-tavla", "-arbeidet"); neither part a stop word nor the first a bare prefix
/// (be-, for-, u-, …), each part seen at least <see cref="MinPartFrequency"/> times or itself a
/// compound of such parts ("sikkerhetsarbeid"). Of several
/// splits the one with the largest geometric mean of part frequencies wins (Koehn and Knight
/// 2003), ties to the longer last part. Parts are split again, up to <see cref="MaxDepth"/> levels.
/// </summary>
public sealed class Decompounder(SearchAnalyzer analyzer, IReadOnlyDictionary<string, int> wordFrequency, IReadOnlyDictionary<string, int> stemFrequency)
{
    public const int MinWordLength = 8;
    public const int MinFirstPart = 3;
    public const int MinLastPart = 4;
    public const int MinPartFrequency = 2;
    public const int MaxDepth = 3;

    /// <summary>
    /// Longer words are not split: the search for a split grows with the cube of the length, and
    /// a Norwegian compound is never this long (a 5,000-letter "word" in a title took minutes).
    /// </summary>
    public const int MaxWordLength = 64;

    private static readonly HashSet<string> BarePrefixes = new(StringComparer.Ordinal)
    {
        "an", "be", "bi", "er", "for", "fore", "gjen", "mis", "mot", "sam", "til", "u", "und", "under", "van", "ved", "over", "ut", "inn", "opp", "av", "fra", "med", "etter", "blant", "hoved", "ned", "bak", "pro", "kon", "ekst", "inter", "trans", "sub", "super", "anti", "post", "pre", "re", "de",
    };

    /// <summary>The part words of <paramref name="word"/> (surface forms, each level), or empty when it is not split.</summary>
    public List<string> Parts(string word)
    {
        var parts = new List<string>();
        var memo = new Dictionary<(string, int), Split?>();
        Collect(word, MaxDepth, parts, memo);
        return parts;
    }

    private sealed record Split(string First, string Last, double Score);

    private void Collect(string word, int depth, List<string> parts, Dictionary<(string, int), Split?> memo)
    {
        if (depth == 0 || word.Length < MinWordLength || word.Length > MaxWordLength) return;
        var split = BestSplit(word, depth, memo);
        if (split is null) return;
        foreach (var part in new[] { split.First, split.Last })
        {
            if (!parts.Contains(part)) parts.Add(part);
            Collect(part, depth - 1, parts, memo);
        }
    }

    /// <summary>
    /// The best way to cut <paramref name="word"/> in two; a part that is no known word may itself
    /// be a compound of known words (one level less), scored by its own best split.
    /// </summary>
    private Split? BestSplit(string word, int depth, Dictionary<(string, int), Split?> memo)
    {
        if (memo.TryGetValue((word, depth), out var known)) return known;
        Split? best = null;
        for (var i = MinFirstPart; i <= word.Length - MinLastPart; i++)
        {
            var first = word[..i];
            if (BarePrefixes.Contains(first) || analyzer.IsStopWord(first)) continue;
            var firstScore = Known(FirstPartFrequency(first), first, depth, memo);
            if (firstScore == 0) continue;
            foreach (var linker in LinkersAt(word, i))
            {
                var last = word[(i + linker)..];
                if (last.Length < MinLastPart || analyzer.IsStopWord(last)) continue;
                var lastScore = Known(LastPartFrequency(last), last, depth, memo);
                if (lastScore == 0) continue;
                var score = Math.Sqrt(firstScore * lastScore);
                if (best is null || score > best.Score || (score == best.Score && last.Length > best.Last.Length)) best = new Split(first, last, score);
            }
        }
        memo[(word, depth)] = best;
        return best;
    }

    /// <summary>A part's frequency when it is a known word; else, when it is long enough, the score of its own split; else 0.</summary>
    private double Known(int frequency, string part, int depth, Dictionary<(string, int), Split?> memo)
    {
        if (frequency >= MinPartFrequency) return frequency;
        if (depth <= 1 || part.Length < MinWordLength) return 0;
        return BestSplit(part, depth - 1, memo)?.Score ?? 0;
    }

    private static IEnumerable<int> LinkersAt(string word, int i)
    {
        yield return 0;
        if (word[i] is 's' or 'e' && word[i - 1] != word[i]) yield return 1;
    }

    /// <summary>How often the first part occurs as a word, or as a word with its stem when it is its own stem ("pasient", seen as "pasientene").</summary>
    private int FirstPartFrequency(string first)
    {
        var byWord = wordFrequency.GetValueOrDefault(first);
        // Only a part that is some word's stem can count by its stem: most parts tried are none,
        // and they need not be stemmed.
        if (!stemFrequency.TryGetValue(first, out var byStem)) return byWord;
        return Stem(first) == first ? Math.Max(byWord, byStem) : byWord;
    }

    private int LastPartFrequency(string last)
    {
        var stem = Stem(last);
        if (stem.Length < MinFirstPart) return 0;
        var byWord = wordFrequency.GetValueOrDefault(last);
        var byStem = stemFrequency.GetValueOrDefault(stem);
        return Math.Max(byWord, byStem);
    }

    /// <summary>
    /// The stems of the parts tried, kept for the whole vocabulary: compounds share their parts
    /// ("-arbeid", "-sikkerhet"), and stemming is most of the work of a split.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);

    private string Stem(string part) => _stems.GetOrAdd(part, static (p, a) => a.StemWord(p), analyzer);
}
