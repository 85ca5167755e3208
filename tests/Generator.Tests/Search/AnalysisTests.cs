using ForbedringsAbc.Search.Analysis;

namespace ForbedringsAbc.Tests.Search;

public sealed class AnalysisTests
{
    private readonly SearchAnalyzer _analyzer = new();

    [Fact]
    public void Stemmer_reproduces_snowball_output_for_every_word_of_the_vocabulary()
    {
        var words = File.ReadAllLines(Path.Combine(SearchData.Dir, "snowball-norwegian", "voc.txt"));
        var stems = File.ReadAllLines(Path.Combine(SearchData.Dir, "snowball-norwegian", "output.txt"));
        Assert.Equal(20895, words.Length);
        Assert.Equal(words.Length, stems.Length);
        var stemmer = new NorwegianStemmer();
        var wrong = words.Select((w, i) => (w, Expected: stems[i], Actual: stemmer.Stem(w))).Where(x => x.Expected != x.Actual).Take(10).ToList();
        Assert.True(wrong.Count == 0, "Wrong stems: " + string.Join(", ", wrong.Select(x => $"{x.w}→{x.Actual} (want {x.Expected})")));
    }

    [Theory]
    [InlineData("Idémyldring", "idemyldring")]
    [InlineData("IDÉDUGNAD", "idedugnad")]
    [InlineData("Blåbärsyltetöj", "blåbærsyltetøj")]
    [InlineData("ÆRLIG ØKONOMI ÅPENHET", "ærlig økonomi åpenhet")]
    [InlineData("Crème brûlée naïve", "creme brulee naive")]
    [InlineData("pc\u2019en", "pc'en")]
    [InlineData("pasient\u00ADsikkerhet", "pasientsikkerhet")]
    [InlineData("a\u030Ar", "år")]
    public void Normalizer_keeps_norwegian_letters_and_folds_other_accents(string input, string expected) =>
        Assert.Equal(expected, _analyzer.Normalize(input));

    /// <summary>
    /// The normaliser skips runs of characters that fold to themselves without a look-up; random
    /// texts mixing those runs with capitals, Norwegian and accented letters, punctuation, soft
    /// hyphens and typographic apostrophes fold exactly as each character folds on its own.
    /// </summary>
    [Fact]
    public void Normalizer_folds_every_text_as_its_characters_fold_one_by_one()
    {
        const string alphabet = "abcxyz0189 ABCXYZÆØÅæøåÄÖäöÉéüÜñ-.,;:!?'\u2019\u00AD\u200B\u00A0\t\n\u2013ß";
        var random = new Random(2026);
        char[]? scratch = null;
        for (var n = 0; n < 20_000; n++)
        {
            var length = random.Next(0, 90);
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                // Mostly plain runs, as in real text.
                chars[i] = random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : "abcdefghij klmnopqrstuvwxyz0123456789"[random.Next(37)];
            }
            var text = new string(chars);
            var expected = string.Concat(text.Select(TextNormalizer.Fold));
            Assert.Equal(expected, _analyzer.Normalize(text.AsSpan(), ref scratch).ToString());
            Assert.Equal(expected, _analyzer.Normalize(text));
        }
    }

    [Fact]
    public void Tokenizer_keeps_codes_and_indexes_hyphenated_words_whole_and_in_parts()
    {
        var words = _analyzer.Analyze("ICD-10, E11.9 og A10BA02; covid-19-vaksine og PDSA-sirkelen, 2,5 mg.");
        Assert.Equal(["icd10", "e11.9", "a10ba02", "covid19vaksine", "pdsasirkel", "2,5", "mg"], words.Select(w => w.Term));
        Assert.Equal(["icd", "10"], words[0].Parts);
        Assert.Equal(["covid", "19", "vaksin"], words[3].Parts);
        Assert.Equal(["pdsa", "sirkel"], words[4].Parts);
    }

    [Fact]
    public void Stop_words_are_dropped_and_apostrophes_handled()
    {
        var words = _analyzer.Analyze("Hva er det med pc'en og CD’en?");
        Assert.Equal(["pc", "cd"], words.Select(w => w.Term));
    }

    /// <summary>
    /// The golden token dump that tests/js/analysis.test.js checks the JavaScript analyser against.
    /// UPDATE_GOLDEN=1 ./test.sh rewrites it (review the diff).
    /// </summary>
    [Fact]
    public void Token_dump_matches_the_golden_file_shared_with_the_javascript_tests()
    {
        var input = File.ReadAllLines(Path.Combine(SearchData.Dir, "search", "analysis-input.txt"));
        var actual = string.Join('\n', input.Select(line => SearchData.Dump(_analyzer, line))) + "\n";
        var goldenPath = Path.Combine(SearchData.Dir, "search", "analysis-tokens.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") File.WriteAllText(goldenPath, actual);
        Assert.Equal(File.ReadAllText(goldenPath), actual);
    }
}
