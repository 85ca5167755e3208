using ForbedringsAbc.Model;

namespace ForbedringsAbc.Scaffolding;

/// <summary>
/// The text of a new page of one kind: front matter with every required key, each with a
/// Norwegian comment saying what goes there, and the body's usual headings. Empty values are
/// left for the editor; <c>check</c> points at each one until it is filled in.
/// </summary>
public static class PageScaffold
{
    public static readonly IReadOnlyDictionary<string, PageKind> Kinds = new Dictionary<string, PageKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["historie"] = PageKind.Story, ["story"] = PageKind.Story,
        ["metode"] = PageKind.Method, ["method"] = PageKind.Method,
        ["refleksjon"] = PageKind.Guide, ["guide"] = PageKind.Guide,
        ["kontakt"] = PageKind.Contact, ["contact"] = PageKind.Contact,
    };

    public static string Text(PageKind kind, string title, DateOnly today)
    {
        var common =
            "---\n" +
            $"title: \"{title.Replace("\"", "\\\"")}\"\n" +
            "# Ingressen: én eller to setninger som sier hva siden handler om.\n" +
            "summary: \"\"\n" +
            $"published: {today:yyyy-MM-dd}\n" +
            "# Emneord (valgfritt), for eksempel [pasientsikkerhet, ledelse].\n" +
            "tags: []\n";
        return kind switch
        {
            PageKind.Story => common + Story,
            PageKind.Method => common + Method,
            PageKind.Guide => common + Guide,
            PageKind.Contact => common + Contact,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private const string Story =
        "# Enheten og stedet historien er fra, for eksempel \"Sengepost 3, Eksempel sykehus\".\n" +
        "unit: \"\"\n" +
        "# Hvem lesere kan spørre: filnavnet (uten .md) til en side i content/kontakt/.\n" +
        "contact: \"\"\n" +
        "# Metodene dere brukte: filnavn (uten .md) fra content/metoder/, én per linje.\n" +
        "methods:\n  - \"\"\n" +
        "---\n\n" +
        "## Bakgrunn\n\nHva var problemet, og hvorfor ville dere gjøre noe med det?\n\n" +
        "## Hva gjorde vi?\n\nHva prøvde dere ut, og hvordan?\n\n" +
        "## Resultater\n\nHva ble annerledes? Fortell hva dere målte.\n\n" +
        "## Hva lærte vi?\n\n- Det viktigste dere lærte\n";

    private const string Method =
        "# Fasen metoden hører til: forstå, planlegge, gjennomføre, evaluere eller korrigere.\n" +
        "phase: \"\"\n" +
        "---\n\n" +
        "## Hva er det?\n\nForklar metoden kort.\n\n" +
        "## Når bruker du metoden?\n\nI hvilke situasjoner hjelper den?\n\n" +
        "## Slik gjør du det\n\n1. Første steg\n\n" +
        "## Fallgruver\n\n- Hva bør man passe seg for?\n\n" +
        "## Eksempel\n\nEt kort eksempel fra praksis.\n\n" +
        "## Les mer\n\n- Kilder ved navn\n";

    private const string Guide =
        "# Filmen: title og url (lenke), eller src (filmfil ved siden av siden).\n" +
        "video:\n  title: \"\"\n  url: \"\"\n" +
        "# Kapitlene i filmen: tidspunkt (TT:MM:SS), tittel og talere (navn, rolle, virksomhet).\n" +
        "chapters:\n  - time: \"00:00:00\"\n    title: \"\"\n    speakers:\n      - name: \"\"\n        role: \"\"\n        org: \"\"\n" +
        "# Refleksjonsspørsmålene, ett per linje.\n" +
        "questions:\n  - \"\"\n" +
        "---\n\n" +
        "## Slik bruker dere guiden\n\nSe filmen sammen, og snakk om spørsmålene etterpå.\n";

    private const string Contact =
        "# Personens fulle navn, rolle og enhet.\n" +
        "name: \"\"\n" +
        "role: \"\"\n" +
        "unit: \"\"\n" +
        "# E-postadressen lesere kan skrive til. Telefon er valgfritt.\n" +
        "email: \"\"\n" +
        "phone: \"\"\n" +
        "---\n\n" +
        "Skriv kort hva lesere kan spørre personen om.\n";
}
