using System.Globalization;
using System.Text;
using ForbedringsAbc.Text;

namespace ForbedringsAbc.Search.Analysis;

/// <summary>
/// Search normalisation, identical in the JavaScript client: NFC, lower case one UTF-16 unit at a
/// time, æ ø å kept, a lone surrogate replaced by U+FFFD (the client keeps it; both treat it as no word character), ä → æ and ö → ø, every other accent folded away (é → e, ü → u), typographic
/// apostrophes → ', soft hyphens and zero-width characters removed.
/// </summary>
public sealed class TextNormalizer
{
    /// <summary>
    /// The folded form of every UTF-16 unit, computed when first met (folding a letter outside
    /// ASCII, or a dash or quote, asks ICU). Filled from any thread: each slot only ever gets the
    /// same value.
    /// </summary>
    private static readonly string?[] Table = new string?[0x10000];

    public string Normalize(string text)
    {
        var nfc = Utf16.ToNfc(text);
        char[]? scratch = null;
        var folded = Fold(nfc, ref scratch);
        // Nothing folded (no scratch taken): the NFC text itself, often the text given.
        return scratch is null ? nfc : folded.ToString();
    }

    /// <summary>
    /// <see cref="Normalize(string)"/> without a new string: the text itself when nothing changes
    /// (most of it), else the folded text in <paramref name="scratch"/>, made larger as needed (a
    /// caller keeps it for the next text). A string is made only when the text is not NFC already.
    /// </summary>
    public ReadOnlySpan<char> Normalize(ReadOnlySpan<char> text, ref char[]? scratch) =>
        Fold(Utf16.IsNfcQuick(text) ? text : Utf16.ToNfc(text.ToString()), ref scratch);

    /// <summary>Characters that fold to themselves and need no look-up: lower-case ASCII letters, digits, the space (most of a text).</summary>
    private static readonly System.Buffers.SearchValues<char> Plain = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789 ");

    /// <summary>
    /// Folds run by run: a run of <see cref="Plain"/> characters as it is, then the one character
    /// after it by the table. The text itself is returned while nothing has changed; from the
    /// first character that changes, the fold is written into <paramref name="scratch"/>.
    /// </summary>
    private ReadOnlySpan<char> Fold(ReadOnlySpan<char> nfc, ref char[]? scratch)
    {
        // -1 while the text is still its own fold; then the length of the fold in scratch.
        var length = -1;
        var i = 0;
        while (true)
        {
            var run = nfc[i..].IndexOfAnyExcept(Plain);
            if (run < 0) run = nfc.Length - i;
            if (length >= 0) Append(ref scratch!, ref length, nfc.Slice(i, run));
            i += run;
            if (i == nfc.Length) return length < 0 ? nfc : scratch.AsSpan(0, length);
            var c = nfc[i];
            var folded = Table[c] ??= Fold(c);
            if (length < 0 && !(folded.Length == 1 && folded[0] == c))
            {
                if (scratch is null || scratch.Length < nfc.Length + 16) scratch = new char[Math.Max(nfc.Length + 16, 256)];
                nfc[..i].CopyTo(scratch);
                length = i;
            }
            if (length >= 0) Append(ref scratch!, ref length, folded);
            i++;
        }
    }

    private static void Append(ref char[] scratch, ref int length, ReadOnlySpan<char> text)
    {
        if (length + text.Length > scratch.Length) Array.Resize(ref scratch, Math.Max(scratch.Length * 2, length + text.Length));
        text.CopyTo(scratch.AsSpan(length));
        length += text.Length;
    }

    /// <summary>One UTF-16 unit: lower-cased, then folded.</summary>
    public static string Fold(char c)
    {
        switch (c)
        {
            case '\u2019' or '\u2018' or '\u02BC': return "'";
            case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF': return string.Empty;
        }
        var lower = char.IsSurrogate(c) ? c : char.ToLowerInvariant(c);
        switch (lower)
        {
            case 'æ' or 'ø' or 'å': return lower.ToString();
            case 'ä': return "æ";
            case 'ö': return "ø";
        }
        if (lower < 0x80 || char.IsSurrogate(lower)) return lower.ToString();
        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(d));
        }
        return sb.ToString();
    }
}
