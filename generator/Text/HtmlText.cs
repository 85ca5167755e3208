using System.Text;

namespace ForbedringsAbc.Text;

/// <summary>
/// Escapes text for HTML content and quoted attribute values: &amp; &lt; &gt; &quot; &#39;.
/// Other characters (æøå included) are written as they are: the pages are UTF-8.
/// </summary>
public static class HtmlText
{
    public static string Escape(string text)
    {
        var i = text.AsSpan().IndexOfAny("&<>\"'");
        if (i < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
