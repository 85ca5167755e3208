using System.Collections.Concurrent;
using System.Text;
using ForbedringsAbc.Search.Analysis;

namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// Turns one rendered page into an <see cref="IndexedPage"/>: extracts the text of &lt;main&gt;,
/// counts its words (weighted by heading level; the h1 is the title) and keeps the text an
/// excerpt is cut from. Thread-safe: pages are analysed in parallel while they are rendered.
/// Words are interned across pages, so ten thousand pages share one copy of each word.
/// </summary>
public sealed class PageAnalyzer(SearchAnalyzer analyzer)
{
    public const int MaxExcerptChars = 1200;
    public const int TitleWeight = 7;

    private readonly HtmlTextExtractor _extractor = new();
    private readonly Tokenizer _tokenizer = new();
    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);

    public IndexedPage Analyze(PageFacts facts, string html)
    {
        var blocks = _extractor.Extract(html);
        var words = new Dictionary<string, WordStat>(StringComparer.Ordinal);
        var length = 0;
        var lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var block in blocks)
        {
            var text = analyzer.Normalize(block.Text);
            _tokenizer.Tokenize(text, (start, count) =>
            {
                var span = text.AsSpan(start, count);
                if (!lookup.TryGetValue(span, out var token)) token = _pool.GetOrAdd(span.ToString(), static s => s);
                if (analyzer.IsStopWord(token)) return;
                length++;
                ref var stat = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(words, token, out _);
                stat.Weight += block.Weight;
                stat.Count++;
                if (block.Weight >= TitleWeight) stat.InTitle = true;
            });
        }
        return new IndexedPage(facts.Id, facts.Path, facts.Title, facts.KindKey, facts.KindLabel, facts.Phase, facts.Tags,
            ExcerptText(blocks), [.. words], length);
    }

    /// <summary>The page's text below the title, one block a line, cut at a word near <see cref="MaxExcerptChars"/>.</summary>
    private static string ExcerptText(List<TextBlock> blocks)
    {
        var sb = new StringBuilder();
        foreach (var block in blocks.Where(b => b.Weight < TitleWeight))
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(block.Text);
            if (sb.Length >= MaxExcerptChars) break;
        }
        if (sb.Length <= MaxExcerptChars) return sb.ToString();
        var cut = sb.ToString(0, MaxExcerptChars);
        var space = cut.LastIndexOf(' ');
        return space > MaxExcerptChars / 2 ? cut[..space] : cut;
    }
}
