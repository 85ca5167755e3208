using System.Collections.Concurrent;
using ForbedringsAbc.Output;

namespace ForbedringsAbc.DevServer;

/// <summary>
/// The preview's output: pages kept as text, copied files as the path they come from (read when
/// asked for), so a rebuild writes nothing to disk.
/// </summary>
public sealed class PreviewSink : IOutputSink
{
    private readonly ConcurrentDictionary<string, PreviewFile> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, PreviewFile> Files => _files;

    public void WriteText(string path, string text) => _files[path] = new PreviewFile(text, null);

    public void CopyFile(string path, string sourceFile) => _files[path] = new PreviewFile(null, sourceFile);
}

/// <summary>One file of the preview: its text, or the file on disk it is a copy of.</summary>
public sealed record PreviewFile(string? Text, string? SourcePath);
