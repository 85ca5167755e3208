using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Model;
using ForbedringsAbc.PostProcessing;
using ForbedringsAbc.Search.Synonyms;
using ForbedringsAbc.Templates;

namespace ForbedringsAbc.Pipeline;

/// <summary>
/// The site after every stage that does not depend on the output: loaded, parsed, assembled,
/// links resolved and Markdown rendered; the search synonyms read. The templates stage turns it into files.
/// </summary>
public sealed record PreparedSite(
    BuildOptions Options,
    DiagnosticBag Diagnostics,
    ContentSet Content,
    SiteModel Site,
    IReadOnlyDictionary<string, RenderedPage> Rendered,
    TemplateSet Templates,
    UiStrings Strings,
    SynonymSet Synonyms,
    StageTimer Timer)
{
    /// <summary>The rebuild cache this build reads and fills (the preview server's), or null.</summary>
    public BuildCache? Cache { get; init; }

    /// <summary>The one Markdig pipeline the pages were parsed and rendered with.</summary>
    public required Markdig.MarkdownPipeline BodyPipeline { get; init; }

    /// <summary>
    /// When set, <see cref="Rendered"/> holds only the summaries of the pages the build writes, and
    /// this stage renders the rest of each page's Markdown when its page is made.
    /// </summary>
    public MarkdownStage? BodiesWhenWritten { get; init; }

    /// <summary>The templates read for outside resources (<see cref="OutsideResourceChecker.ScanTemplates"/>), started with the load stage.</summary>
    public required Task<OutsideResourceChecker.TemplateScan> TemplateResources { get; init; }

    /// <summary>The date the review and future-date rules compared with.</summary>
    public required DateOnly Today { get; init; }
}
