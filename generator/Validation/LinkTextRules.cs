using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Links;
using ForbedringsAbc.Model;
using ForbedringsAbc.Rendering;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ForbedringsAbc.Validation;

/// <summary>
/// A link's text should say where it leads. A vague text ("klikk her", "les mer", "her") with
/// nothing else in its paragraph, list item or table cell fails WCAG 2.4.4 (ABC405, warning). In
/// the middle of a sentence, the sentence gives the context 2.4.4 allows; the stricter 2.4.9
/// (link text alone) is ABC406, off unless the site turns it on.
/// </summary>
public static class LinkTextRules
{
    private static readonly HashSet<string> Vague = new(StringComparer.OrdinalIgnoreCase)
    {
        "her", "klikk her", "trykk her", "les mer", "les mer her", "mer", "mer her", "lenke", "denne lenken", "link",
        "se her", "klikk", "denne siden", "denne historien", "dette", "her kan du lese mer", "mer informasjon", "click here", "read more", "here",
    };

    public static void Check(SitePage page, LinkInline link, DiagnosticBag diagnostics)
    {
        // The text trimmed of white space, then of closing punctuation.
        var (buffer, start, end) = InlineText.Literals(link);
        while (end > start && buffer[end - 1] is '.' or '!' or ':') end--;
        // Most link texts are longer than any vague one: those need no string.
        if (end - start > LongestVague) return;
        var text = buffer.ToString(start, end - start);
        if (!Vague.Contains(text)) return;
        var span = PageLinkChecker.SpanOf(page, link.Line, link.Column);
        if (StandsAlone(link))
        {
            diagnostics.Report(Rules.VagueLinkText, span,
                $"Lenketeksten «{text}» sier ikke hvor lenken går. Skriv målet i lenketeksten, for eksempel [Slik bruker du PDSA](../metoder/pdsa.md).");
        }
        else
        {
            diagnostics.Report(Rules.VagueLinkTextInSentence, span,
                $"Lenketeksten «{text}» sier ikke alene hvor lenken går. Skriv målet i lenketeksten, for eksempel [Slik bruker du PDSA](../metoder/pdsa.md).");
        }
    }

    private static readonly int LongestVague = Vague.Max(v => v.Length);

    /// <summary>Whether the link is all the text of its paragraph (in a list item or table cell or alone).</summary>
    private static bool StandsAlone(LinkInline link)
    {
        var container = link.Parent;
        while (container?.Parent is not null) container = container.Parent;
        if (container is null) return true;
        var other = container.Descendants<LiteralInline>()
            .Where(l => l.FirstParentOfType<LinkInline>() != link)
            .Sum(l => CountLettersAndDigits(l.Content.AsSpan()));
        return other == 0;
    }

    private static int CountLettersAndDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) count++;
        }
        return count;
    }
}
