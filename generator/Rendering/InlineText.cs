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
        var text = _text ??= new StringBuilder();
        text.Clear();
        var space = false;
        foreach (var node in inline.Descendants<Inline>())
        {
            switch (node)
            {
                case LiteralInline literal:
                    Append(text, literal.Content.AsSpan(), ref space);
                    break;
                case CodeInline code:
                    Append(text, code.Content, ref space);
                    break;
                case HtmlEntityInline entity:
                    Append(text, entity.Transcoded.AsSpan(), ref space);
                    break;
                case LineBreakInline:
                    space = true;
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// The literal text of inline Markdown as written (without code, entities or line breaks), in
    /// this thread's buffer, and where it starts and ends once trimmed of white space. The buffer is
    /// valid until the thread's next call here.
    /// </summary>
    public static (StringBuilder Text, int Start, int End) Literals(ContainerInline inline)
    {
        var text = _text ??= new StringBuilder();
        text.Clear();
        foreach (var literal in inline.Descendants<LiteralInline>()) text.Append(literal.Content.AsSpan());
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (text, start, end);
    }

    /// <summary>This thread's buffer for the text being collected.</summary>
    [ThreadStatic]
    private static StringBuilder? _text;

    /// <summary>Appends <paramref name="part"/> with each run of white space (also across parts) as one space, none at the start.</summary>
    private static void Append(StringBuilder text, ReadOnlySpan<char> part, ref bool space)
    {
        foreach (var c in part)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && text.Length > 0) text.Append(' ');
            space = false;
            text.Append(c);
        }
    }
}
