using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;
using ForbedringsAbc.Parsing;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SourceSpan = ForbedringsAbc.Diagnostics.SourceSpan;

namespace ForbedringsAbc.Links;

/// <summary>
/// Walks one page's Markdown tree and resolves every link and image, reporting those that lead
/// nowhere. Positions are those of the file, front matter included.
/// </summary>
public sealed class PageLinkChecker(LinkResolver resolver)
{
    public LinkResolver Resolver => resolver;

    public PageLinks Check(SitePage page)
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        var targets = new List<string>();
        foreach (var node in page.Page.Body.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    CheckLink(page, link, urls, targets);
                    break;
                case AutolinkInline { IsEmail: true } email:
                    urls.TryAdd(email.Url, email.Url);
                    break;
                case AutolinkInline auto:
                    var resolved = resolver.Resolve(page, auto.Url, SpanOf(page, auto.Line, auto.Column), LinkKind.Link, targets);
                    if (resolved is not null) urls.TryAdd(auto.Url, resolved);
                    break;
            }
        }
        return new PageLinks(urls, ResolveImage(page, targets), ResolveVideo(page, v => v.Src, targets), ResolveVideo(page, v => v.Captions, targets))
        {
            Targets = targets,
        };
    }

    private void CheckLink(SitePage page, LinkInline link, Dictionary<string, string> urls, List<string> targets)
    {
        var span = SpanOf(page, link.Line, link.Column);
        var url = link.GetDynamicUrl?.Invoke() ?? link.Url ?? string.Empty;
        var resolved = resolver.Resolve(page, url, span, link.IsImage ? LinkKind.Image : LinkKind.Link, targets);
        if (resolved is not null) urls.TryAdd(url, resolved);
    }

    private string? ResolveImage(SitePage page, List<string> targets) =>
        page.Meta.Image is { } image ? resolver.ResolveSitePath(page, image.Src, LinkKind.Image, targets) : null;

    private string? ResolveVideo(SitePage page, Func<Video, Located<string>?> pick, List<string> targets) =>
        page.Page.KindMeta is GuideMeta { Video: { } video } && pick(video) is { } file
            ? resolver.ResolveSitePath(page, file, LinkKind.Media, targets)
            : null;

    public static SourceSpan SpanOf(SitePage page, int line, int column) =>
        new(page.Page.Source.DisplayPath, page.Page.BodyLineOffset + line + 1, column + 1);
}
