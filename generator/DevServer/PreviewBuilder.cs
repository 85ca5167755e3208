using ForbedringsAbc.Diagnostics;
using System.Diagnostics;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Pipeline;
using ForbedringsAbc.Search.Format;

namespace ForbedringsAbc.DevServer;

/// <summary>
/// Rebuilds the preview, one build at a time. A save that changed only the body of existing pages
/// rebuilds just those pages (<see cref="PagePatcher"/>), shows them at once, and then writes the
/// search index anew in the background (it is built from the whole site); anything else runs the
/// whole pipeline with the rebuild cache, so only what a change touches is done again. A build
/// with errors keeps the last good files and publishes its diagnostics; every build that changed
/// something raises <see cref="Changed"/> so open pages reload.
/// </summary>
public sealed class PreviewBuilder(BuildOptions options, TextWriter log)
{
    private readonly BuildCache _cache = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _indexLock = new();
    private PreviewState _state = PreviewState.Empty;

    /// <summary>
    /// The last build (good or not) and all of its files: what a one-page rebuild starts from.
    /// <see cref="Number"/> counts builds; <see cref="IndexOf"/> is the number of the build whose
    /// search index the files hold (a one-page rebuild keeps the index it started from).
    /// </summary>
    private sealed record LastBuild(BuildSnapshot Snapshot, IReadOnlyDictionary<string, PreviewFile> Files, bool Succeeded, long Number, long IndexOf);

    private LastBuild? _last;
    private long _builds;
    private bool _indexRunning;
    private bool _indexWanted;

    public PreviewState State => Volatile.Read(ref _state);

    /// <summary>Raised after every build with the new state.</summary>
    public event Action<PreviewState>? Changed;

