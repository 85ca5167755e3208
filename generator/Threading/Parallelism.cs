using System.Runtime.ExceptionServices;

namespace ForbedringsAbc.Threading;

/// <summary>
/// Parallel loops that fail the way the loop written one item after another would: with the
/// first exception itself, not wrapped in an <see cref="AggregateException"/> (the command line
/// names the exception's type and message when the generator fails).
/// </summary>
public static class Parallelism
{
    public static void For(int count, Action<int> body) => Unwrapped(() => Parallel.For(0, count, body));

    public static void ForEach<T>(IEnumerable<T> items, Action<T> body) => Unwrapped(() => Parallel.ForEach(items, body));

    private static void Unwrapped(Action loop)
    {
        try
        {
            loop();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
