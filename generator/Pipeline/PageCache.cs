using System.Text;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Output;
using ForbedringsAbc.PostProcessing;
using ForbedringsAbc.Search.Indexing;

namespace ForbedringsAbc.Pipeline;

/// <summary>
/// What a <c>build</c> leaves for the next one, in a file beside the output folder
/// (<c>.site-cache</c> for <c>site/</c>): for every page it wrote, a fingerprint of what the page was
/// made from, the file's size and time, what the page reported, and (a content page) its search
/// words and card. The next build takes a page whose fingerprint and file are unchanged as it is
/// (see <see cref="PageCacheSession"/>). Anything unreadable, from another version of the program
/// or another format, is no cache at all.
/// </summary>
public sealed class PageCache
{
    private const string Magic = "ForbedringsABC page cache";
    private const int Format = 2;

    /// <summary>The fingerprint of everything every page depends on (see <see cref="PageCacheSession.Begin"/>).</summary>
    public UInt128 Site { get; init; }

    /// <summary>Every page written, by its site-relative path.</summary>
    public Dictionary<string, PageRecord> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>Every content page's Markdown as rendered, by content path.</summary>
    public Dictionary<string, BodyRecord> Bodies { get; } = new(StringComparer.Ordinal);

    /// <summary>The words the search records number (a loaded cache's; a new one numbers them in this build's word table).</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <param name="Fingerprint">The site's fingerprint with the text of every page whose body the page shows, and the text of every page those bodies link to.</param>
    /// <param name="Bodies">The content paths of the bodies the page shows (its own, a section's introduction), in order.</param>
    /// <param name="File">The written file's size and time.</param>
    public sealed record PageRecord(UInt128 Fingerprint, string[] Bodies, FileStamp File, Diagnostic[] Diagnostics, OutsideResourceChecker.Finding[] Findings, SearchRecord? Search);

    /// <param name="Targets">The content paths its links and files were looked up as, in order.</param>
    /// <param name="HasFilm">Whether the page has a film of its own (a guide's chapters then get a track file).</param>
    public sealed record BodyRecord(string[] Targets, Diagnostic[] Diagnostics, bool HasFilm);

    /// <param name="Card">The page's search card file.</param>
    /// <param name="Fresh">Its words as this build found them, numbered in this build's word table.</param>
    /// <param name="Stored">Or its words as a loaded cache holds them (a slice of the file), numbered in <see cref="PageCache.Words"/>.</param>
    public sealed record SearchRecord(FileStamp Card, PackedWords? Fresh, ReadOnlyMemory<byte> Stored, int Length)
    {
        public PackedWords Words => Fresh ?? new PackedWords(Stored);
    }

