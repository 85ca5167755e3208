using System.Globalization;
using System.Text;

namespace ForbedringsAbc.Text;

/// <summary>
/// Makes URL slugs: lower case ASCII letters, digits and single hyphens. Norwegian letters
/// are folded as editors expect (æ→ae, ø→o, å→a), other accents are removed.
/// </summary>
public static class Slugifier
{
    // What each of the first 2,048 characters (every Latin letter) folds to, worked out once:
    // lower-casing and stripping accents ask ICU, and a site's routes and tags make many slugs.
    private static readonly string[] Table = [.. Enumerable.Range(0, 0x800).Select(c => Fold(char.ToLowerInvariant((char)c)))];

    public static string Slugify(string text)
    {
        var nfc = Utf16.ToNfc(text);
        var sb = new StringBuilder(nfc.Length);
        var pendingHyphen = false;
        // Character by character: half of a surrogate pair (a character outside the BMP, such as
        // an emoji) folds to nothing, as does a lone one, so either becomes a hyphen.
        foreach (var ch in nfc)
        {
            var folded = ch < Table.Length ? Table[ch] : char.IsSurrogate(ch) ? string.Empty : Fold(char.ToLowerInvariant(ch));
            foreach (var c in folded)
            {
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    if (pendingHyphen && sb.Length > 0)
                    {
                        sb.Append('-');
                    }
                    pendingHyphen = false;
                    sb.Append(c);
                }
                else
                {
                    pendingHyphen = true;
                }
            }
            if (folded.Length == 0) pendingHyphen = true;
        }
        return sb.ToString();
    }

    private static string Fold(char c) => c switch
    {
        'æ' => "ae",
        'ø' => "o",
        'å' => "a",
        'ß' => "ss",
        'ı' or 'İ' => "i",
        _ when c < 128 => c.ToString(),
        _ => StripAccents(c),
    };

    private static string StripAccents(char c)
    {
        if (char.IsSurrogate(c)) return string.Empty;
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(d);
            }
        }
        return sb.ToString();
    }
}
