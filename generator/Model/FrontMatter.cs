using ForbedringsAbc.Diagnostics;

namespace ForbedringsAbc.Model;

/// <summary>A lead image: <c>image: {src, alt, caption, credit}</c>.</summary>
public sealed record ImageRef(Located<string> Src, string Alt, string? Caption, string? Credit);

/// <summary>The keys every page may have.</summary>
public sealed record CommonMeta(
    string Title,
    string Summary,
    SourceSpan SummarySpan,
    IReadOnlyList<string> Tags,
    DateOnly? Published,
    DateOnly? Updated,
    bool Draft,
    string? Slug,
    SourceSpan? SlugSpan,
    IReadOnlyList<Located<string>> Aliases,
    ImageRef? Image,
    DateOnly? Reviewed,
    DateOnly? ReviewBy,
    string? Owner)
{
    /// <summary>True when the front matter could not be read at all (already reported): later rules leave the page alone.</summary>
    public bool Unread { get; init; }

    /// <summary>Where each top-level key's value is written, for diagnostics in later stages.</summary>
    public IReadOnlyDictionary<string, SourceSpan> KeySpans { get; init; } = new Dictionary<string, SourceSpan>();

    /// <summary>Where <paramref name="key"/> is written, or the top of the file when it is not.</summary>
    public SourceSpan SpanOf(string key) => KeySpans.TryGetValue(key, out var span) ? span : SummarySpan with { Line = 1, Column = 1 };
}

/// <summary>The keys that depend on the kind of page.</summary>
public abstract record KindMeta;

public sealed record NoKindMeta : KindMeta
{
    public static NoKindMeta Instance { get; } = new();
}

public sealed record MethodMeta(string Phase) : KindMeta;

public sealed record StoryMeta(string Unit, Located<string>? Contact, IReadOnlyList<Located<string>> Methods) : KindMeta;

public sealed record Speaker(string Name, string? Role, string? Org);

public sealed record Chapter(string Time, int Seconds, string Title, IReadOnlyList<Speaker> Speakers);

/// <summary>The film of a guide: an outside link (<c>url</c>) or a file beside the page (<c>src</c>).</summary>
public sealed record Video(string? Title, string? Url, Located<string>? Src, Located<string>? Captions);

public sealed record Resource(string Title, string? Url, string? Note);

public sealed record GuideMeta(
    Video? Video,
    IReadOnlyList<Chapter> Chapters,
    IReadOnlyList<string> Questions,
    string? Event,
    IReadOnlyList<Resource> Resources) : KindMeta;

public sealed record ContactMeta(string Name, string Role, string Unit, string Email, string? Phone) : KindMeta;
