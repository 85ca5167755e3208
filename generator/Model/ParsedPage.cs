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
    private IReadOnlySet<string>? _headingIds = HeadingIds;
    private Func<Diagnostics.DiagnosticBag, (MarkdownDocument Tree, IReadOnlySet<string> HeadingIds)>? _parse;

    /// <summary>The Markdown tree; only while it is held (see <see cref="DeferBody"/> and <see cref="ReleaseBody"/>).</summary>
    public MarkdownDocument Body
    {
        get => _body ?? throw new InvalidOperationException($"The Markdown tree of {Source.ContentPath} is not held now (deferred or released).");
        init => _body = value;
    }

    /// <summary>
    /// The ids of the body's headings (links from other pages may point at them). A page whose body
    /// is deferred finds them when it is parsed, or, if a link asks first, by parsing its body
    /// once for them alone (anchor links are rare; the tree of that parse is not kept).
    /// </summary>
    public IReadOnlySet<string> HeadingIds
    {
        get
        {
            if (Volatile.Read(ref _headingIds) is { } ids) return ids;
            // The page's own stage may have parsed and released the body since the read above;
            // it found the ids before it let the parse go.
            if (Volatile.Read(ref _parse) is not { } parse)
            {
                return Volatile.Read(ref _headingIds) ?? throw new InvalidOperationException($"The heading ids of {Source.ContentPath} were never found.");
            }
            IReadOnlySet<string> found;
            try
            {
                // Its messages are the page's own Markdown stage's to give, once.
                found = parse(new Diagnostics.DiagnosticBag()).HeadingIds;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The same failure is the page's own ABC003 when its stage parses it; links see no headings.
                found = new HashSet<string>();
            }
            return Interlocked.CompareExchange(ref _headingIds, found, null) ?? found;
        }
        init => _headingIds = value;
    }

    /// <summary>
    /// Leaves the body unparsed until the page is rendered, in a build that keeps nothing for a
    /// next one: the Markdown stage parses it then (<see cref="ParseBody"/>), once, and only that
    /// tree is ever made, so no page's tree is held from parsing to rendering and no body is
    /// parsed twice. <paramref name="parse"/> reports the body's own problems (too deep) to the
    /// bag it is given and gives the same tree and ids every time.
    /// </summary>
    public void DeferBody(Func<Diagnostics.DiagnosticBag, (MarkdownDocument Tree, IReadOnlySet<string> HeadingIds)> parse)
    {
        _parse = parse;
        _body = null;
        _headingIds = null;
    }

    /// <summary>Parses a deferred body (before the Markdown stage uses it), reporting its problems to <paramref name="diagnostics"/>.</summary>
    public void ParseBody(Diagnostics.DiagnosticBag diagnostics)
    {
        if (_body is not null || _parse is null) return;
        var (tree, ids) = _parse(diagnostics);
        _body = tree;
        Interlocked.CompareExchange(ref _headingIds, ids, null);
    }

    /// <summary>
    /// Lets the Markdown tree (and the text to parse it from) go once the page is rendered, in a
    /// build that keeps nothing for a next one: nothing reads them later (links into the page use
    /// <see cref="HeadingIds"/>, found by then).
    /// </summary>
    public void ReleaseBody()
    {
        if (_parse is not null && Volatile.Read(ref _headingIds) is null) _ = HeadingIds;
        _body = null;
        Volatile.Write(ref _parse, null);
    }
}
