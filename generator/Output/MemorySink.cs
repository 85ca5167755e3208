using System.Collections.Concurrent;
using System.Text;

namespace ForbedringsAbc.Output;

/// <summary>Keeps the whole output in memory: for <c>check</c>, tests and the preview server.</summary>
public sealed class MemorySink(bool keepCopies = true) : IOutputSink
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public void WriteText(string path, string text) => WriteText(path, text.AsSpan());

    public void WriteText(string path, ReadOnlySpan<char> text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, bytes);
        _files[path] = bytes;
    }

    public void CopyFile(string path, string sourceFile) =>
        _files[path] = keepCopies ? File.ReadAllBytes(sourceFile) : [];

    public string Text(string path) => Encoding.UTF8.GetString(_files[path]);
}
