namespace ForbedringsAbc.Search.Analysis;

/// <summary>
/// The Snowball Norwegian stemmer, version 3.1 (with the apostrophe rule), exactly as specified in
/// ../shared/design/SEARCH.md section 3. The JavaScript client has a line-for-line twin
/// (templates/assets/js/sok-analyse.js); both reproduce Snowball's own output for all 20,895
/// words of its test vocabulary. Input: one lower-cased NFC word.
/// </summary>
public sealed class NorwegianStemmer
{
    private const string Vowels = "aeêioòóôuyæåø";
    private const string PlainSEndings = "bcdfghjlmnoptvyz";

    private static readonly string[] Step1Delete =
    [
        "a", "e", "ede", "ande", "ende", "ane", "ene", "hetene", "en", "heten", "ar", "er", "heter",
        "as", "es", "edes", "endes", "enes", "hetenes", "ens", "hetens", "ets", "et", "het", "ast",
    ];

    private static readonly string[] Step1All = [.. Step1Delete, "ers", "s", "erte", "ert"];
    private static readonly string[] ErsDelete = ["giv", "hav", "skap"];
    private static readonly string[] ErsKeep = ["amm", "ast", "ind", "kap", "kk", "lt", "nk", "omm", "pp", "v", "øst"];
    private static readonly string[] Step3 = ["leg", "eleg", "ig", "eig", "lig", "elig", "els", "lov", "elov", "slov", "hetslov"];

    public string Stem(string word)
    {
        if (word.Length < 3) return word;
        var r1 = RegionOne(word);
        var w = MainSuffix(word, r1);
        if ((w.EndsWith("dt", StringComparison.Ordinal) || w.EndsWith("vt", StringComparison.Ordinal)) && w.Length - 2 >= r1)
        {
            w = w[..^1];
        }
        var other = Longest(w, Step3, r1);
        if (other is not null) w = w[..^other.Length];
        if (w.EndsWith('\'')) w = w[..^1];
        return w;
    }

    private static int RegionOne(string word)
    {
        var apostrophe = word.IndexOf('\'');
        var r1 = word.Length;
        if (apostrophe >= 0)
        {
            r1 = apostrophe + 1;
        }
        else
        {
            for (var i = 1; i < word.Length; i++)
            {
                if (!IsVowel(word[i]) && IsVowel(word[i - 1]))
                {
                    r1 = i + 1;
                    break;
                }
            }
        }
        return Math.Max(r1, 3);
    }

    private static string MainSuffix(string w, int r1)
    {
        var suffix = Longest(w, Step1All, r1);
        switch (suffix)
        {
            case null:
                return w;
            case "ers":
                var before = w[..^3];
                var keep = LongestEnding(before, ErsKeep);
                var delete = LongestEnding(before, ErsDelete);
                return keep is not null && (delete is null || keep.Length > delete.Length) ? w : before;
            case "s":
                return ValidSEnding(w, w.Length - 2) ? w[..^1] : w;
            case "erte" or "ert":
                return w[..^suffix.Length] + "er";
            default:
                return w[..^suffix.Length];
        }
    }

    private static bool ValidSEnding(string w, int i)
    {
        if (i < 0) return false;
        var c = w[i];
        if (PlainSEndings.Contains(c)) return true;
        if (c == 'r') return i == 0 || w[i - 1] != 'e';
        if (c == 'k') return i > 0 && !IsVowel(w[i - 1]);
        return false;
    }

    /// <summary>The longest of <paramref name="suffixes"/> that ends the word and starts at or after <paramref name="r1"/>.</summary>
    private static string? Longest(string w, string[] suffixes, int r1)
    {
        string? best = null;
        foreach (var s in suffixes)
        {
            if (w.Length - s.Length >= r1 && w.EndsWith(s, StringComparison.Ordinal) && (best is null || s.Length > best.Length)) best = s;
        }
        return best;
    }

    private static string? LongestEnding(string w, string[] endings)
    {
        string? best = null;
        foreach (var s in endings)
        {
            if (w.EndsWith(s, StringComparison.Ordinal) && (best is null || s.Length > best.Length)) best = s;
        }
        return best;
    }

    private static bool IsVowel(char c) => Vowels.Contains(c);
}
