using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Links;
using ForbedringsAbc.Model;
using ForbedringsAbc.Rendering;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ForbedringsAbc.Validation;

/// <summary>
/// Headings of one page, in order: the title is the only h1 (ABC309), levels go down one step at a
/// time (ABC402), no heading is empty (ABC403) or the same text as another (ABC404).
/// Screen-reader users move through a page by its headings; these keep that outline sound.
/// </summary>
public sealed class HeadingRules(SitePage page, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);
    private int _previousLevel = 1;

    public void Check(HeadingBlock heading)
    {
        var span = PageLinkChecker.SpanOf(page, heading.Line, heading.Column);
        var text = PlainText(heading);
        if (heading.Level == 1)
        {
            diagnostics.Report(Rules.HeadingOneInBody, span,
                "Overskrift på nivå 1 (#) er forbeholdt sidens tittel (title). Bruk ## for overskriftene i teksten.");
        }
        else if (heading.Level > _previousLevel + 1)
        {
            diagnostics.Report(Rules.HeadingSkipped, span,
                $"Overskriften hopper fra nivå {_previousLevel} til nivå {heading.Level}. Bruk {new string('#', _previousLevel + 1)} her, så skjermlesere får en riktig innholdsfortegnelse.");
        }
        _previousLevel = heading.Level;
        if (text.Length == 0)
        {
            diagnostics.Report(Rules.HeadingEmpty, span, "Overskriften er tom. Skriv en overskrift eller fjern #-tegnene.");
            return;
        }
        if (_seen.TryGetValue(text, out var firstLine))
        {
            diagnostics.Report(Rules.HeadingDuplicate, span,
                $"Overskriften «{text}» står også på linje {firstLine}. Gi overskriftene ulike navn, så de kan skilles fra hverandre.");
            return;
        }
        _seen[text] = span.Line;
    }

    /// <summary>The heading's literal text (trimmed), then the text of its code spans.</summary>
    private static string PlainText(HeadingBlock heading)
    {
        if (heading.Inline is null) return string.Empty;
        var (literals, start, end) = InlineText.Literals(heading.Inline);
        var text = literals.ToString(start, end - start);
        foreach (var code in heading.Inline.Descendants<CodeInline>()) text += code.Content;
        return text;
    }
}