    /// <summary>Where the cache of an output folder lives: beside it, hidden, so it is never published with it.</summary>
    public static string FileFor(string outputDir)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "-cache");
    }

    /// <summary>The cache in <paramref name="file"/>; null when there is none or it cannot be read (a build then makes every page).</summary>
    public static PageCache? Load(string file)
    {
        RemoveLeftovers(file);
        try
        {
            // The whole file in one array, which the collector never moves: each page's words stay
            // a slice of it, not a copy (10,000 pages: ~30 MB).
            var data = File.ReadAllBytes(file);
            using var stream = new MemoryStream(data, writable: false);
            using var reader = new Utf16Reader(stream, data);
            if (reader.ReadString() != Magic || reader.ReadInt32() != Format || reader.ReadString() != ProgramId) return null;
            var limit = stream.Length;
            var words = new string[Count(reader, limit)];
            for (var i = 0; i < words.Length; i++) words[i] = reader.ReadString();
            var cache = new PageCache { Site = ReadHash(reader), Words = words };
            for (var n = Count(reader, limit); n > 0; n--)
            {
                var path = reader.ReadString();
                cache.Bodies[path] = new BodyRecord(Strings(reader, limit), Diagnostics(reader, limit), reader.ReadBoolean());
            }
            for (var n = Count(reader, limit); n > 0; n--)
            {
                var path = reader.ReadString();
                var fingerprint = ReadHash(reader);
                var bodies = Strings(reader, limit);
                var stamp = ReadStamp(reader);
                var diagnostics = Diagnostics(reader, limit);
                var findings = new OutsideResourceChecker.Finding[Count(reader, limit)];
                for (var i = 0; i < findings.Length; i++)
                {
                    findings[i] = new OutsideResourceChecker.Finding(ReadSpan(reader), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadInt32());
                }
                SearchRecord? search = null;
                if (reader.ReadBoolean())
                {
                    var card = ReadStamp(reader);
                    var stored = Slice(stream, data, Count(reader, limit));
                    search = new SearchRecord(card, null, stored, 0);
                    foreach (var w in search.Words)
                    {
                        if ((uint)w.Word >= (uint)words.Length || w.Count <= 0) throw new InvalidDataException("word out of range");
                    }
                    search = search with { Length = reader.ReadInt32() };
                }
                cache.Pages[path] = new PageRecord(fingerprint, bodies, stamp, diagnostics, findings, search);
            }
            return reader.ReadString() == Magic ? cache : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or ArgumentException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the cache to a file of its own beside <paramref name="file"/> (<see cref="Commit"/>
    /// renames it over the old one once the build is published, so a killed build never leaves
    /// half a cache); null when it could not be written.
    /// </summary>
    /// <remarks>Runs beside the search stage: the word table may still grow; only the words numbered when it starts are written (the pages number no others).</remarks>
    public string? Write(string file, WordTable? table)
    {
        var temp = $"{file}.tmp-{Environment.ProcessId}";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new Utf16Writer(stream))
            {
                writer.Write(Magic);
                writer.Write(Format);
                writer.Write(ProgramId);
                var count = table?.Count ?? 0;
                writer.Write7BitEncodedInt(count);
                for (var i = 0; i < count; i++) writer.Write(table![i]);
                WriteHash(writer, Site);
                writer.Write7BitEncodedInt(Bodies.Count);
                foreach (var (path, body) in Bodies.OrderBy(b => b.Key, StringComparer.Ordinal))
                {
                    writer.Write(path);
                    WriteStrings(writer, body.Targets);
                    WriteDiagnostics(writer, body.Diagnostics);
                    writer.Write(body.HasFilm);
                }
                writer.Write7BitEncodedInt(Pages.Count);
                foreach (var (path, page) in Pages.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.Write(path);
                    WriteHash(writer, page.Fingerprint);
                    WriteStrings(writer, page.Bodies);
                    WriteStamp(writer, page.File);
                    WriteDiagnostics(writer, page.Diagnostics);
                    writer.Write7BitEncodedInt(page.Findings.Length);
                    foreach (var f in page.Findings)
                    {
                        WriteSpan(writer, f.Span);
                        writer.Write(f.Url);
                        writer.Write(f.Element);
                        writer.Write(f.Attribute);
                        writer.Write(f.Page);
                        writer.Write(f.Line);
                    }
                    writer.Write(page.Search is not null);
                    if (page.Search is not { } search) continue;
                    WriteStamp(writer, search.Card);
                    // A page's words as they are in memory, packed: one copy, not three calls a word
                    // (this program wrote them, and only this program reads them: see ProgramId).
                    var packed = search.Words.Bytes.Span;
                    writer.Write7BitEncodedInt(packed.Length);
                    writer.Write(packed);
                    writer.Write(search.Length);
                }
                writer.Write(Magic);
            }
            return temp;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No cache is only slower: the next build makes every page. An old cache stays valid
            // for the files it names (each is checked by its size and time before it is used).
            Delete(temp);
            return null;
        }
    }

    /// <summary>Puts a cache <see cref="Write"/> wrote in place of the old one.</summary>
    public static void Commit(string? written, string file)
    {
        if (written is null) return;
        try
        {
            File.Move(written, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Delete(written);
        }
    }


    /// <summary>Removes the half-written caches of killed builds (see <see cref="Write"/>).</summary>
    private static void RemoveLeftovers(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(folder)) return;
        foreach (var leftover in Directory.EnumerateFiles(folder, Path.GetFileName(file) + ".tmp-*")) Delete(leftover);
    }

    /// <summary>Deletes the cache (a build without one, <c>--no-cache</c>, leaves none that could go stale).</summary>
    public static void Delete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left as it is: its files are checked by size and time before they are used.
        }
    }

    /// <summary>
    /// This very program: a cache made by another build of it is not used, since the same input
    /// may now give other pages. Each assembly that makes pages (the generator, Markdig,
    /// YamlDotNet, Scriban, AngleSharp, the hashing, the runtime's own library) by its module id,
    /// which changes with any change to it (a library's assembly version often stays the same
    /// across releases), the runtime's version, and the version of the Unicode library (ICU)
    /// behind normalisation and casing.
    /// </summary>
    private static readonly string ProgramId = string.Join('+',
        new[] { typeof(PageCache), typeof(Markdig.Markdown), typeof(YamlDotNet.Core.Parser), typeof(Scriban.Template), typeof(AngleSharp.Html.Parser.HtmlParser), typeof(System.IO.Hashing.XxHash128), typeof(object) }
            .Select(t => t.Module.ModuleVersionId.ToString("N"))
            .Append(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription)
            .Append($"{System.Globalization.CultureInfo.InvariantCulture.CompareInfo.Version.FullVersion}/{System.Globalization.CultureInfo.InvariantCulture.CompareInfo.Version.SortId}"));

    /// <summary>
    /// Strings as UTF-16, as they are in memory: a message may hold half of a character pair (a
    /// clipped quote), which UTF-8 would replace, and the message read back must equal the one
    /// made (equal messages are reported once).
    /// </summary>
    private sealed class Utf16Writer(Stream stream) : BinaryWriter(stream, Encoding.UTF8)
    {
        public override void Write(string value)
        {
            Write7BitEncodedInt(value.Length);
            Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan()));
        }
    }

    /// <summary>Reads what <see cref="Utf16Writer"/> wrote, straight from the file's bytes.</summary>
    private sealed class Utf16Reader(MemoryStream stream, byte[] data) : BinaryReader(stream, Encoding.UTF8)
    {
        public override string ReadString()
        {
            var length = Read7BitEncodedInt();
            var bytes = Slice(stream, data, length < 0 || length > data.Length / 2 ? -1 : length * 2);
            return new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(bytes.Span));
        }
    }

    private static ReadOnlyMemory<byte> Slice(MemoryStream stream, byte[] data, int length)
    {
        var start = (int)stream.Position;
        if (length < 0 || length > data.Length - start) throw new InvalidDataException("cut short");
        stream.Position = start + length;
        return new ReadOnlyMemory<byte>(data, start, length);
    }

    private static int Count(BinaryReader reader, long limit)
    {
        var n = reader.Read7BitEncodedInt();
        if (n < 0 || n > limit) throw new InvalidDataException("count out of range");
        return n;
    }

    private static string[] Strings(BinaryReader reader, long limit)
    {
        var strings = new string[Count(reader, limit)];
        for (var i = 0; i < strings.Length; i++) strings[i] = reader.ReadString();
        return strings;
    }

    private static void WriteStrings(BinaryWriter writer, string[] strings)
    {
        writer.Write7BitEncodedInt(strings.Length);
        foreach (var s in strings) writer.Write(s);
    }

    private static Diagnostic[] Diagnostics(BinaryReader reader, long limit)
    {
        var diagnostics = new Diagnostic[Count(reader, limit)];
        for (var i = 0; i < diagnostics.Length; i++)
        {
            var severity = (Severity)reader.ReadInt32();
            if (!Enum.IsDefined(severity)) throw new InvalidDataException("unknown severity");
            diagnostics[i] = new Diagnostic(severity, reader.ReadString(), reader.ReadString(), ReadSpan(reader));
        }
        return diagnostics;
    }

    private static void WriteDiagnostics(BinaryWriter writer, Diagnostic[] diagnostics)
    {
        writer.Write7BitEncodedInt(diagnostics.Length);
        foreach (var d in diagnostics)
        {
            writer.Write((int)d.Severity);
            writer.Write(d.Code);
            writer.Write(d.Message);
            WriteSpan(writer, d.Span);
        }
    }

    private static SourceSpan ReadSpan(BinaryReader reader) => new(reader.ReadString(), reader.ReadInt32(), reader.ReadInt32());

    private static void WriteSpan(BinaryWriter writer, SourceSpan span)
    {
        writer.Write(span.File);
        writer.Write(span.Line);
        writer.Write(span.Column);
    }

    private static FileStamp ReadStamp(BinaryReader reader) => new(reader.ReadInt64(), reader.ReadInt64());

    private static void WriteStamp(BinaryWriter writer, FileStamp stamp)
    {
        writer.Write(stamp.Size);
        writer.Write(stamp.Ticks);
    }

    private static UInt128 ReadHash(BinaryReader reader) => new(reader.ReadUInt64(), reader.ReadUInt64());

    private static void WriteHash(BinaryWriter writer, UInt128 hash)
    {
        writer.Write((ulong)(hash >> 64));
        writer.Write((ulong)hash);
    }
}
