namespace ForbedringsAbc.Pipeline;

/// <summary>What to build from where: the folders, the public base URL (for sitemap and feed), drafts or not.</summary>
/// <remarks><paramref name="DisplayBase"/>: paths in diagnostics are shown relative to it (default: the working directory).
/// <paramref name="Today"/>: the date rules on future dates and reviews compare with (default: the clock).</remarks>
public sealed record BuildOptions(string ContentDir, string TemplatesDir, string OutputDir, Uri? BaseUrl, bool IncludeDrafts, string? DisplayBase = null, DateOnly? Today = null)
{
    public Loading.PathDisplay Display => DisplayBase is null ? Loading.PathDisplay.Current : new Loading.PathDisplay(DisplayBase);

    /// <summary>The date the rules compare with now: <see cref="Today"/>, or the clock's.</summary>
    public DateOnly TodayOrClock() => Today ?? DateOnly.FromDateTime(DateTime.Now);
}
