using System.Collections.Concurrent;
using System.Text;

namespace ForbedringsAbc.Output;

/// <summary>Writes files under a folder (the build's temporary folder), creating folders as needed.</summary>
public sealed class DirectorySink(string root) : IOutputSink
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, bool> _createdDirs = new(StringComparer.Ordinal);
    private int _count;

    public string Root { get; } = root;

    public int Count => _count;

    public void WriteText(string path, string text)
    {
        File.WriteAllText(Prepare(path), text, Utf8);
        Interlocked.Increment(ref _count);
    }

    public void CopyFile(string path, string sourceFile)
    {
        File.Copy(sourceFile, Prepare(path), overwrite: true);
        Interlocked.Increment(ref _count);
    }

    private string Prepare(string path)
    {
        if (path.Length == 0 || Path.IsPathRooted(path) || path.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new InvalidOperationException($"Refusing to write outside the output folder: '{path}'.");
        }
        var full = Path.Combine(Root, path);
        var dir = Path.GetDirectoryName(full)!;
        // Mark the folder as made only after it is made: another thread may be writing beside it.
        if (!_createdDirs.ContainsKey(dir))
        {
            Directory.CreateDirectory(dir);
            _createdDirs[dir] = true;
        }
        return full;
    }
}
