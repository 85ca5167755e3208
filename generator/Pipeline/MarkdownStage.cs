using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Links;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Model;
using ForbedringsAbc.Rendering;
using ForbedringsAbc.Templates;
using ForbedringsAbc.Validation;
using Markdig;

namespace ForbedringsAbc.Pipeline;

/// <summary>
/// One page through the rules, the link resolver and the Markdown renderer. With the rebuild cache
/// (the preview), its diagnostics are kept apart so the cache can keep them with the result, and a
/// cached result is used only when the page, its URL, and the state of every page and file it
/// links to are unchanged.
/// </summary>
public sealed class MarkdownStage(SiteModel site, ContentSet content, MarkdownPipeline bodyPipeline, DateOnly today, BuildCache? cache)
{
    private readonly MarkdownPipeline _inline = MarkdownPipelineFactory.CreateInline();

    public RenderedPage Run(SitePage page, DiagnosticBag diagnostics)
    {
        if (cache is null)
        {
            // Nothing is kept for a next build: no state of the pages it links to is recorded
            // (that would find the headings of every page it links to before their own stage).
            return Process(page, diagnostics) ?? Empty(page);
        }
        var probe = new LinkResolver(site, content, new DiagnosticBag());
        var entry = Cached(page, probe, cache);
        if (entry is null)
        {
            var local = new DiagnosticBag();
            var rendered = Process(page, local) ?? Empty(page);
            var dependencies = rendered.Links.Targets.Distinct(StringComparer.Ordinal).Select(t => (t, probe.DependencyState(t))).ToList();
            entry = new BuildCache.MarkdownEntry(page.Page, page.OutputPath, dependencies, rendered, local.Raw());
            lock (cache) cache.Markdown[page.ContentPath] = entry;
        }
        diagnostics.AddRange(entry.Diagnostics);
        return entry.Rendered.Site == page ? entry.Rendered : entry.Rendered with { Site = page };
    }

    private BuildCache.MarkdownEntry? Cached(SitePage page, LinkResolver probe, BuildCache cache)
    {
        BuildCache.MarkdownEntry? entry;
        lock (cache) cache.Markdown.TryGetValue(page.ContentPath, out entry);
        if (entry is null || !ReferenceEquals(entry.Page, page.Page) || entry.Route != page.OutputPath) return null;
        if (!entry.Dependencies.All(d => probe.DependencyState(d.Target) == d.State)) return null;
        cache.CountMarkdown();
        return entry;
    }

    /// <summary>The page through the rules, the link checks and the renderer; null when the generator failed on it (reported).</summary>
    private RenderedPage? Process(SitePage page, DiagnosticBag local) =>
        BuildPipeline.Guard(page.Page.Source.DisplayPath, local, () =>
        {
            page.Page.ParseBody(local);
            new BodyValidator(local).Validate(page);
            new MetaValidator(today, site.Data.Config.ReviewWarningDays, local).Validate(page);
            var links = new PageLinkChecker(new LinkResolver(site, content, local)).Check(page);
            return new MarkdownRenderer(bodyPipeline, _inline, local).Render(page, links) with { Toc = TocBuilder.From(page.Page.Body) };
        });

    /// <summary>
    /// A page's summary alone, for the lists that show it before the page's own Markdown stage has
    /// run (<see cref="PreparedSite.BodiesWhenWritten"/>); that run reports the summary's problems.
    /// A fault in the generator leaves it empty here, as it leaves the whole page in that run.
    /// </summary>
    public RenderedPage SummaryOnly(SitePage page) =>
        BuildPipeline.Guard(page.Page.Source.DisplayPath, new DiagnosticBag(), () =>
            Empty(page) with { SummaryHtml = new MarkdownRenderer(bodyPipeline, _inline, new DiagnosticBag()).RenderSummary(page.Meta.Summary, page.Meta.SummarySpan) })
        ?? Empty(page);

    private static RenderedPage Empty(SitePage page) =>
        new(page, new PageLinks(new Dictionary<string, string>(), null, null, null), string.Empty, string.Empty, 0);
}
