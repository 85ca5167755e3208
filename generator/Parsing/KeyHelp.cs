namespace ForbedringsAbc.Parsing;

/// <summary>One sentence per key that tells an editor what the key is for, added to "missing" messages.</summary>
public static class KeyHelp
{
    private static readonly Dictionary<string, string> Help = new(StringComparer.Ordinal)
    {
        ["title"] = "Skriv sidens tittel, for eksempel: title: \"Tavlemøter på sengeposten\".",
        ["summary"] = "Skriv ingressen: en eller to setninger som sier hva siden handler om.",
        ["published"] = "Skriv datoen siden ble publisert, for eksempel: published: 2024-05-02.",
        ["phase"] = "Skriv hvilken fase metoden hører til, for eksempel: phase: planlegge.",
        ["unit"] = "Skriv enheten og stedet historien er fra.",
        ["name"] = "Skriv personens fulle navn.",
        ["role"] = "Skriv personens rolle eller stilling.",
        ["email"] = "Skriv e-postadressen, for eksempel: email: ola.nordmann@example.no.",
        ["video"] = "Oppgi filmen med title og url (lenke) eller src (fil ved siden av siden).",
        ["chapters"] = "List kapitlene i filmen med time, title og speakers.",
        ["questions"] = "List refleksjonsspørsmålene, ett per linje som begynner med «- ».",
        ["image.src"] = "Skriv stien til bildefilen, for eksempel: src: bilder/team.jpg.",
        ["image.alt"] = "Beskriv hva bildet viser, for dem som ikke ser det.",
    };

    public static string For(string key) => Help.TryGetValue(key, out var text) ? text : string.Empty;
}
