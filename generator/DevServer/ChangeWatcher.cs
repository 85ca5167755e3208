namespace ForbedringsAbc.DevServer;

/// <summary>
/// Watches the content and template folders and calls back once a burst of changes has settled
/// (editors' programs save in several steps: temporary file, rename, touch).
/// </summary>
public sealed class ChangeWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly TimeSpan _settle;

    public ChangeWatcher(IEnumerable<string> folders, TimeSpan settle, Action changed)
    {
        _settle = settle;
        _timer = new Timer(_ => changed(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e) => _timer.Change(_settle, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _timer.Dispose();
    }
}
