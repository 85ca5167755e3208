using System.Text;

namespace ForbedringsAbc.Text;

/// <summary>Unicode normalisation that never throws on invalid UTF-16.</summary>
public static class Utf16
{
    /// <summary>NFC, with invalid UTF-16 (a lone surrogate) replaced by U+FFFD rather than thrown on.</summary>
    public static string ToNfc(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes()) sb.Append(rune.ToString());
            return sb.ToString().Normalize(NormalizationForm.FormC);
        }
    }
}
