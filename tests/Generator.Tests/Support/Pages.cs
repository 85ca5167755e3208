namespace ForbedringsAbc.Tests.Support;

/// <summary>Small, valid pages of every kind, to build fixture sites from.</summary>
public static class Pages
{
    public const string Home = "---\ntitle: \"Forbedringsarbeidets ABC\"\nsummary: \"Metoder og erfaringer.\"\n---\n\nVelkommen.\n";

    public static string Method(string title, string phase = "planlegge", string body = "## Hva er det?\n\nEn metode.\n") =>
        $"---\ntitle: \"{title}\"\nsummary: \"Om {title}.\"\npublished: 2021-03-01\nphase: {phase}\n---\n\n{body}";

    public static string Story(string title, string contact = "kari-nordmann", string methods = "[pdsa]", string body = "## Hva lærte vi?\n\nMye.\n", string extra = "") =>
        $"---\ntitle: \"{title}\"\nsummary: \"Historien om {title}.\"\npublished: 2022-05-02\nupdated: 2023-01-10\nunit: \"Sengepost 3, Eksempel sykehus\"\ncontact: {contact}\nmethods: {methods}\n{extra}---\n\n{body}";

    public static string Contact(string name = "Kari Nordmann") =>
        $"---\ntitle: \"{name}\"\nsummary: \"Rådgiver i kvalitet.\"\npublished: 2020-01-01\nname: \"{name}\"\nrole: \"Rådgiver\"\nunit: \"Kvalitetsavdelingen\"\nemail: \"kari@example.no\"\nphone: \"+47 400 00 000\"\n---\n\nTa gjerne kontakt.\n";

    public const string Guide =
        "---\ntitle: \"Best under press\"\nsummary: \"Lær av hverandre.\"\npublished: 2021-11-01\nupdated: 2022-02-07\n" +
        "event: \"Pasientsikkerhetskonferansen 2021\"\n" +
        "video:\n  title: \"Konferansen\"\n  url: \"https://www.example.no/film\"\n" +
        "chapters:\n  - time: \"01:20:50\"\n    title: \"Store utfordringer krever samarbeid\"\n    speakers:\n      - {name: \"Hege Huseklepp\", role: \"rådgiver\", org: \"Utviklingssenteret\"}\n      - \"Sønneve Teigen\"\n" +
        "  - time: \"01:44:50\"\n    title: \"Å løfte i flokk\"\n    speakers: [\"Øystein Mæland\"]\n" +
        "questions:\n  - \"Hvordan deler dere erfaring?\"\n  - \"Tilrettelegger leder for læring?\"\n" +
        "resources:\n  - {title: \"Snakk om forbedring\", note: \"Egen bolk om ledelse.\"}\n---\n\nSe filmen sammen.\n";

    /// <summary>The minimal site with three mistakes: a broken link and a missing image, a YAML error, a missing date.</summary>
    public static Dictionary<string, string> SiteWithMistakes()
    {
        var files = MinimalSite();
        files["historier/tavlemoter.md"] = Story("Tavlemøter", body: "## Hva lærte vi?\n\nSe [metoden](../metoder/finnes-ikke.md) og ![](bilde.png).\n");
        files["metoder/feil.md"] = "---\ntitle: \"Feil\nsummary: x\n---\n\nTekst.\n";
        files["refleksjon/uten-dato.md"] = Guide.Replace("published: 2021-11-01\n", "");
        return files;
    }

    /// <summary>A minimal valid site: home, one page of each kind, cross-referenced.</summary>
    public static Dictionary<string, string> MinimalSite() => new()
    {
        ["_index.md"] = Home,
        ["metoder/pdsa.md"] = Method("PDSA"),
        ["historier/tavlemoter.md"] = Story("Tavlemøter"),
        ["kontakt/kari-nordmann.md"] = Contact(),
        ["refleksjon/best-under-press.md"] = Guide,
    };
}
