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

    /// <summary>One stage: its wall time, the processor time of all threads, the managed heap and the process's resident memory at its end.</summary>
    public sealed record Stage(string Name, TimeSpan Elapsed, TimeSpan Cpu, long HeapBytes, long ResidentBytes);

    public IReadOnlyList<Stage> Stages => _stages;

    /// <summary>Ends the current stage under <paramref name="name"/> and starts the next.</summary>
    public void Mark(string name)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        _stages.Add(new Stage(name, _watch.Elapsed, cpu - _cpu, GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64));
        _cpu = cpu;
        _watch.Restart();
    }

    public IEnumerable<string> Lines() =>
        _stages.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"  {s.Name,-10} {s.Elapsed.TotalMilliseconds,7:0} ms  cpu {s.Cpu.TotalMilliseconds,7:0} ms  heap {s.HeapBytes / 1048576,5} MiB  resident {s.ResidentBytes / 1048576,5} MiB"));
}
