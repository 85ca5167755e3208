using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Model;
using ForbedringsAbc.Output;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Search;
using ForbedringsAbc.Search.Analysis;
using ForbedringsAbc.Templates;

namespace ForbedringsAbc.Pipeline;

/// <summary>
/// The preview's one-page rebuild. When a save changed only the body of existing pages (the front
/// matter is the same text, the headings give the same anchors, the summary renders the same),
/// no other page can look different: lists and tag pages show a page's URL, title, dates, tags
/// and summary, and links into it depend on its URL and anchors. So only the saved pages are
/// parsed, checked, rendered and analysed for search again (their search cards written); the
/// search index itself is built from the whole site, so the caller writes it anew from the
/// snapshot's analysed pages with <see cref="WriteSearchIndex"/> (the preview does it after the
/// page is shown). Whenever that cannot be shown to hold, <see cref="TryPatch"/> returns
/// null and the caller runs the whole (cached) pipeline instead. The files and diagnostics are
/// the same as a whole build's (a test compares them byte for byte).
/// </summary>
public static class PagePatcher
{
    /// <summary>Rebuilds the pages at <paramref name="contentPaths"/> (content-relative), writing only the files that change to <paramref name="sink"/>.</summary>
    public static BuildResult? TryPatch(BuildSnapshot snapshot, IReadOnlyCollection<string> contentPaths, IOutputSink sink, BuildCache cache)
    {
        var prepared = snapshot.Prepared;
        var options = prepared.Options;
        // A finding is reported once for all the pages that have it, so it cannot be redone for one page.
        if (snapshot.Raw.Any(d => d.Code == Rules.OutsideResource.Code)) return null;
        if (prepared.Today != options.TodayOrClock()) return null;

        var timer = new StageTimer();
        var raw = new List<Diagnostic>(snapshot.Raw);
        var site = prepared.Site;
        var rendered = new Dictionary<string, RenderedPage>(prepared.Rendered, StringComparer.Ordinal);
        var search = snapshot.Search;
        var changed = 0;
        foreach (var path in contentPaths.Order(StringComparer.Ordinal))
        {
            if (!site.ByContentPath.TryGetValue(path, out var old)) return null;
            var loading = new DiagnosticBag();
            var doc = new ContentLoader(options.Display, loading).LoadOne(options.ContentDir, path);
            if (doc is null || loading.Raw().Count > 0) return null;
            if (doc.Text == old.Page.Source.Text) continue;
            if (!SameFrontMatter(old.Page, doc.Text)) return null;

            // The entries the last build left for this page: their diagnostics are the ones to take back.
            if (!cache.Parsed.TryGetValue(path, out var oldParse) || !ReferenceEquals(oldParse.Page, old.Page)) return null;
            if (!cache.Markdown.TryGetValue(path, out var oldMarkdown) || !ReferenceEquals(oldMarkdown.Page, old.Page)) return null;
            if (!cache.Html.TryGetValue(old.OutputPath, out var oldHtml) || oldHtml.Html is null) return null;

            var parsing = new DiagnosticBag();
            var parsed = BuildPipeline.Guard(doc.DisplayPath, parsing, () => new PageParser(prepared.BodyPipeline, site.Data, parsing).Parse(doc));
            if (parsed is null || parsed.BodyLineOffset != old.Page.BodyLineOffset || !parsed.HeadingIds.SetEquals(old.Page.HeadingIds)) return null;

            var page = old with { Page = parsed };
            site = site.Replace(old, page);
            var markdown = new DiagnosticBag();
            var result = new MarkdownStage(site, prepared.Content, prepared.BodyPipeline, prepared.Today, cache).Run(page, markdown);
            var before = prepared.Rendered[path];
            if (result.SummaryHtml != before.SummaryHtml || result.Links.ImageUrl != before.Links.ImageUrl) return null;
            rendered[path] = result;

            var views = new ViewBuilder(site, rendered, prepared.Strings);
            var renderer = new SiteRenderer(site, views, new PageComposer(prepared.Templates, prepared.Strings), new DiagnosticBag(), options.BaseUrl, snapshot.Resources) { Cache = cache };
            var html = renderer.RenderPage(page);
            if (html.Html is null || snapshot.Resources.Finds(html.Html)) return null;

            if (!Remove(raw, oldParse.Diagnostics) || !Remove(raw, oldMarkdown.Diagnostics) || !Remove(raw, oldHtml.Diagnostics)) return null;
            raw.AddRange(parsing.Raw());
            raw.AddRange(markdown.Raw());
            raw.AddRange(html.Diagnostics);
            cache.Parsed[path] = new BuildCache.ParseEntry(doc.Text, parsed, parsing.Raw());
            sink.WriteText(page.OutputPath, html.Html);
            search = search.With(old, page, html.Html, sink);
            changed++;
        }
        timer.Mark("sider");

        var diagnostics = new DiagnosticBag { Settings = prepared.Diagnostics.Settings };
        diagnostics.AddRange(raw);
        var next = snapshot with { Prepared = prepared with { Site = site, Rendered = rendered, Timer = timer }, Search = search, Raw = raw };
        return new BuildResult(diagnostics.Sorted(), snapshot.Pages, snapshot.Files, snapshot.Notes, timer) { Snapshot = next, PatchedPages = changed };
    }

    /// <summary>The search index of a snapshot's analysed pages (the files under sok/indeks/ other than the pages' cards).</summary>
    public static void WriteSearchIndex(BuildSnapshot snapshot, IOutputSink sink) =>
        new SearchStage(new SearchAnalyzer()).Write(snapshot.Search, snapshot.Prepared.Synonyms, sink);

    /// <summary>Whether the new text has the very same front matter (and so the same lines above the body).</summary>
    private static bool SameFrontMatter(ParsedPage old, string text)
    {
        var head = Head(old.Source.Text, old.BodyLineOffset);
        return head is not null && text.StartsWith(head, StringComparison.Ordinal);
    }

    /// <summary>The first <paramref name="lines"/> lines of <paramref name="text"/> with their line ends, or null if it has fewer.</summary>
    private static string? Head(string text, int lines)
    {
        var end = 0;
        for (var i = 0; i < lines; i++)
        {
            var next = text.IndexOf('\n', end);
            if (next < 0) return null;
            end = next + 1;
        }
        return text[..end];
    }

    /// <summary>Takes these very diagnostic objects out of the list; false if one is not there (the cache and the snapshot disagree).</summary>
    private static bool Remove(List<Diagnostic> raw, IReadOnlyList<Diagnostic> taken)
    {
        foreach (var d in taken)
        {
            var i = raw.FindIndex(x => ReferenceEquals(x, d));
            if (i < 0) return false;
            raw.RemoveAt(i);
        }
        return true;
    }
}
