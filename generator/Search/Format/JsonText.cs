using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ForbedringsAbc.Search.Format;

/// <summary>Compact JSON for the index's script files: UTF-8 as it is, no indentation, written in the order given.</summary>
public static class JsonText
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options)) write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A data file: a classic script that files its JSON under its own path, so it loads from file:// too.</summary>
    public static string DataScript(string key, string json) => $"ABCSOK[\"{key}\"]={json};\n";
}
