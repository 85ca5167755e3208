using System.Text.RegularExpressions;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Links;
using ForbedringsAbc.Model;
using ForbedringsAbc.Rendering;
using Markdig.Syntax.Inlines;

namespace ForbedringsAbc.Validation;

/// <summary>
/// Alt text tells a reader who cannot see the image what it shows: it must be there (ABC303), and
/// not be a file name ("IMG_1234.jpg") or a filler word ("bilde", "foto") (ABC401).
/// </summary>
public static partial class AltTextRules
{
    private static readonly HashSet<string> Fillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "bilde", "bildet", "foto", "fotografi", "image", "img", "photo", "picture", "figur", "illustrasjon",
        "grafikk", "ikon", "logo", "skjermbilde", "alt", "alt-tekst", "bilde av", "her", "tom",
    };

    public static void Check(SitePage page, LinkInline image, DiagnosticBag diagnostics)
    {
        var span = PageLinkChecker.SpanOf(page, image.Line, image.Column);
        Check(FigureExtension.AltText(image), span, diagnostics);
    }

    public static void Check(string alt, SourceSpan span, DiagnosticBag diagnostics)
    {
        if (alt.Length == 0)
        {
            diagnostics.Report(Rules.MissingAlt, span,
                "Bildet mangler alternativ tekst. Skriv hva bildet viser mellom klammene: ![Sykepleiere ved tavlen](bilder/tavle.jpg).");
        }
        else if (FileName().IsMatch(alt) || Fillers.Contains(alt.Trim().TrimEnd('.')))
        {
            diagnostics.Report(Rules.AltTextPoor, span,
                $"Den alternative teksten «{alt}» sier ikke hva bildet viser. Beskriv innholdet, for eksempel «Sykepleiere samlet ved forbedringstavlen».");
        }
    }

    [GeneratedRegex(@"^\S+\.(jpe?g|png|gif|svg|webp|heic|tiff?|bmp)$|^(IMG|DSC|DCIM|PXL|Screenshot|Skjermbilde)[_ -]?\S*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
