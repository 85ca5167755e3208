using System.Globalization;
using System.Text;

namespace ForbedringsAbc.Text;

/// <summary>
/// Makes URL slugs: lower case ASCII letters, digits and single hyphens. Norwegian letters
/// are folded as editors expect (æ→ae, ø→o, å→a), other accents are removed.
/// </summary>
public static class Slugifier
{
    public static string Slugify(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var rune in Utf16.ToNfc(text).EnumerateRunes())
        {
            var folded = rune.IsBmp ? Fold(char.ToLowerInvariant((char)rune.Value)) : string.Empty;
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
