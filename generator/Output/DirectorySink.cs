using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;

namespace ForbedringsAbc.Output;

/// <summary>Writes files under a folder (the build's temporary folder), creating folders as needed.</summary>
public sealed partial class DirectorySink(string root) : IOutputSink
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, bool> _createdDirs = new(StringComparer.Ordinal);
    private int _count;

    public string Root { get; } = root;

    public int Count => _count;

    /// <summary>When set, the size and time of every file written or reused, by site-relative path (the page cache keeps them).</summary>
    public ConcurrentDictionary<string, FileStamp>? Stamps { get; init; }

    public void WriteText(string path, string text) => WriteText(path, text.AsSpan());

    public void WriteText(string path, ReadOnlySpan<char> text)
    {
        // Encoded into a pooled buffer and written with one call on a plain handle: a build writes
        // tens of thousands of files, and File.WriteAllText also reserves space (fallocate) first.
        // The worst case (3 bytes a character) for a page; the exact size for a large file (a feed, a big list).
        var buffer = ArrayPool<byte>.Shared.Rent(text.Length < 65536 ? Utf8.GetMaxByteCount(text.Length) : Utf8.GetByteCount(text));
        try
        {
            var length = Utf8.GetBytes(text, buffer);
            using var handle = Create(Prepare(path));
            RandomAccess.Write(handle, buffer.AsSpan(0, length), 0);
            if (Stamps is not null) Stamps[path] = new FileStamp(length, File.GetLastWriteTimeUtc(handle).Ticks);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        Interlocked.Increment(ref _count);
    }

    public void CopyFile(string path, string sourceFile)
    {
        File.Copy(sourceFile, Prepare(path), overwrite: true);
        Interlocked.Increment(ref _count);
    }

    /// <summary>
    /// A new file. One that is there already is unlinked first, never written through: it may be a
    /// hard link to a file of the published site (<see cref="Reuse"/>).
    /// </summary>
    private static Microsoft.Win32.SafeHandles.SafeFileHandle Create(string full)
    {
        try
        {
            return File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write);
        }
        catch (IOException) when (File.Exists(full))
        {
            File.Delete(full);
            return File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write);
        }
    }

    /// <summary>Takes back a file put in place (a page whose search card could not be reused is made instead).</summary>
    public void Remove(string path)
    {
        File.Delete(Prepare(path));
        Stamps?.TryRemove(path, out _);
        Interlocked.Decrement(ref _count);
    }

    /// <summary>
    /// Puts a file of the previous build, unchanged, at a site-relative path: a hard link where the
    /// file system allows one (no bytes copied; the previous build's folder is deleted after the
    /// swap, and the file lives on in this one), else a copy.
    /// </summary>
    public void Reuse(string path, string existing, FileStamp stamp)
    {
        var target = Prepare(path);
        if (OperatingSystem.IsWindows() || link(existing, target) != 0)
        {
            File.Copy(existing, target, overwrite: true);
            stamp = FileStamp.Of(target) ?? stamp;
        }
        if (Stamps is not null) Stamps[path] = stamp;
        Interlocked.Increment(ref _count);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int link(string existing, string target);

    private string Prepare(string path)
    {
        if (path.Length == 0 || Path.IsPathRooted(path) || HasEmptyOrDotName(path))
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

    /// <summary>
    /// Whether a name between slashes is empty, "." or ".." (tens of thousands of paths a build: no
    /// array of names). A backslash counts as a slash on every system: on Windows it is one, so
    /// "a\..\..\x" would leave the folder there; on Linux a name with one in it is still refused
    /// only when a part of it is empty or dots.
    /// </summary>
    private static bool HasEmptyOrDotName(string path)
    {
        foreach (var range in path.AsSpan().SplitAny('/', '\\'))
        {
            if (path.AsSpan()[range] is "" or "." or "..") return true;
        }
        return false;
    }
}

/// <summary>A file's size and last write time (UTC ticks): what says a file is still the one a build wrote.</summary>
public readonly record struct FileStamp(long Size, long Ticks)
{
    public static FileStamp? Of(string path) => Of(new FileInfo(path));

    public static FileStamp? Of(FileInfo info) => info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : null;
}
