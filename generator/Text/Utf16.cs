using System.Text;

namespace ForbedringsAbc.Text;

/// <summary>Unicode normalisation that never throws on invalid UTF-16.</summary>
public static class Utf16
{
    /// <summary>
    /// True for a text NFC leaves as it is because it has only characters that are their own NFC
    /// form and combine with nothing (see <see cref="ToNfc"/>); false says only "ask ICU".
    /// </summary>
    public static bool IsNfcQuick(ReadOnlySpan<char> text)
    {
        // As numbers: the char overload boxes its bounds and takes a slower path (measured: ~2 B and
        // 68 ns a call against none and 32 ns for 78 characters).
        var units = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(text);
        return units.IndexOfAnyInRange((ushort)0x0300, (ushort)0x2001) < 0 && units.IndexOfAnyInRange((ushort)0x20d0, (ushort)0xffff) < 0;
    }

    /// <summary>
    /// NFC, with invalid UTF-16 (a lone surrogate) and U+FFFE (valid UTF-8, but ICU refuses to
    /// normalise it) replaced by U+FFFD rather than thrown on.
    /// </summary>
    public static string ToNfc(string text)
    {
        // Below U+0300 (where the combining marks begin) every character is its own NFC form and
        // none combines with its neighbour: such a text is already NFC. Most of ours are (Norwegian
        // letters are in Latin-1), and asking ICU costs far more than this scan. So are U+2002–U+20CF
        // (dashes, quotes, ellipsis, currency: what else our pages have), as the Unicode data shows;
        // U+2000 and U+2001 have canonical decompositions, and U+20D0 on are combining marks.
        if (IsNfcQuick(text)) return text;
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes()) sb.Append(rune.Value == 0xFFFE ? "\uFFFD" : rune.ToString());
            return sb.ToString().Normalize(NormalizationForm.FormC);
        }
    }
}
