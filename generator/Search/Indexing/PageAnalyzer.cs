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

    public IndexedPage Analyze(PageFacts facts, ReadOnlySpan<char> html)
    {
        var text = _extractor.Scan(html);
        var words = _accumulator ??= [];
        words.Clear();
        var length = 0;
        for (var b = 0; b < text.Count; b++)
        {
            var normalized = _analyzer.Normalize(text.Text(b), ref _scratch);
            var weight = text.Weight(b);
            var title = weight >= TitleWeight;
            foreach (var (start, count) in Tokenizer.Tokens(normalized))
            {
                var id = Words.Id(normalized.Slice(start, count));
                if (id == WordTable.Excluded) continue;
                length++;
                ref var stat = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(words, id, out _);
                stat.Weight += weight;
                stat.Count++;
                if (title) stat.InTitle = true;
            }
        }
        var packer = new PackedWords.Packer();
        foreach (var (id, stat) in words) packer.Add(id, stat);
        return new IndexedPage(facts.Id, facts.Path, facts.Title, facts.KindKey, facts.KindLabel, facts.Phase, facts.Tags,
            ExcerptText(text), Words, packer.ToPacked(), length);
    }

    /// <summary>This thread's buffer for an excerpt.</summary>
    [ThreadStatic]
    private static char[]? _excerpt;

    /// <summary>The page's text below the title, one block a line, cut at a word near <see cref="MaxExcerptChars"/>.</summary>
    private static string ExcerptText(HtmlTextExtractor.PageText text)
    {
        // Only the first MaxExcerptChars + 1 characters are needed: the one past the limit says the text goes on.
        var buffer = _excerpt ??= new char[MaxExcerptChars + 1];
        var length = 0;
        for (var b = 0; b < text.Count && length < MaxExcerptChars; b++)
        {
            if (text.Weight(b) >= TitleWeight) continue;
            if (length > 0) buffer[length++] = '\n';
            var block = text.Text(b);
            var take = Math.Min(block.Length, buffer.Length - length);
            block[..take].CopyTo(buffer.AsSpan(length));
            length += take;
        }
        if (length <= MaxExcerptChars) return new string(buffer, 0, length);
        var cut = buffer.AsSpan(0, MaxExcerptChars);
        var space = cut.LastIndexOf(' ');
        return space > MaxExcerptChars / 2 ? new string(cut[..space]) : new string(cut);
    }
}
