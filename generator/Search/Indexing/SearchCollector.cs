using ForbedringsAbc.Model;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Text;

namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// Receives each content page's final HTML from the templates stage as it is rendered (in
/// parallel, nothing re-read from disk) and analyses it at once into an <see cref="IndexedPage"/>;
/// the HTML itself is not kept. One slot per page, so the result does not depend on scheduling.
/// </summary>
public sealed class SearchCollector
{
    private readonly Dictionary<SitePage, int> _slots;
    private readonly IndexedPage?[] _pages;
    private readonly PageAnalyzer _analyzer;
    private readonly Func<SitePage, PageFacts> _facts;

    public SearchCollector(IReadOnlyList<SitePage> pages, PageAnalyzer analyzer, Func<PageKind, string> kindKey, Func<string, string> kindLabel)
    {
        _slots = new Dictionary<SitePage, int>(pages.Count);
        for (var i = 0; i < pages.Count; i++) _slots[pages[i]] = i;
        _pages = new IndexedPage?[pages.Count];
        _analyzer = analyzer;
        _facts = page =>
        {
            var key = kindKey(page.Kind);
            var phase = page.Page.KindMeta is MethodMeta m ? m.Phase : null;
            var tags = page.Meta.Tags.Select(Slugifier.Slugify).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            return new PageFacts(page.OutputPath, page.Meta.Title, key, kindLabel(key), phase, tags);
        };
    }

    /// <summary>Called by the renderer for every content page, from any thread.</summary>
    public void Add(SitePage page, string html)
    {
        if (_slots.TryGetValue(page, out var slot)) _pages[slot] = _analyzer.Analyze(_facts(page), html);
    }

    /// <summary>The pages analysed so far (a page whose template failed is missing).</summary>
    public IReadOnlyList<IndexedPage> Pages => _pages.OfType<IndexedPage>().ToList();
}
