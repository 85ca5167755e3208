using System.Diagnostics;
using System.Globalization;

namespace ForbedringsAbc.Pipeline;

/// <summary>Wall time per pipeline stage, for <c>build --timings</c>.</summary>
public sealed class StageTimer
{
    private readonly List<(string Stage, TimeSpan Elapsed)> _stages = [];
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages => _stages;

    /// <summary>Ends the current stage under <paramref name="name"/> and starts the next.</summary>
    public void Mark(string name)
    {
        _stages.Add((name, _watch.Elapsed));
        _watch.Restart();
    }

    public IEnumerable<string> Lines() =>
        _stages.Select(s => $"  {s.Stage,-10} {s.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture),7} ms");
}
