using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Model;
using ForbedringsAbc.Output;
using ForbedringsAbc.PostProcessing;
using ForbedringsAbc.Search.Indexing;
using ForbedringsAbc.Templates;

namespace ForbedringsAbc.Pipeline;

/// <summary>
/// One <c>build</c> with the page cache: takes from the previous build every page nothing it was
/// made from has changed in, and records this build's pages for the next.
/// </summary>
/// <remarks>
/// <para>
/// What a page is made from, and how it is told unchanged:
/// <list type="bullet">
/// <item>The site (<see cref="Begin"/>): this program and the libraries that make pages (see
/// <c>PageCache.ProgramId</c>), the templates, site data and options (as for the preview's
/// cache), today's date, the folder messages name files from, every content file's path and
/// front matter, every other file's path and size, and each stylesheet's text. Lists, menus,
/// related pages, titles and URLs come from these, so any change to them makes every page
/// again.</item>
/// <item>The bodies a page shows (its own; a section's introduction on its list pages), and for
/// each, the text of every page it links to (their headings are its anchors' targets; a link to
/// a folder is to its _index.md): hashed into the page's fingerprint.</item>
/// <item>The file the previous build wrote, by its size, time and permissions: a file changed or
/// removed in the output folder since, or one a new file would not get the permissions of, is
/// made again.</item>
/// </list>
/// A page taken as it is is hard-linked into the new build (copied where links cannot be made),
/// and its diagnostics, outside-resource findings and search words are handed on as the page
/// itself would have made them, so the output and the messages are those of a clean build (a
/// test compares both).
/// </para>
/// </remarks>
/// <param name="loading">The previous build's cache, being read (beside the first stages) or read.</param>
/// <param name="file">Where the cache lives (<see cref="PageCache.FileFor"/>).</param>
public sealed class PageCacheSession(Task<PageCache?> loading, string previousSite, DirectorySink sink, string file) : IPageReuse
{
    private Task<string?>? _writing;

    private PageCache? _previous;
    private readonly ConcurrentDictionary<string, (UInt128 Text, UInt128 Head)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PageCache.PageRecord> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PageCache.BodyRecord> _bodies = new(StringComparer.Ordinal);
    private UInt128 _site;
    private bool _sameSite;
    private DiagnosticBag _diagnostics = new();
    private Func<string, string?> _pageOf = _ => null;
    private OutsideResourceChecker? _resources;
    private SearchCollector? _search;
    private int _reused;

    /// <summary>How many pages were taken from the previous build.</summary>
    public int Reused => _reused;

    /// <summary>
    /// Parse stage: a content file's text, the line its body starts after (all before it is
    /// front matter), and the body as UTF-8 when the text is only the front matter
    /// (<see cref="StreamedDocument"/>). A file is always read the same one of the two ways, so
    /// its hash is the same from build to build; which way is hashed too, so that a file read one
    /// way never hashes like a different file read the other (the UTF-16 of a CJK letter can be
    /// the bytes of two ASCII letters).
    /// </summary>
    public void Saw(SourceDocument doc, int bodyLineOffset, ReadOnlyMemory<byte>? body)
    {
        var text = doc.Text.AsSpan();
        var head = 0;
        for (var line = 0; line < bodyLineOffset && head < text.Length; line++)
        {
            var next = text[head..].IndexOf('\n');
            head = next < 0 ? text.Length : head + next + 1;
        }
        var whole = new XxHash128();
        whole.Append([body is null ? (byte)0 : (byte)1]);
        whole.Append(MemoryMarshal.AsBytes(text));
        if (body is { } bytes) whole.Append(bytes.Span);
        _files[doc.ContentPath] = (whole.GetCurrentHashAsUInt128(), Hash(text[..head]));
    }

