using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ForbedringsAbc.Rendering;

/// <summary>
/// An image alone in a paragraph becomes a figure: alt text from <c>![alt]</c>, the caption from
/// the title, and a trailing "Foto: Navn" in the title as a separate photo credit.
/// </summary>
public sealed class FigureExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<ParagraphRenderer>(new FigureParagraphRenderer());
        }
    }

    /// <summary>The image of a paragraph that holds nothing else, or null.</summary>
    public static LinkInline? LoneImage(ParagraphBlock paragraph)
    {
        LinkInline? image = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true } link when image is null:
                    image = link;
                    break;
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                case LineBreakInline:
                    break;
                default:
                    return null;
            }
        }
        return image;
    }

    /// <summary>Plain text of an image's alt (its children, without markup).</summary>
    public static string AltText(LinkInline image) => InlineText.Of(image);

    private sealed class FigureParagraphRenderer : ParagraphRenderer
    {
        protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
        {
            var image = LoneImage(obj);
            if (image is null || !renderer.EnableHtmlForBlock)
            {
                base.Write(renderer, obj);
                return;
            }
            // WriteEscapeUrl applies the renderer's LinkRewriter (the page's resolved links).
            var url = image.GetDynamicUrl?.Invoke() ?? image.Url ?? string.Empty;
            var (caption, credit) = Caption.Split(image.Title);
            renderer.EnsureLine();
            renderer.Write("<figure>\n<img src=\"").WriteEscapeUrl(url).Write("\" alt=\"").WriteEscape(AltText(image)).Write("\" loading=\"lazy\">\n");
            if (caption is not null || credit is not null)
            {
                renderer.Write("<figcaption>");
                if (caption is not null) renderer.WriteEscape(caption);
                if (caption is not null && credit is not null) renderer.Write(" ");
                if (credit is not null) renderer.Write("<span class=\"credit\">").WriteEscape(credit).Write("</span>");
                renderer.Write("</figcaption>\n");
            }
            renderer.Write("</figure>");
            renderer.EnsureLine();
        }
    }
}

/// <summary>Splits an image title into caption and photo credit ("… Foto: Navn").</summary>
public static partial class Caption
{
    public static (string? Caption, string? Credit) Split(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return (null, null);
        var match = CreditPattern().Match(title);
        if (!match.Success) return (title.Trim(), null);
        var caption = title[..match.Index].Trim();
        var credit = "Foto: " + match.Groups["name"].Value.Trim();
        return (caption.Length == 0 ? null : caption, credit);
    }

    [GeneratedRegex(@"(?:^|\s)Foto\s*:\s*(?<name>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditPattern();
}
