namespace ForbedringsAbc.Templates;

/// <summary>
/// A finished page's HTML: either a string, or the rendering thread's own page buffer, which is
/// valid until that thread renders its next page. A plain build writes, checks and indexes each
/// page from the buffer and never makes a string of it; what keeps a page (the preview's cache)
/// asks for <see cref="AsString"/>. <c>default</c> is no page (the templates failed).
/// </summary>
public readonly struct PageHtml
{
    private readonly string? _text;
    private readonly char[]? _chars;
    private readonly int _length;

    private PageHtml(string? text, char[]? chars, int length) => (_text, _chars, _length) = (text, chars, length);

    public static PageHtml Of(string? text) => new(text, null, text?.Length ?? 0);

    /// <summary>The first <paramref name="length"/> characters of a buffer its owner does not touch until the page is used.</summary>
    internal static PageHtml InBuffer(char[] chars, int length) => new(null, chars, length);

    public bool IsNone => _text is null && _chars is null;

    public ReadOnlySpan<char> Span => _text ?? (ReadOnlySpan<char>)_chars.AsSpan(0, _length);

    /// <summary>The HTML as a string (a copy when it is in a buffer); null for no page.</summary>
    public string? AsString() => _text ?? (_chars is null ? null : new string(_chars, 0, _length));

    public override string ToString() => AsString() ?? string.Empty;
}