    /// <summary>Start of the templates stage: the site's fingerprint, and where a page taken from the cache hands on what it found.</summary>
    /// <param name="context">The templates, site data and options (<see cref="CacheContext"/>), today's date, and the folder messages name files from.</param>
    /// <param name="pageOf">The content path of the page a link target is (a folder's link is its _index.md), or null.</param>
    public void Begin(string context, ContentSet content, DiagnosticBag diagnostics, OutsideResourceChecker resources, SearchCollector? search, Func<string, string?> pageOf)
    {
        _pageOf = pageOf;
        var hash = new XxHash128();
        Add(hash, context);
        Add(hash, search is null ? "no search" : "search");
        foreach (var (path, file) in _files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Add(hash, path);
            Add(hash, file.Head);
        }
        foreach (var (path, size) in content.AssetSizes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Add(hash, path);
            Add(hash, (UInt128)(ulong)size);
            // A stylesheet's URLs decide which outside-resource findings on pages are its own.
            if (path.EndsWith(".css", StringComparison.OrdinalIgnoreCase)) Add(hash, XxHash128.HashToUInt128(File.ReadAllBytes(content.FullPath(path))));
        }
        _site = hash.GetCurrentHashAsUInt128();
        _previous = loading.Result;
        _sameSite = _previous is not null && _previous.Site == _site;
        (_diagnostics, _resources, _search) = (diagnostics, resources, search);
    }

    public bool TryReuse(string output, SitePage? page)
    {
        var previous = _previous;
        if (!_sameSite || !previous!.Pages.TryGetValue(output, out var record)) return false;
        if (Fingerprint(output, record.Bodies, previous.Bodies) != record.Fingerprint || !Unchanged(output, record.File)) return false;
        string? card = null;
        if (page is not null && _search is not null)
        {
            card = _search.CardPath(page);
            if (record.Search is null || card is null || !Unchanged(card, record.Search.Card)) return false;
        }
        // The previous build's files can go while this one runs (another build into the same
        // folder swapped it away): the page is then made.
        if (!TryPut(output, record.File)) return false;
        if (card is not null)
        {
            if (!TryPut(card, record.Search!.Card))
            {
                sink.Remove(output);
                return false;
            }
            _search!.Restore(page!, record.Search.Words, id => previous.Words[id], record.Search.Length);
            record = record with { Search = record.Search with { Fresh = _search.Indexed(page!)!.Words, Stored = default } };
        }
        _diagnostics.AddRange(record.Diagnostics);
        foreach (var body in record.Bodies)
        {
            var carried = previous.Bodies[body];
            _diagnostics.AddRange(carried.Diagnostics);
            _bodies.TryAdd(body, carried);
        }
        _resources!.Add(record.Findings);
        _pages[output] = record;
        Interlocked.Increment(ref _reused);
        return true;
    }

    /// <summary>A content page's Markdown as this build rendered it, with what it reported.</summary>
    public void BodyRendered(RenderedPage rendered, IReadOnlyList<Diagnostic> diagnostics) =>
        _bodies[rendered.Site.ContentPath] = new PageCache.BodyRecord(
            // A link to a folder (metoder/, or ../ for the front page) reads that folder's _index.md.
            rendered.Links.Targets.Select(t => _pageOf(t) ?? t).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            [.. diagnostics], rendered.Links.VideoUrl is not null);

