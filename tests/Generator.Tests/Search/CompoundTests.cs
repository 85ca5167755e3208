using ForbedringsAbc.Search.Analysis;
using ForbedringsAbc.Search.Indexing;

namespace ForbedringsAbc.Tests.Search;

public sealed class CompoundTests
{
    private static Decompounder Make(params (string Word, int Count)[] vocabulary)
    {
        var analyzer = new SearchAnalyzer();
        var words = vocabulary.ToDictionary(v => v.Word, v => v.Count, StringComparer.Ordinal);
        var stems = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, count) in vocabulary) stems[analyzer.StemWord(word)] = stems.GetValueOrDefault(analyzer.StemWord(word)) + count;
        return new Decompounder(analyzer, words, stems);
    }

    [Fact]
    public void Splits_with_linking_s_and_e_and_into_several_levels()
    {
        var d = Make(("pasient", 5), ("sikkerhet", 4), ("arbeid", 9), ("syk", 3), ("hus", 6), ("forbedring", 7));
        var parts = d.Parts("pasientsikkerhetsarbeid");
        Assert.Equal(["arbeid", "pasient", "pasientsikkerhet", "sikkerhet"], parts.Order(StringComparer.Ordinal));
        Assert.Equal(["syk", "husavdeling", "hus", "avdeling"], Make(("syk", 3), ("hus", 4), ("avdeling", 5)).Parts("sykehusavdeling"));
        Assert.Equal(["forbedring", "arbeid"], d.Parts("forbedringsarbeid"));
    }

    [Fact]
    public void Inflected_last_parts_count_by_their_stem()
    {
        var d = Make(("forbedring", 4), ("tavle", 3));
        Assert.Equal(["forbedring", "tavla"], d.Parts("forbedringstavla"));
    }

    [Fact]
    public void Guards_against_bad_splits()
    {
        var d = Make(("for", 50), ("bedring", 4), ("hær", 3), ("karer", 1), ("under", 9), ("søkelse", 3), ("tavle", 1), ("møte", 5));
        Assert.Empty(d.Parts("forbedring"));        // "for" is a stop word and a bare prefix
        Assert.Empty(d.Parts("undersøkelse"));      // "under" is a bare prefix
        Assert.Empty(d.Parts("tavlemøte"));         // "tavle" seen once: too rare to trust
        Assert.Empty(d.Parts("hærskarer"));         // "karer" seen once: hær|s|karer is not trusted
        Assert.Empty(d.Parts("ukjentord"));         // no known parts
    }
}
