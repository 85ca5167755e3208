namespace ForbedringsAbc.Diagnostics;

/// <summary>
/// How a failure of the generator itself is named to the user: the exception's type and message,
/// in brackets after "Intern feil i generatoren". A failure inside a parallel loop arrives wrapped
/// in an <see cref="AggregateException"/>; the exception that happened is named instead.
/// <see cref="OnFile"/> names one on a content file (ABC003), which the run goes on past.
/// </summary>
public static class InternalError
{
    public static string Describe(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: > 0 } aggregate) e = aggregate.InnerExceptions[0];
        return $"({e.GetType().Name}): {e.Message}";
    }

    /// <summary>The message of ABC003 for a failure of the generator while it worked on one content file.</summary>
    public static string OnFile(Exception e) =>
        $"Generatoren feilet på denne filen ({e.GetType().Name}: {e.Message}). Meld fra til nettredaksjonen.";
}
