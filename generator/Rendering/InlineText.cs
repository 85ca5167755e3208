using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ForbedringsAbc.Rendering;

/// <summary>
/// The plain text of inline Markdown (an image's alt, a heading): literals, code and entities,
/// without emphasis or link markup, runs of white space as one space.
/// </summary>
public static class InlineText
{
    public static string Of(ContainerInline? inline)
    {
        if (inline is null) return string.Empty;
        var sb = new StringBuilder();
        foreach (var node in inline.Descendants<Inline>())
        {
            switch (node)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    sb.Append(entity.Transcoded.ToString());
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
            }
        }
        return string.Join(' ', sb.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
