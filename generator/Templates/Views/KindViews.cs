namespace ForbedringsAbc.Templates.Views;

/// <summary>A phase; <c>Path</c> is its own page (if any), <c>MethodsPath</c> its group on the methods page.</summary>
public sealed record PhaseView(string Id, string Slug, string Title, string Question, string? Path, string? MethodsPath, bool Current);

public sealed record ContactCardView(string Name, string Role, string Unit, string Email, string? Phone, string? PhoneHref, string Path);

public sealed record SpeakerView(string Name, string? Role, string? Org);

public sealed record ChapterView(int Number, string Anchor, string Time, int Seconds, string Title, IReadOnlyList<SpeakerView> Speakers)
{
    /// <summary>The start as an ISO 8601 duration, for <c>&lt;time datetime&gt;</c> ("PT1H20M50S").</summary>
    public string DurationIso => $"PT{Seconds / 3600}H{Seconds / 60 % 60}M{Seconds % 60}S";
}

public sealed record QuestionView(int Number, string Anchor, string Text);

public sealed record ResourceView(string Title, string? Url, string? Note);

/// <summary>
/// A guide's film: an outside <c>Url</c> (shown as a link), or a local <c>Src</c> with optional
/// captions and the generated chapters track; all three are site-relative (layouts prefix them with <c>root</c>).
/// </summary>
public sealed record VideoView(string Title, string? Url, string? Src, string? Captions, string? ChaptersTrack);
