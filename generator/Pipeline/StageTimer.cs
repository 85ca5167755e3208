using System.Diagnostics;
using System.Globalization;

namespace ForbedringsAbc.Pipeline;

/// <summary>
/// Wall time, processor time and memory per pipeline stage, for <c>build --timings</c>: what a
/// profile of a build needs first (which stage, waiting or working, and what it keeps alive).
/// </summary>
public sealed class StageTimer
{
    private readonly List<Stage> _stages = [];
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private TimeSpan _pause = GC.GetTotalPauseDuration();
    private int _collections = GC.CollectionCount(0);
    private TimeSpan _jit = System.Runtime.JitInfo.GetCompilationTime();
    private long _allocated = GC.GetTotalAllocatedBytes(precise: false);

    /// <summary>
    /// One stage: its wall time, the processor time of all threads, the time the garbage collector
    /// paused the program and how many collections it made, the time spent compiling code (what
    /// ReadyToRun did not compile ahead), the bytes it allocated (what the collector has to clear and
    /// collect), and the managed heap and the process's resident memory at its end.
    /// </summary>
    public sealed record Stage(string Name, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan GcPause, int Collections, TimeSpan Jit, long AllocatedBytes, long HeapBytes, long ResidentBytes);

    public IReadOnlyList<Stage> Stages => _stages;

    /// <summary>Ends the current stage under <paramref name="name"/> and starts the next.</summary>
    public void Mark(string name)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var pause = GC.GetTotalPauseDuration();
        var collections = GC.CollectionCount(0);
        var jit = System.Runtime.JitInfo.GetCompilationTime();
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        _stages.Add(new Stage(name, _watch.Elapsed, cpu - _cpu, pause - _pause, collections - _collections, jit - _jit,
            allocated - _allocated, GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64));
        _jit = jit;
        _allocated = allocated;
        _cpu = cpu;
        _pause = pause;
        _collections = collections;
        _watch.Restart();
    }

    public IEnumerable<string> Lines() =>
        _stages.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"  {s.Name,-10} {s.Elapsed.TotalMilliseconds,7:0} ms  cpu {s.Cpu.TotalMilliseconds,7:0} ms  gc {s.GcPause.TotalMilliseconds,6:0} ms {s.Collections,4}×  jit {s.Jit.TotalMilliseconds,5:0} ms  alloc {s.AllocatedBytes / 1048576,6} MiB  heap {s.HeapBytes / 1048576,5} MiB  resident {s.ResidentBytes / 1048576,5} MiB"));
}
