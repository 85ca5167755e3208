namespace ForbedringsAbc.DevServer;

/// <summary>
/// Watches the content and template folders and calls back once a burst of changes has settled
/// (editors' programs save in several steps: temporary file, rename, touch), with every path the
/// burst touched, or null when the watcher lost track (its buffer overflowed) and anything may
/// have changed.
/// </summary>
public sealed class ChangeWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly TimeSpan _settle;
    private readonly Lock _lock = new();
    private HashSet<string>? _paths = new(StringComparer.Ordinal);

    public ChangeWatcher(IEnumerable<string> folders, TimeSpan settle, Action<IReadOnlyCollection<string>?> changed)
    {
        _settle = settle;
        _timer = new Timer(_ => changed(Take()), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(Path.GetFullPath(folder))
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => Note(e.FullPath);
            watcher.Created += (_, e) => Note(e.FullPath);
            watcher.Deleted += (_, e) => Note(e.FullPath);
            watcher.Renamed += (_, e) => Note(e.OldFullPath, e.FullPath);
            watcher.Error += (_, _) => LostTrack();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void Note(params string[] paths)
    {
        lock (_lock) _paths?.UnionWith(paths);
        _timer.Change(_settle, Timeout.InfiniteTimeSpan);
    }

    private void LostTrack()
    {
        lock (_lock) _paths = null;
        _timer.Change(_settle, Timeout.InfiniteTimeSpan);
    }

    private HashSet<string>? Take()
    {
        lock (_lock)
        {
            var taken = _paths;
            _paths = new HashSet<string>(StringComparer.Ordinal);
            return taken;
        }
    }

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _timer.Dispose();
    }
}
