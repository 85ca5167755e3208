namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// The 7-bit impact of a term on a page, baked at build time so the client needs no page data:
/// bits 0–4 the BM25F term weight (k1 = 1.2, b = 0.75; title words weigh 7, h2 6 … body 1;
/// compound parts half) quantised to 1–31; bit 5 "in the title"; bit 6 "only as part of a
/// compound". The client turns it back into a score with the term's IDF.
/// </summary>
public static class ImpactKey
{
    public const double K1 = 1.2;
    public const double B = 0.75;
    public const double PartFactor = 0.5;
    public const int Levels = 31;
    public const int TitleBit = 32;
    public const int PartBit = 64;

    public static int Make(double wholeWeight, double partWeight, bool inTitle, int length, double averageLength)
    {
        var tf = wholeWeight + PartFactor * partWeight;
        var norm = 1 - B + B * length / averageLength;
        var impact = (K1 + 1) * tf / (K1 * norm + tf);
        var q = (int)Math.Round(impact / (K1 + 1) * Levels, MidpointRounding.AwayFromZero);
        q = Math.Clamp(q, 1, Levels);
        return q | (inTitle ? TitleBit : 0) | (wholeWeight == 0 ? PartBit : 0);
    }

    /// <summary>The order the client ranks a one-term query in (best first): the same formula as search-engine.js.</summary>
    public static double SingleTermScore(int key)
    {
        var part = (key & PartBit) != 0 ? PartFactor : 1;
        var title = (key & TitleBit) != 0 ? part : 0;
        return (double)(key & Levels) / Levels * (K1 + 1) * part + TitleBoost * title * title * title;
    }

    /// <summary>Weight of the title-coverage boost (Pagefind's metadata boost): weight × matched IDF × coverage².</summary>
    public const double TitleBoost = 5;
}
