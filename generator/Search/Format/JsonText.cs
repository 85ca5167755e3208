using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ForbedringsAbc.Search.Format;

/// <summary>Compact JSON for the index's script files: UTF-8 as it is, no indentation, written in the order given.</summary>
public static class JsonText
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>This thread's buffer and writer, reused from one file to the next (a card is written for every page).</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _reused;

    public static string Write(Action<Utf8JsonWriter> write) => Render(string.Empty, write, string.Empty);

    /// <summary>A data file: a classic script that files its JSON under its own path, so it loads from file:// too.</summary>
    public static string DataScript(string key, string json) => string.Concat(ScriptStart(key), json, ScriptEnd);

    /// <summary><see cref="DataScript(string, string)"/> of what <paramref name="write"/> writes, made as one string.</summary>
    public static string DataScript(string key, Action<Utf8JsonWriter> write) => Render(ScriptStart(key), write, ScriptEnd);

    private static string ScriptStart(string key) => $"ABCSOK[\"{key}\"]=";

    private const string ScriptEnd = ";\n";

    private static string Render(string prefix, Action<Utf8JsonWriter> write, string suffix)
    {
        // Taken while in use, so a write inside a write gets buffers of its own.
        var (buffer, writer) = _reused ?? (new ArrayBufferWriter<byte>(1024), new Utf8JsonWriter(Stream.Null, Options));
        _reused = null;
        buffer.ResetWrittenCount();
        Encoding.UTF8.GetBytes(prefix, buffer);
        writer.Reset(buffer);
        write(writer);
        writer.Flush();
        Encoding.UTF8.GetBytes(suffix, buffer);
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        // A buffer grown past 1 MB by a large file (the manifest of a huge site) is let go.
        if (buffer.Capacity <= 1 << 20) _reused = (buffer, writer);
        return text;
    }
}
