using Markdig.Syntax;

namespace ForbedringsAbc.Model;

/// <summary>
/// A content file after parsing: its kind, its typed front matter and its Markdown tree.
/// <see cref="BodyLineOffset"/> is the number of lines above the body (the front matter and
/// its fences), to turn Markdig's 0-based body lines into lines of the file.
/// </summary>
public sealed record ParsedPage(
    SourceDocument Source,
    PageKind Kind,
    string Section,
    CommonMeta Meta,
    KindMeta KindMeta,
    MarkdownDocument Body,
    int BodyLineOffset,
    IReadOnlySet<string> HeadingIds)
{
    /// <summary>A page is an identity, not a value: two pages are the same only if they are one object.</summary>
    public bool Equals(ParsedPage? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    private MarkdownDocument? _body = Body;

    /// <summary>The Markdown tree; only until <see cref="ReleaseBody"/>.</summary>
    public MarkdownDocument Body
    {
        get => _body ?? throw new InvalidOperationException($"The Markdown tree of {Source.ContentPath} was released after rendering.");
        init => _body = value;
    }

    /// <summary>
    /// Lets the Markdown tree go once the page is rendered, in a build that keeps nothing for a
    /// next one: ten thousand trees are most of a build's memory, and nothing reads them later
    /// (links into the page use <see cref="HeadingIds"/>).
    /// </summary>
    public void ReleaseBody() => _body = null;
}
