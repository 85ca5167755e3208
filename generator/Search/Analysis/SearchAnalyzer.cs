namespace ForbedringsAbc.Search.Analysis;

/// <summary>
/// The whole analysis chain of the search, text → words: normalise, tokenise, drop stop words,
/// stem; hyphenated words give the whole and the parts. The JavaScript client
/// (templates/assets/js/sok-analyse.js) does exactly the same; tests compare both against one
/// golden token dump.
/// </summary>
public sealed class SearchAnalyzer
{
    /// <summary>Written into the index manifest; the client refuses an index made by another version.</summary>
    public const string Version = "nb-snowball-3.1/1";

    private const int MinPartLength = 2;

    private readonly TextNormalizer _normalizer = new();
    private readonly Tokenizer _tokenizer = new();
    private readonly NorwegianStemmer _stemmer = new();
    private readonly StopWords _stopWords = new();

    public string Normalize(string text) => _normalizer.Normalize(text);

    /// <summary>The normalised text without a new string; see <see cref="TextNormalizer.Normalize(ReadOnlySpan{char}, ref char[])"/>.</summary>
    public ReadOnlySpan<char> Normalize(ReadOnlySpan<char> text, ref char[]? scratch) => _normalizer.Normalize(text, ref scratch);

    public bool IsStopWord(string normalizedWord) => _stopWords.Contains(normalizedWord);

    public string StemWord(string word) => word.Any(char.IsDigit) ? word : _stemmer.Stem(word);

    /// <summary>Every non-stop word of <paramref name="text"/>, in order.</summary>
    public List<AnalyzedWord> Analyze(string text)
    {
        var normalized = _normalizer.Normalize(text);
        var words = new List<AnalyzedWord>();
        _tokenizer.Tokenize(normalized, (start, length) =>
        {
            var word = AnalyzeToken(normalized.Substring(start, length));
            if (word is not null) words.Add(word);
        });
        return words;
    }

    /// <summary>One token as the tokenizer gives it (already normalised); null for a stop word.</summary>
    public AnalyzedWord? AnalyzeToken(string token)
    {
        if (!token.Contains('-'))
        {
            return _stopWords.Contains(token) ? null : new AnalyzedWord(token, StemWord(token), []);
        }
        var whole = token.Replace("-", string.Empty, StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (var part in token.Split('-'))
        {
            if (part.Length < MinPartLength || _stopWords.Contains(part)) continue;
            var term = StemWord(part);
            if (!parts.Contains(term)) parts.Add(term);
        }
        var wholeTerm = StemWord(whole);
        parts.Remove(wholeTerm);
        return new AnalyzedWord(whole, wholeTerm, parts);
    }
}
