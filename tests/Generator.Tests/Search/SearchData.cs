using ForbedringsAbc.Search.Analysis;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Search;

/// <summary>Shared test data of the search: Snowball's vectors, the golden token dump, the fixture site.</summary>
public static class SearchData
{
    public static string Dir => Path.Combine(Repo.Root, "tests", "data");

    public static string FixtureContent => Path.Combine(Repo.Root, "tests", "fixtures", "search-site", "content");

    /// <summary>One line of the golden dump: every word of an input line as surface&gt;term, hyphen and compound-free parts after '|'.</summary>
    public static string Dump(SearchAnalyzer analyzer, string line) =>
        string.Join(' ', analyzer.Analyze(line).Select(w => w.Parts.Count == 0 ? $"{w.Surface}>{w.Term}" : $"{w.Surface}>{w.Term}|{string.Join(',', w.Parts)}"));
}
