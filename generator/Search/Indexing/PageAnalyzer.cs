using System.Text;
using ForbedringsAbc.Search.Analysis;

namespace ForbedringsAbc.Search.Indexing;

/// <summary>
/// Turns one rendered page into an <see cref="IndexedPage"/>: extracts the text of &lt;main&gt;,
/// counts its words (weighted by heading level; the h1 is the title) and keeps the text an
/// excerpt is cut from. Thread-safe: pages are analysed in parallel while they are rendered.
/// Words are numbered across pages (<see cref="Words"/>), so ten thousand pages share one copy of
/// each word and keep only its number.
/// </summary>
public sealed class PageAnalyzer
{
    public const int MaxExcerptChars = 1200;
    public const int TitleWeight = 7;

    private readonly SearchAnalyzer _analyzer;
    private readonly HtmlTextExtractor _extractor = new();

    public PageAnalyzer(SearchAnalyzer analyzer)
    {
        _analyzer = analyzer;
        Words = new WordTable(analyzer.IsStopWord);
    }

    /// <summary>The words of the pages analysed; the numbers in their <see cref="IndexedPage.Words"/>.</summary>
    public WordTable Words { get; }

    /// <summary>One page's words and their stats, summed on this thread's own table (emptied for each page).</summary>
    [ThreadStatic]
    private static Dictionary<int, WordStat>? _accumulator;

    /// <summary>This thread's buffer for a block's folded text.</summary>
    [ThreadStatic]
    private static char[]? _scratch;

    public IndexedPage Analyze(PageFacts facts, string html)
    {
        var blocks = _extractor.Extract(html);
        var words = _accumulator ??= [];
        words.Clear();
        var length = 0;
        foreach (var block in blocks)
        {
            var text = _analyzer.Normalize(block.Text, ref _scratch);
            var title = block.Weight >= TitleWeight;
            foreach (var (start, count) in Tokenizer.Tokens(text))
            {
                var id = Words.Id(text.Slice(start, count));
                if (id == WordTable.Excluded) continue;
                length++;
                ref var stat = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(words, id, out _);
                stat.Weight += block.Weight;
                stat.Count++;
                if (title) stat.InTitle = true;
            }
        }
        var pageWords = new PageWord[words.Count];
        var i = 0;
        foreach (var (id, stat) in words) pageWords[i++] = new PageWord(id, stat);
        return new IndexedPage(facts.Id, facts.Path, facts.Title, facts.KindKey, facts.KindLabel, facts.Phase, facts.Tags,
            ExcerptText(blocks), Words, pageWords, length);
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
