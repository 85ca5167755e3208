using System.Text;
using ForbedringsAbc.Diagnostics;

namespace ForbedringsAbc.Loading;

/// <summary>
/// Reads one text file an editor wrote (a page, a site data file, the synonyms) the one safe way:
/// never more than <see cref="MaxFileBytes"/> bytes (a larger file is refused before it is read,
/// and the read itself stops at the limit, so a file that grows or lies about its size cannot
/// fill the memory), strict UTF-8, no NUL, byte-order mark dropped, CRLF and lone CR made LF.
/// Every problem is a diagnostic; the text is null when the file cannot be used.
/// </summary>
public static class ContentText
{
    /// <summary>The largest text file accepted (a page is never this long; see docs/diagnostics.md, ABC002).</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="knownLength">The file's size when the caller already has it (from listing the folder); asked of the file otherwise.</param>
    public static string? Read(string file, string display, DiagnosticBag diagnostics, long? knownLength = null) =>
        Read(file, display, diagnostics, knownLength, static (bytes, display, diagnostics) => Decode(bytes, display, diagnostics));

    /// <summary>
    /// <see cref="Read"/>, handing the file's bytes (not yet checked as UTF-8) to
    /// <paramref name="use"/>, which decodes them (<see cref="Decode"/>) or keeps what it needs;
    /// the buffer is the reader's again once it returns.
    /// </summary>
    public static T? Read<T>(string file, string display, DiagnosticBag diagnostics, long? knownLength, Func<ReadOnlySpan<byte>, string, DiagnosticBag, T?> use) where T : class
    {
        byte[]? buffer = null;
        try
        {
            var length = knownLength ?? SizeOf(new FileInfo(file));
            // A FIFO or device reports length 0: it is read as empty rather than waited on.
            if (length == 0) return use([], display, diagnostics);
            if (length > MaxFileBytes)
            {
                TooLarge(length, display, diagnostics);
                return null;
            }
            // No read-ahead hint (FileOptions.SequentialScan): a page is read in one or two calls, and the hint is one more system call a file.
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            // Read to the end, also when the file grew since its size was taken, but never more than
            // one byte past the limit (that byte is enough to refuse it).
            buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)length + 1);
            var read = 0;
            int n;
            while (read <= MaxFileBytes && (n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)Math.Min(buffer.Length, MaxFileBytes + 1) - read), read)) > 0)
            {
                read += n;
                if (read == buffer.Length && read <= MaxFileBytes)
                {
                    var larger = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, MaxFileBytes + 1));
                    buffer.AsSpan(0, read).CopyTo(larger);
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            if (read > MaxFileBytes)
            {
                TooLarge(read, display, diagnostics);
                return null;
            }
            return use(buffer.AsSpan(0, read), display, diagnostics);
        }
        catch (IOException e)
        {
            diagnostics.Report(Rules.UnreadableFile, SourceSpan.WholeFile(display), $"Filen kan ikke leses: {e.Message}");
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            diagnostics.Report(Rules.UnreadableFile, SourceSpan.WholeFile(display), "Filen kan ikke leses (mangler tilgang).");
            return null;
        }
        finally
        {
            if (buffer is not null) System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The size of what reading the file gives: for a symbolic link, the size of the file it leads
    /// to (the link's own size is the length of the path it holds).
    /// </summary>
    /// A link that leads nowhere gives its own size: opening it then fails, and that is reported.
    public static long SizeOf(FileInfo file)
    {
        if (!file.Attributes.HasFlag(FileAttributes.ReparsePoint)) return file.Length;
        try
        {
            return file.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target ? target.Length : file.Length;
        }
        catch (IOException)
        {
            return file.Length;
        }
    }

    private static void TooLarge(long length, string display, DiagnosticBag diagnostics)
    {
        var size = length > MaxFileBytes * 2 ? $"{length / 1024 / 1024.0:0.0} MB" : "over " + MaxFileBytes / 1024 / 1024 + " MB";
        diagnostics.Report(Rules.FileTooLarge, SourceSpan.WholeFile(display),
            $"Filen er {size}. En fil kan være høyst {MaxFileBytes / 1024 / 1024} MB; del den opp eller flytt store vedlegg ut.".Replace(',', '.'));
    }

    /// <summary>The text of a file's bytes: strict UTF-8, no NUL, byte-order mark dropped, line ends made LF; null (and reported) when it cannot be used.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string display, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var (line, col) = LineOf(bytes, e.Index);
            diagnostics.Report(Rules.UnreadableFile, new SourceSpan(display, line, col),
                "Filen er ikke gyldig UTF-8. Lagre den som UTF-8 i redigeringsprogrammet.");
            return null;
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var (line, col) = LineOf(text.AsSpan(0, nul));
            diagnostics.Report(Rules.UnreadableFile, new SourceSpan(display, line, col),
                "Filen inneholder et NUL-tegn (binærdata). Er det riktig fil?");
            return null;
        }
        return NormalizeNewlines(text);
    }

    /// <summary>CRLF and lone CR become LF; the number of lines is unchanged.</summary>
    public static string NormalizeNewlines(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;

    private static (int Line, int Column) LineOf(ReadOnlySpan<byte> bytes, int index)
    {
        index = Math.Clamp(index, 0, bytes.Length);
        var before = bytes[..index];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (1 + before.Count((byte)'\n'), index - lineStart + 1);
    }

    /// <summary>The line and column just after <paramref name="before"/> (the text before the place).</summary>
    private static (int Line, int Column) LineOf(ReadOnlySpan<char> before)
    {
        var lineStart = before.LastIndexOf('\n') + 1;
        return (1 + before.Count('\n'), before.Length - lineStart + 1);
    }
}
