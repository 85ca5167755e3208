using ForbedringsAbc.Output;
using ForbedringsAbc.Search.Analysis;
using ForbedringsAbc.Search.Format;
using ForbedringsAbc.Search.Indexing;
using ForbedringsAbc.Search.Synonyms;

namespace ForbedringsAbc.Search;

/// <summary>
/// The search stage of the pipeline: after the templates stage has handed every content page's
/// HTML to the <see cref="SearchCollector"/>, builds the index in one aggregate pass and writes
/// its files under sok/indeks/ (in parallel). Returns the number of files written, cards included.
/// </summary>
public sealed class SearchStage(SearchAnalyzer analyzer, int shardCapBytes = SearchStage.DefaultShardCap)
{
    /// <summary>Gzipped bytes a term shard may have (a query loads one or two).</summary>
    public const int DefaultShardCap = 6 * 1024;

    public int Write(SearchCollector collector, SynonymSet synonyms, IOutputSink sink)
    {
        var index = new IndexBuilder(analyzer).Build(collector.Pages);
        var files = new IndexWriter(shardCapBytes).Files(index, synonyms, collector.PageSet, collector.PageCount);
        Parallel.ForEach(files, file => sink.WriteText(IndexWriter.Folder + file.Key, file.Value));
        return files.Count + collector.Pages.Count;
    }
}
