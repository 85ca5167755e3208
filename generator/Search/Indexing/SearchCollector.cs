using System.Security.Cryptography;
using System.Text;
using ForbedringsAbc.Model;
using ForbedringsAbc.Output;
using ForbedringsAbc.Search.Format;
using ForbedringsAbc.Text;

namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// Receives each content page's final HTML from the templates stage as it is rendered (in
/// parallel, nothing re-read from disk), analyses it at once into an <see cref="IndexedPage"/>
/// and writes the page's result card (sok/indeks/d/…) to the sink; the HTML itself is not kept.
/// Pages are numbered in path order up front, one slot each, so nothing depends on scheduling.
/// </summary>
public sealed class SearchCollector
{
    private readonly Dictionary<SitePage, int> _ids;
    private readonly IndexedPage?[] _pages;
    private readonly PageAnalyzer _analyzer;
    private readonly IOutputSink _sink;
    private readonly Func<SitePage, int, PageFacts> _facts;

    public SearchCollector(IReadOnlyList<SitePage> pages, PageAnalyzer analyzer, IOutputSink sink, Func<PageKind, string> kindKey, Func<string, string> kindLabel)
    {
        var ordered = pages.OrderBy(p => p.OutputPath, StringComparer.Ordinal).ToList();
        _ids = new Dictionary<SitePage, int>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++) _ids[ordered[i]] = i;
        _pages = new IndexedPage?[ordered.Count];
        _analyzer = analyzer;
        _sink = sink;
        PageSet = PageSetId(ordered);
        _facts = (page, id) =>
        {
            var key = kindKey(page.Kind);
            var phase = page.Page.KindMeta is MethodMeta m ? m.Phase : null;
            var tags = page.Meta.Tags.Select(Slugifier.Slugify).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            return new PageFacts(id, page.OutputPath, page.Meta.Title, key, kindLabel(key), phase, tags);
        };
    }

    private SearchCollector(SearchCollector from, IOutputSink sink)
    {
        _ids = new Dictionary<SitePage, int>(from._ids);
        _pages = (IndexedPage?[])from._pages.Clone();
        _analyzer = from._analyzer;
        _facts = from._facts;
        PageSet = from.PageSet;
        _sink = sink;
    }

    /// <summary>
    /// A copy with one page analysed again from its new HTML (the preview's one-page rebuild), its
    /// card written to <paramref name="sink"/>; the page keeps its number (same URL, same page set).
    /// </summary>
    public SearchCollector With(SitePage old, SitePage replacement, string html, IOutputSink sink)
    {
        var copy = new SearchCollector(this, sink);
        if (!copy._ids.Remove(old, out var id)) return copy;
        copy._ids[replacement] = id;
        copy.Add(replacement, html);
        return copy;
    }

    /// <summary>Names the numbering: a hash of the pages' paths in order. Cards live under it, so a new numbering never meets old cached cards.</summary>
    public string PageSet { get; }

    public int PageCount => _pages.Length;

    /// <summary>Called by the renderer for every content page, from any thread.</summary>
    public void Add(SitePage page, ReadOnlySpan<char> html)
    {
        if (!_ids.TryGetValue(page, out var id)) return;
        var indexed = _analyzer.Analyze(_facts(page, id), html);
        var path = IndexWriter.CardFile(PageSet, id);
        _sink.WriteText(IndexWriter.Folder + path, IndexWriter.CardScript(path, indexed));
        // The excerpt text is only in the card, written now: the index keeps the words.
        _pages[id] = indexed with { Excerpt = string.Empty };
    }

    /// <summary>The site-relative path of a content page's card; null for a page the index does not have.</summary>
    public string? CardPath(SitePage page) =>
        _ids.TryGetValue(page, out var id) ? IndexWriter.Folder + IndexWriter.CardFile(PageSet, id) : null;

    /// <summary>What the index keeps of a page analysed in this build; null before it is.</summary>
    public IndexedPage? Indexed(SitePage page) => _ids.TryGetValue(page, out var id) ? Volatile.Read(ref _pages[id]) : null;

    /// <summary>
    /// A page analysed in an earlier build, whose HTML and card are unchanged (the page cache):
    /// its words and their stats as that build found them. The caller puts the card in place.
    /// </summary>
    public void Restore(SitePage page, PackedWords words, Func<int, string> wordOf, int length)
    {
        if (!_ids.TryGetValue(page, out var id)) return;
        var facts = _facts(page, id);
        var table = Words;
        var packer = new PackedWords.Packer();
        foreach (var w in words) packer.Add(table.Id(wordOf(w.Word)), new WordStat { Weight = w.Weight, Count = w.Count, InTitle = w.InTitle });
        _pages[id] = new IndexedPage(facts.Id, facts.Path, facts.Title, facts.KindKey, facts.KindLabel, facts.Phase, facts.Tags,
            string.Empty, table, packer.ToPacked(), length);
    }

    /// <summary>The word table the pages' words are numbered in.</summary>
    public WordTable Words => _analyzer.Words;

    /// <summary>The pages analysed so far, in number order (a page whose template failed is missing).</summary>
    public IReadOnlyList<IndexedPage> Pages => _pages.OfType<IndexedPage>().ToList();

    private static string PageSetId(List<SitePage> ordered)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var page in ordered) hash.AppendData(Encoding.UTF8.GetBytes(page.OutputPath + "\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..10];
    }
}
