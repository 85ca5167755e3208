using System.Diagnostics;
using ForbedringsAbc.Pipeline;

namespace ForbedringsAbc.DevServer;

/// <summary>
/// Rebuilds the preview, one build at a time, with the rebuild cache so only what a change
/// touches is done again. A build with errors keeps the last good files and publishes its
/// diagnostics; every build raises <see cref="Changed"/> so open pages reload.
/// </summary>
public sealed class PreviewBuilder(BuildOptions options, TextWriter log)
{
    private readonly BuildCache _cache = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PreviewState _state = PreviewState.Empty;

    public PreviewState State => Volatile.Read(ref _state);

    /// <summary>Raised after every build with the new state.</summary>
    public event Action<PreviewState>? Changed;

    public async Task<PreviewState> RebuildAsync()
    {
        await _gate.WaitAsync();
        try
        {
            var watch = Stopwatch.StartNew();
            var sink = new PreviewSink();
            BuildResult result;
            try
            {
                result = new BuildPipeline().Run(options, sink, _cache);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.WriteLine($"Intern feil i generatoren ({e.GetType().Name}): {e.Message}");
                return State;
            }
            var previous = State;
            var files = result.Succeeded || previous.Files.Count == 0 ? sink.Files : previous.Files;
            var next = new PreviewState(files, result.Diagnostics, previous.Version + 1);
            Volatile.Write(ref _state, next);
            var (parsed, markdown, html) = _cache.Reused;
            log.WriteLine($"{DateTime.Now:HH:mm:ss} {(result.Succeeded ? "Oppdatert" : "Feil")}: {result.Errors} feil, {result.Warnings} advarsler, {watch.ElapsedMilliseconds} ms (gjenbrukt: {parsed} lest, {markdown} Markdown, {html} sider).");
            foreach (var d in result.Diagnostics) log.WriteLine(d);
            Changed?.Invoke(next);
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }
}
