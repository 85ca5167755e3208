using System.Text;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;

namespace ForbedringsAbc.Loading;

/// <summary>
/// A content file read for a build that keeps nothing for a next one: its front matter as text,
/// and, where the file allows, its body as the file's own UTF-8 bytes. The body waits as UTF-8
/// until its page is made anyway, so it is never turned into a string and back (nor is the
/// whole file: at 10,000 pages that was a third of what the parse stage allocated).
/// </summary>
/// <param name="Document">
/// The file up to and with its closing front-matter fence (<see cref="Body"/> set), or the whole
/// file (<see cref="Body"/> null: any file this is not sure of, read as before).
/// </param>
/// <param name="Body">The bytes after the fence's line, as UTF-8 that <see cref="ContentText.Decode"/> would give back unchanged.</param>
public sealed record StreamedDocument(SourceDocument Document, ReadOnlyMemory<byte>? Body)
{
    /// <summary>Reads one Markdown file; null when it cannot be read (the problem is reported).</summary>
    public static StreamedDocument? Read(ContentFile file, string display, DiagnosticBag diagnostics) =>
        ContentText.Read(file.FullName, display, diagnostics, file.Size, (bytes, shown, bag) =>
            BodyStart(bytes) is { } start
                ? new StreamedDocument(new SourceDocument(file.ContentPath, shown, Encoding.UTF8.GetString(bytes[..start])), bytes[start..].ToArray())
                : ContentText.Decode(bytes, shown, bag) is { } text ? new StreamedDocument(new SourceDocument(file.ContentPath, shown, text), null) : null);

    /// <summary>
    /// Where the body starts, in bytes, when the split is sure to be the one the front-matter
    /// splitter makes of the decoded text: valid UTF-8 with no NUL, no carriage return and no
    /// byte-order mark (so decoding changes nothing but the encoding), an opening fence on the
    /// first line, and a closing fence ("---" or "...") whose line is told apart without Unicode's
    /// white space. Null for anything else, which is read as before.
    /// </summary>
    public static int? BodyStart(ReadOnlySpan<byte> bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes) || bytes.IndexOfAny((byte)0, (byte)'\r') >= 0 || bytes.StartsWith("\uFEFF"u8)) return null;
        // The first line opens the front matter ("---" only); the first fence after it closes it.
        var end = bytes.IndexOf((byte)'\n');
        if (end < 0 || Fence(bytes[..end], "---"u8) != true) return null;
        for (var pos = end + 1; pos < bytes.Length; pos += end + 1)
        {
            end = bytes[pos..].IndexOf((byte)'\n');
            switch (Fence(end < 0 ? bytes[pos..] : bytes.Slice(pos, end), "..."u8))
            {
                case null: return null;
                case true: return end < 0 ? bytes.Length : pos + end + 1;
            }
            if (end < 0) return null;
        }
        return null;
    }

    /// <summary>Whether a line is a fence ("---", or <paramref name="other"/>, with trailing white space); null when only Unicode's white space could tell.</summary>
    private static bool? Fence(ReadOnlySpan<byte> line, ReadOnlySpan<byte> other)
    {
        var trimmed = line.TrimEnd(" \t\v\f"u8);
        if (trimmed.SequenceEqual("---"u8) || trimmed.SequenceEqual(other)) return true;
        var mayBe = line.StartsWith("---"u8) || line.StartsWith(other);
        // A line such as "---" and a no-break space is a fence to the splitter (which trims all
        // white space): such a line, ending in a character beyond ASCII, is left to it.
        return mayBe && trimmed.Length > 3 && trimmed[^1] >= 0x80 ? null : false;
    }
}
