using ForbedringsAbc.Search.Analysis;

namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// Splits compound words against the corpus's own vocabulary (SEARCH.md section 4.4):
/// "pasientsikkerhetsarbeid" → pasientsikkerhet + s + arbeid, then pasient + sikkerhet. A split
/// needs a first part of at least 3 letters that occurs as a word of its own, an optional linking
/// -s- or -e-, and a last part of at least 4 letters whose stem occurs as a word (so inflected
/// heads count: "-tavla", "-arbeidet"); neither part a stop word nor the first a bare prefix
/// (be-, for-, u-, …), each part seen at least <see cref="MinPartFrequency"/> times. Of several
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

    private static readonly HashSet<string> BarePrefixes = new(StringComparer.Ordinal)
    {
        "an", "be", "bi", "er", "for", "fore", "gjen", "mis", "mot", "sam", "til", "u", "und", "under", "van", "ved", "over", "ut", "inn", "opp", "av", "fra", "med", "etter", "blant", "hoved", "ned", "bak", "pro", "kon", "ekst", "inter", "trans", "sub", "super", "anti", "post", "pre", "re", "de",
    };

    /// <summary>The part words of <paramref name="word"/> (surface forms, each level), or empty when it is not split.</summary>
    public List<string> Parts(string word)
    {
        var parts = new List<string>();
        Collect(word, MaxDepth, parts);
        return parts;
    }

    private void Collect(string word, int depth, List<string> parts)
    {
        if (depth == 0 || word.Length < MinWordLength) return;
        var split = BestSplit(word);
        if (split is null) return;
        var (first, last) = split.Value;
        foreach (var part in new[] { first, last })
        {
            if (!parts.Contains(part)) parts.Add(part);
            Collect(part, depth - 1, parts);
        }
    }

    private (string First, string Last)? BestSplit(string word)
    {
        (string, string)? best = null;
        var bestScore = 0.0;
        var bestLast = 0;
        for (var i = MinFirstPart; i <= word.Length - MinLastPart; i++)
        {
            var first = word[..i];
            if (!IsFirstPart(first)) continue;
            foreach (var linker in LinkersAt(word, i))
            {
                var last = word[(i + linker)..];
                if (last.Length < MinLastPart) continue;
                var lastFrequency = LastPartFrequency(last);
                if (lastFrequency < MinPartFrequency) continue;
                var score = Math.Sqrt((double)wordFrequency[first] * lastFrequency);
                if (score > bestScore || (score == bestScore && last.Length > bestLast))
                {
                    (best, bestScore, bestLast) = ((first, last), score, last.Length);
                }
            }
        }
        return best;
    }

    private static IEnumerable<int> LinkersAt(string word, int i)
    {
        yield return 0;
        if (word[i] is 's' or 'e' && word[i - 1] != word[i]) yield return 1;
    }

    private bool IsFirstPart(string first) =>
        !BarePrefixes.Contains(first) && !analyzer.IsStopWord(first)
        && wordFrequency.TryGetValue(first, out var f) && f >= MinPartFrequency;

    private int LastPartFrequency(string last)
    {
        if (analyzer.IsStopWord(last)) return 0;
        var stem = analyzer.StemWord(last);
        if (stem.Length < MinFirstPart) return 0;
        var byWord = wordFrequency.GetValueOrDefault(last);
        var byStem = stemFrequency.GetValueOrDefault(stem);
        return Math.Max(byWord, byStem);
    }
}