    public void Rendered(string output, SitePage? page, IReadOnlyList<object> madeFrom, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<OutsideResourceChecker.Finding> findings)
    {
        var bodies = madeFrom.OfType<ParsedPage>().Select(p => p.Source.ContentPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (Fingerprint(output, bodies, _bodies) is not { } fingerprint || sink.Stamps?.TryGetValue(output, out var stamp) != true) return;
        PageCache.SearchRecord? search = null;
        if (page is not null && _search is not null)
        {
            if (_search.Indexed(page) is not { } indexed || _search.CardPath(page) is not { } card || !sink.Stamps.TryGetValue(card, out var cardStamp)) return;
            search = new PageCache.SearchRecord(cardStamp, indexed.Words, default, indexed.Length);
        }
        _pages[output] = new PageCache.PageRecord(fingerprint, bodies, stamp, [.. diagnostics], [.. findings], search);
    }

    /// <summary>Whether a page's body was rendered or taken from the cache in this build.</summary>
    public bool HasBody(SitePage page) => _bodies.ContainsKey(page.ContentPath);

    /// <summary>Whether a page whose body this build has has a film of its own; null when it has not the body.</summary>
    public bool? HasFilm(SitePage page) => _bodies.TryGetValue(page.ContentPath, out var body) ? body.HasFilm : null;

    /// <summary>
    /// End of the templates stage: every page is made or taken, so the cache for the next build
    /// is known. It is written beside the cache file while the search index is built, and put in
    /// place by <see cref="Commit"/> once the build is published.
    /// </summary>
    public void StartWriting() => _writing = Task.Run(() =>
    {
        var cache = new PageCache { Site = _site };
        foreach (var (path, page) in _pages) cache.Pages[path] = page;
        foreach (var (path, body) in _bodies) cache.Bodies[path] = body;
        return cache.Write(file, _search?.Words);
    });

    /// <summary>The build is published: its cache replaces the previous one.</summary>
    public void Commit() => PageCache.Commit(_writing?.Result, file);

    /// <summary>The build is not published: the previous cache stays (it still names the files in the output folder).</summary>
    public void Discard()
    {
        if (_writing is null) return;
        try
        {
            if (_writing.Result is { } written) PageCache.Delete(written);
        }
        catch (AggregateException)
        {
            // The cache was not written; nothing to remove.
        }
    }

    /// <summary>
    /// The fingerprint of a page made from <paramref name="bodies"/>; null when one of them, or
    /// what it links to, is unknown (the page is then not cached).
    /// </summary>
    private UInt128? Fingerprint<T>(string output, string[] bodies, T records) where T : IReadOnlyDictionary<string, PageCache.BodyRecord>
    {
        var hash = new XxHash128();
        Add(hash, _site);
        Add(hash, output);
        foreach (var body in bodies)
        {
            if (!_files.TryGetValue(body, out var file) || !records.TryGetValue(body, out var record)) return null;
            Add(hash, body);
            Add(hash, file.Text);
            foreach (var target in record.Targets)
            {
                Add(hash, target);
                Add(hash, _files.TryGetValue(target, out var linked) ? linked.Text : UInt128.Zero);
            }
        }
        return hash.GetCurrentHashAsUInt128();
    }

    private string Old(string path) => Path.Combine(previousSite, path);

    private bool TryPut(string path, FileStamp stamp)
    {
        try
        {
            sink.Reuse(path, Old(path), stamp);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the previous build's file is still the one it wrote: same size and time. A time in
    /// whole seconds is not trusted (a file system that keeps no finer times could give a file
    /// rewritten in the same second the same stamp). On Unix it must also have the permissions a
    /// file written now gets (a hard link keeps the old ones: a build run with another umask, so
    /// that the web server may read the site, must not keep unreadable pages).
    /// </summary>
    private bool Unchanged(string path, FileStamp stamp)
    {
        if (stamp.Ticks % TimeSpan.TicksPerSecond == 0) return false;
        var info = new FileInfo(Old(path));
        return FileStamp.Of(info) == stamp
            && (OperatingSystem.IsWindows() || info.UnixFileMode == _newFileMode.Value);
    }

    /// <summary>What a new file gets: the build's folder was made just now with the same umask (folders start from rwx, files from rw).</summary>
    private readonly Lazy<UnixFileMode> _newFileMode = new(() => OperatingSystem.IsWindows()
        ? default
        : File.GetUnixFileMode(sink.Root) & (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite));

    private static UInt128 Hash(ReadOnlySpan<char> text) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text));

    private static void Add(XxHash128 hash, string text)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, text.Length);
        hash.Append(length);
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private static void Add(XxHash128 hash, UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(bytes, value);
        hash.Append(bytes);
    }
}
