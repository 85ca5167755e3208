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
    private Func<MarkdownDocument>? _reparse;

    /// <summary>The Markdown tree; only while it is held (see <see cref="SetAsideBody"/> and <see cref="ReleaseBody"/>).</summary>
    public MarkdownDocument Body
    {
        get => _body ?? throw new InvalidOperationException($"The Markdown tree of {Source.ContentPath} is not held now (set aside or released).");
        init => _body = value;
    }

    /// <summary>
    /// Lets the Markdown tree go until the page is rendered, keeping how to parse it again, in a
    /// build that keeps nothing for a next one: a tree takes twice the memory of the text it is
    /// parsed from, and holding every page's tree from parsing to rendering is most of a large
    /// site's memory. Parsing again gives the same tree.
    /// </summary>
    public void SetAsideBody(Func<MarkdownDocument> reparse)
    {
        _reparse = reparse;
        _body = null;
    }

    /// <summary>Parses the tree again if it was set aside (before the Markdown stage uses it).</summary>
    public void RestoreBody()
    {
        if (_body is null && _reparse is not null) _body = _reparse();
    }

    /// <summary>
    /// Lets the Markdown tree (and the text to parse it from) go once the page is rendered, in a
    /// build that keeps nothing for a next one: nothing reads them later (links into the page use
    /// <see cref="HeadingIds"/>).
    /// </summary>
    public void ReleaseBody()
    {
        _body = null;
        _reparse = null;
    }
}
