namespace ForbedringsAbc.Search.Analysis;

/// <summary>
/// One word of text after analysis: its normalised form (hyphens taken out: "covidvaksine"), the
/// term it is indexed under (the stem; codes with digits are not stemmed), and the terms of its
/// hyphenated parts ("covid", "vaksine"), indexed as parts.
/// </summary>
public sealed record AnalyzedWord(string Surface, string Term, IReadOnlyList<string> Parts)
{
    /// <summary>Letters only, no hyphen or digit: may be a compound, and may be a part of one.</summary>
    public bool IsPlainWord => Parts.Count == 0 && Surface.All(char.IsLetter);
}
