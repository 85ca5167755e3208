namespace ForbedringsAbc.DevServer;

/// <summary>Lets any number of waiting event streams wake up when a new build is published.</summary>
public sealed class VersionSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Publish(int version)
    {
        var previous = Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }

    /// <summary>Waits until a build newer than <paramref name="known"/> is published, or the timeout.</summary>
    public async Task WaitAsync(int known, TimeSpan timeout, CancellationToken cancel)
    {
        _ = known;
        var next = Volatile.Read(ref _next).Task;
        await Task.WhenAny(next, Task.Delay(timeout, cancel));
        cancel.ThrowIfCancellationRequested();
    }
}