    /// <summary>Builds after a change to <paramref name="changedPaths"/> (full paths), or after any change when null.</summary>
    public async Task<PreviewState> RebuildAsync(IReadOnlyCollection<string>? changedPaths = null)
    {
        await _gate.WaitAsync();
        try
        {
            var watch = Stopwatch.StartNew();
            BuildResult result;
            IReadOnlyDictionary<string, PreviewFile> files;
            try
            {
                var pages = _last is { } last && changedPaths is not null ? PagesOnly(changedPaths, last.Snapshot) : null;
                var sink = new PreviewSink();
                var patch = pages is null ? null : PagePatcher.TryPatch(_last!.Snapshot, pages, sink, _cache);
                if (patch is { PatchedPages: 0 }) return State;
                if (patch is not null)
                {
                    result = patch;
                    files = Merge(_last!.Files, sink.Files, replaceIndex: false);
                }
                else
                {
                    result = new BuildPipeline().Run(options, sink, _cache);
                    files = sink.Files;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _last = null;
                log.WriteLine($"Intern feil i generatoren {InternalError.Describe(e)}");
                return State;
            }
            var number = ++_builds;
            var indexOf = result.PatchedPages is null ? number : _last!.IndexOf;
            _last = result.Snapshot is { } snapshot ? new LastBuild(snapshot, files, result.Succeeded, number, indexOf) : null;
            var previous = State;
            var next = new PreviewState(result.Succeeded || previous.Files.Count == 0 ? files : previous.Files, result.Diagnostics, previous.Version + 1);
            Volatile.Write(ref _state, next);
            Log(result, watch.ElapsedMilliseconds);
            Changed?.Invoke(next);
            if (result.PatchedPages is not null) ScheduleIndex();
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits until the search index written after one-page rebuilds is in place (for tests and tools).</summary>
    public async Task SearchIndexSettledAsync()
    {
        while (true)
        {
            lock (_indexLock)
            {
                if (!_indexRunning) return;
            }
            await Task.Delay(10);
        }
    }

    private void Log(BuildResult result, long milliseconds)
    {
        var (parsed, markdown, html) = _cache.Reused;
        var what = result.PatchedPages is { } n
            ? $"{n} {(n == 1 ? "side" : "sider")} laget på nytt, søkeindeksen oppdateres i bakgrunnen"
            : $"gjenbrukt: {parsed} lest, {markdown} Markdown, {html} sider";
        log.WriteLine($"{DateTime.Now:HH:mm:ss} {(result.Succeeded ? "Oppdatert" : "Feil")}: {result.Errors} feil, {result.Warnings} advarsler, {milliseconds} ms ({what}).");
        foreach (var d in result.Diagnostics) log.WriteLine(d);
    }

    /// <summary>Asks for the search index to be written from the last build; one run at a time, and one more if asked again meanwhile.</summary>
    private void ScheduleIndex()
    {
        lock (_indexLock)
        {
            _indexWanted = true;
            if (_indexRunning) return;
            _indexRunning = true;
        }
        _ = Task.Run(IndexLoopAsync);
    }

    /// <summary>
    /// How long the preview waits after a one-page rebuild before it writes the search index: an
    /// editor saving again meanwhile gets their page rebuilt without the index's work competing for
    /// the processor, and the index is written once they pause.
    /// </summary>
    public TimeSpan IndexQuietPeriod { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest the index waits for quiet: saves that never pause (an editor's autosave) still get it written.</summary>
    public TimeSpan IndexLongestWait { get; init; } = TimeSpan.FromSeconds(3);

    private async Task IndexLoopAsync()
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            lock (_indexLock)
            {
                if (!_indexWanted)
                {
                    _indexRunning = false;
                    return;
                }
                _indexWanted = false;
            }
            await Task.Delay(IndexQuietPeriod);
            lock (_indexLock)
            {
                // Another save came meanwhile: wait for quiet again, up to the longest wait.
                if (_indexWanted && waiting.Elapsed < IndexLongestWait) continue;
            }
            try
            {
                await WriteIndexAsync();
                waiting.Restart();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.WriteLine($"Intern feil i generatoren da søkeindeksen ble laget {InternalError.Describe(e)}");
            }
        }
    }

    /// <summary>Runs after the search index is written and before it is put in place (tests use it to save meanwhile).</summary>
    internal Func<Task>? BeforeIndexIsPutInPlace { get; init; }

    /// <summary>
    /// Writes the search index of the last build and puts it in place. A one-page rebuild that came
    /// meanwhile still gets it: its files hold an older index still, and it asks for its own next.
    /// A whole build that came meanwhile wrote a newer index, which stays.
    /// </summary>
    private async Task WriteIndexAsync()
    {
        var from = Volatile.Read(ref _last);
        // A whole build since the one-page rebuild that asked for it wrote its own index.
        if (from is null || from.IndexOf >= from.Number) return;
        var watch = Stopwatch.StartNew();
        var sink = new PreviewSink();
        PagePatcher.WriteSearchIndex(from.Snapshot, sink);
        if (BeforeIndexIsPutInPlace is { } hook) await hook();
        await _gate.WaitAsync();
        try
        {
            if (_last is not { } last || last.IndexOf >= from.Number) return;
            var files = Merge(last.Files, sink.Files, replaceIndex: true);
            _last = last with { Files = files, IndexOf = from.Number };
            // The pages do not change, so open tabs are not reloaded: the next search uses the new index.
            if (last.Succeeded) Volatile.Write(ref _state, State with { Files = files });
            log.WriteLine($"{DateTime.Now:HH:mm:ss} Søkeindeksen er oppdatert ({watch.ElapsedMilliseconds} ms).");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The files of a build with some written anew. When the search index is written anew, its old
    /// shard files go first (they are named by the terms they start at); the pages' cards stay.
    /// </summary>
    private static Dictionary<string, PreviewFile> Merge(IReadOnlyDictionary<string, PreviewFile> files, IReadOnlyDictionary<string, PreviewFile> written, bool replaceIndex)
    {
        var merged = new Dictionary<string, PreviewFile>(files.Count, StringComparer.Ordinal);
        foreach (var (path, file) in files)
        {
            if (!replaceIndex || !IsIndexShard(path)) merged[path] = file;
        }
        foreach (var (path, file) in written) merged[path] = file;
        return merged;
    }

    private static bool IsIndexShard(string path) =>
        path.StartsWith(IndexWriter.Folder, StringComparison.Ordinal) && !path.StartsWith(IndexWriter.Folder + "d/", StringComparison.Ordinal);

    /// <summary>
    /// The content pages a change touched, when it touched nothing else that could matter to the
    /// site; null when the whole pipeline must run (templates, site data, files added, removed or renamed).
    /// </summary>
    private IReadOnlyCollection<string>? PagesOnly(IReadOnlyCollection<string> paths, BuildSnapshot snapshot)
    {
        var root = Path.GetFullPath(options.ContentDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var content = snapshot.Prepared.Content;
        var pages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var full in paths)
        {
            if (!full.StartsWith(root, StringComparison.Ordinal)) return null;
            var relative = full[root.Length..].Replace('\\', '/');
            var parts = relative.Split('/');
            // Hidden files are never content (an editor's swap and backup files).
            if (parts.Any(p => p.StartsWith('.'))) continue;
            if (parts[0] == ContentLoader.DataFolder) return null;
            var isFile = File.Exists(full);
            if (isFile && snapshot.Prepared.Site.ByContentPath.ContainsKey(relative))
            {
                pages.Add(relative);
                continue;
            }
            // A file that came and went within the burst (an editor's temporary file) leaves the site as it was.
            var existed = content.HasAsset(relative) || content.Documents.Any(d => d.ContentPath == relative);
            if (!isFile && !Directory.Exists(full) && !existed) continue;
            return null;
        }
        return pages;
    }
}
