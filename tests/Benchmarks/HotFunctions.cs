using BenchmarkDotNet.Attributes;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;
using ForbedringsAbc.Output;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Pipeline;
using ForbedringsAbc.PostProcessing;
using ForbedringsAbc.Search.Analysis;
using ForbedringsAbc.Search.Format;
using ForbedringsAbc.Search.Indexing;
using ForbedringsAbc.Templates;

namespace ForbedringsAbc.Benchmarks;

/// <summary>
/// The functions a build spends its time in, one page (or the whole index) at a time, on the
/// project's own content: parsing a page (front matter + Markdown tree), rendering its Markdown
/// with the checks and links, applying the templates, analysing its HTML for search, stemming
/// words, and writing the search index's shard files.
/// </summary>
[MemoryDiagnoser]
public class HotFunctions
{
    private PreparedSite _site = null!;
    private SitePage _page = null!;
    private SourceDocument _doc = null!;
    private string _html = null!;
    private PageAnalyzer _analyzer = null!;
    private PageFacts _facts = null!;
    private string[] _words = null!;
    private NorwegianStemmer _stemmer = null!;
    private SearchIndex _index = null!;
    private SearchCollector _collector = null!;
    private SiteRendererHarness _renderer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var repo = FindRepo();
        var options = new BuildOptions(Path.Combine(repo, "content"), Path.Combine(repo, "templates"), Path.Combine(Path.GetTempPath(), "abc-bench-unused"), null, false, Today: new DateOnly(2026, 11, 24));
        // A cache keeps the Markdown trees (a plain build lets them go once rendered).
        _site = new BuildPipeline().Prepare(options, new BuildCache());
        _page = _site.Site.Pages.Where(p => p.Kind == PageKind.Story).MaxBy(p => p.Page.Source.Text.Length)!;
        _doc = _page.Page.Source;
        _renderer = new SiteRendererHarness(_site);
        _html = RenderTemplate() ?? throw new InvalidOperationException("the page did not render");
        var searchAnalyzer = new SearchAnalyzer();
        _analyzer = new PageAnalyzer(searchAnalyzer);
        _facts = new PageFacts(0, _page.OutputPath, _page.Meta.Title, "historie", "Erfaring", null, []);
        _words = File.ReadAllLines(Path.Combine(repo, "tests", "data", "snowball-norwegian", "voc.txt"));
        _stemmer = new NorwegianStemmer();
        var sink = new MemorySink();
        _collector = new SearchCollector(_site.Site.Pages, _analyzer, sink, ViewBuilder.KindName, k => k);
        foreach (var page in _site.Site.Pages) _collector.Add(page, _renderer.Render(page) ?? string.Empty);
        _index = new IndexBuilder(searchAnalyzer).Build(_collector.Pages);
    }

    [Benchmark(Description = "parse one page (front matter + Markdown tree)")]
    public ParsedPage Parse() => new PageParser(_site.BodyPipeline, _site.Site.Data, new DiagnosticBag()).Parse(_doc);

    [Benchmark(Description = "render one page's Markdown (checks, links, HTML)")]
    public RenderedPage RenderMarkdown() =>
        new MarkdownStage(_site.Site, _site.Content, _site.BodyPipeline, _site.Today, null).Run(_page, new DiagnosticBag());

    [Benchmark(Description = "apply the templates to one page")]
    public string? RenderTemplate() => _renderer.Render(_page);

    [Benchmark(Description = "analyse one page's HTML for search")]
    public IndexedPage AnalyseForSearch() => _analyzer.Analyze(_facts, _html);

    [Benchmark(Description = "stem the 20,895 words of the Snowball vocabulary")]
    public int StemVocabulary()
    {
        var total = 0;
        foreach (var word in _words) total += _stemmer.Stem(word).Length;
        return total;
    }

    [Benchmark(Description = "build the site's search index from its analysed pages")]
    public SearchIndex BuildIndex() => new IndexBuilder(new SearchAnalyzer()).Build(_collector.Pages);

    [Benchmark(Description = "write the search index's files (shards, facets, manifest)")]
    public int WriteShards() => new IndexWriter(Search.SearchStage.DefaultShardCap).Files(_index, _site.Synonyms, _collector.PageSet, _collector.PageCount).Count;

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ForbedringsABC.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    /// <summary>Renders one content page through the site's templates, as a build does, without the rebuild cache.</summary>
    private sealed class SiteRendererHarness(PreparedSite site)
    {
        private readonly SiteRenderer _renderer = new(site.Site, new ViewBuilder(site.Site, site.Rendered, site.Strings),
            new PageComposer(site.Templates, site.Strings), new DiagnosticBag(), null,
            OutsideResourceChecker.Create(site.Options.TemplatesDir, site.Content, site.Options.Display, new DiagnosticBag()));

        public string? Render(SitePage page) => _renderer.RenderPage(page).Html;
    }
}
