using System.Text.RegularExpressions;

namespace ForbedringsAbc.Links;

/// <summary>
/// Ids the page layouts give to parts of a page that do not come from the Markdown (the main
/// landmark, section headings of the layouts, chapters, questions, phase groups). A Markdown
/// heading whose id would be one of these gets a suffix instead, so no page has an id twice.
/// Layouts that add an id must list it here (a test over the output finds any that are missing).
/// </summary>
public static partial class GeneratedAnchors
{
    private static readonly HashSet<string> Fixed = new(StringComparer.Ordinal)
    {
        "hovedinnhold", "innhold", "andre-metoder", "erfaringer-med-metoden", "filmen", "historier-med-kontakt",
        "kapitler", "kontaktkort", "metoder-som-ble-brukt", "refleksjonssporsmal", "syklusen", "tips",
        "film", "emner-tittel", "bunn-tittel",
    };

    public static string Question(int number) => $"sporsmal-{number}";

    public static string Chapter(int number) => $"kapittel-{number}";

    public static bool IsReserved(string id) => Fixed.Contains(id) || Patterned().IsMatch(id);

    [GeneratedRegex("^(sporsmal-[0-9]+|kapittel-[0-9]+(-med)?|fase-.+|forside-.+|toc-.+|syklus-.+|sok-.+)$")]
    private static partial Regex Patterned();
}
