namespace ForbedringsAbc.Model;

/// <summary>A page's Markdown rendered to HTML fragments: the body, and the summary (inline only).</summary>
public sealed record RenderedPage(SitePage Site, PageLinks Links, string BodyHtml, string SummaryHtml);
