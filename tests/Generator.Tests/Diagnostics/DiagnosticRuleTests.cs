using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Diagnostics;

/// <summary>
/// One fixture per rule: a valid minimal site plus one mistake, and the exact diagnostic it must
/// give (file, 1-based line and column counted from the top of the file, code) and nothing else.
/// </summary>
public class DiagnosticRuleTests
{
    public record Case(string Name, Dictionary<string, string> Files, string File, int Line, int Column, string Code, string? MessagePart = null)
    {
        public override string ToString() => Name;
    }

    private const string Story = "historier/tavlemoter.md";
    private const string StoryFile = "content/historier/tavlemoter.md";

    private static Case C(string name, string path, string text, int line, int col, string code, string? part = null) =>
        new(name, new Dictionary<string, string> { [path] = text }, "content/" + path, line, col, code, part);

    private static string StoryWith(string frontMatterLines, string body = "Tekst.\n") =>
        "---\ntitle: \"Tavlemøter\"\nsummary: \"Om tavlemøter.\"\npublished: 2022-05-02\nunit: \"Sengepost 3\"\ncontact: kari-nordmann\nmethods: [pdsa]\n" + frontMatterLines + "---\n\n" + body;

    public static TheoryData<Case> Cases() => new()
    {
        C("no front matter", Story, "Tavlemøter\n\nTekst.\n", 1, 1, "ABC100"),
        C("unclosed front matter", Story, "---\ntitle: \"Tavlemøter\"\nsummary: \"x\"\n\nTekst.\n", 1, 1, "ABC101"),
        C("yaml syntax error at the parser's position", Story, "---\ntitle: \"Tavlemøter\nsummary: \"x\"\n---\n", 2, 8, "ABC102", "anførselstegn"),
        C("tab indentation", Story, "---\ntitle: \"T\"\nimage:\n\tsrc: a.jpg\n---\n", 4, 1, "ABC102", "tabulator"),
        C("duplicate key", Story, StoryWith("title: \"Igjen\"\n"), 8, 1, "ABC102", "to ganger"),
        C("front matter is a list", Story, "---\n- title\n- summary\n---\n", 2, 1, "ABC103"),
        C("missing required key", Story, "---\ntitle: \"Tavlemøter\"\nsummary: \"Om.\"\npublished: 2022-05-02\ncontact: kari-nordmann\n---\n", 2, 1, "ABC104", "`unit`"),
        C("empty required key", Story, StoryWith("", "x").Replace("summary: \"Om tavlemøter.\"", "summary: \"\""), 3, 10, "ABC104", "`summary` er tom"),
        C("wrong type", Story, StoryWith("").Replace("title: \"Tavlemøter\"", "title: [a, b]"), 2, 8, "ABC105", "skal være tekst"),
        C("unknown key with suggestion", Story, StoryWith("sumary: \"x\"\n"), 8, 1, "ABC106", "Mente du `summary`?"),
        C("key of another kind", Story, StoryWith("phase: planlegge\n"), 8, 1, "ABC106", "metodesider"),
        C("bad date", Story, StoryWith("").Replace("2022-05-02", "2022-13-02"), 4, 12, "ABC107", "ÅÅÅÅ-MM-DD"),
        C("updated before published", Story, StoryWith("updated: 2020-01-01\n"), 8, 10, "ABC108"),
        C("unknown phase", "metoder/pdsa.md", Pages.Method("PDSA", "planlege"), 5, 8, "ABC109", "Mente du «planlegge»?"),
        C("type disagrees with folder", Story, StoryWith("type: method\n"), 8, 7, "ABC110"),
        C("bad slug", Story, StoryWith("slug: \"Min side\"\n"), 8, 7, "ABC111"),
        C("bad alias", Story, StoryWith("aliases: [\"https://example.no/x\"]\n"), 8, 11, "ABC111"),
        C("slug too long for a folder name", Story, StoryWith($"slug: {new string('a', 121)}\n"), 8, 7, "ABC111"),
        C("alias too long for a folder name", Story, StoryWith($"aliases: [\"/gammelt/{new string('b', 121)}/\"]\n"), 8, 11, "ABC111"),
        C("bad chapter time", "refleksjon/best-under-press.md", Pages.Guide.Replace("\"01:44:50\"", "\"1:44\""), 16, 11, "ABC112"),
        C("chapters out of order", "refleksjon/best-under-press.md", Pages.Guide.Replace("\"01:44:50\"", "\"00:10:00\""), 16, 11, "ABC112", "Sorter"),
        C("bad email", "kontakt/kari-nordmann.md", Pages.Contact().Replace("kari@example.no", "kari.example.no"), 8, 8, "ABC113"),
        C("summary with a link", Story, StoryWith("").Replace("\"Om tavlemøter.\"", "\"Se [PDSA](../metoder/pdsa.md).\""), 3, 10, "ABC114"),
        C("video without url or src", "refleksjon/best-under-press.md", Pages.Guide.Replace("  url: \"https://www.example.no/film\"\n", ""), 8, 3, "ABC115"),
        C("unknown contact", Story, StoryWith("").Replace("contact: kari-nordmann", "contact: kari-nordman"), 6, 10, "ABC201", "Mente du «kari-nordmann»?"),
        C("unknown method", Story, StoryWith("").Replace("methods: [pdsa]", "methods: [pdsa, fiskebein]"), 7, 17, "ABC202"),
        C("broken link", Story, StoryWith("", "Se [metoden](../metoder/pdsaa.md).\n"), 10, 4, "ABC300", "Mente du ../metoder/pdsa.md?"),
        C("broken anchor", Story, StoryWith("", "Se [metoden](../metoder/pdsa.md#hva-er-dett).\n"), 10, 4, "ABC301", "Mente du #hva-er-det?"),
        C("broken anchor on the same page", Story, StoryWith("", "## Bakgrunn\n\nSe [over](#bakgrun).\n"), 12, 4, "ABC301"),
        C("missing image", Story, StoryWith("", "![Tavlen på posten](bilder/tavle.jpg)\n"), 10, 1, "ABC302"),
        C("missing lead image", Story, StoryWith("image:\n  src: bilder/x.jpg\n  alt: \"Tavlen\"\n"), 9, 8, "ABC302"),
        C("missing alt text", "metoder/pdsa.md", Pages.Method("PDSA", body: "Før.\n\n![](bilder/sirkel.svg)\n"), 10, 1, "ABC303"),
        C("raw html block", Story, StoryWith("", "Tekst.\n\n<div onclick=\"x()\">Hei</div>\n"), 12, 1, "ABC304"),
        C("raw html inline", Story, StoryWith("", "Tekst med <b>fet</b> skrift.\n"), 10, 11, "ABC304"),
        C("javascript url", Story, StoryWith("", "Klikk [lenken](javascript:alert(1)).\n"), 10, 7, "ABC305"),
        C("link outside content", Story, StoryWith("", "Se [filen](../../README.md).\n"), 10, 4, "ABC306"),
        C("outside image", Story, StoryWith("", "![Sykehusets logo](https://example.com/logo.png)\n"), 10, 1, "ABC307"),
        C("outside lead image", Story, StoryWith("image:\n  src: \"//cdn.example.com/x.jpg\"\n  alt: \"Tavlen\"\n"), 9, 8, "ABC307"),
        C("level-1 heading in the body", Story, StoryWith("", "Tekst.\n\n# Ny tittel\n"), 12, 1, "ABC309"),
        C("unclosed bracket", Story, StoryWith("tags: [a, b\n"), 8, 7, "ABC102", "[ eller {"),
        C("unknown alias at its place", Story, StoryWith("tags:\n  - *ingen\n"), 9, 5, "ABC102"),
        C("colon in a plain value", Story, StoryWith("").Replace("title: \"Tavlemøter\"", "title: Tema: tavlemøter"), 2, 12, "ABC102", "anførselstegn"),
        C("tag without letters", Story, StoryWith("tags: [\"!!!\"]\n"), 8, 8, "ABC111"),
        C("root-relative link", Story, StoryWith("", "Se [filen](/metoder/pdsa/).\n"), 10, 4, "ABC306"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_rule_reports_the_exact_place(Case c)
    {
        var files = Pages.MinimalSite();
        foreach (var (path, text) in c.Files) files[path] = text;
        if (c.Name == "missing alt text") files["metoder/bilder/sirkel.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        using var site = new FixtureSite(files);
        var diagnostics = site.Diagnostics();
        var d = Assert.Single(diagnostics);
        Assert.Equal((c.File, c.Line, c.Column, c.Code), (d.Span.File, d.Span.Line, d.Span.Column, d.Code));
        if (c.MessagePart is not null) Assert.Contains(c.MessagePart, d.Message);
    }

    [Fact]
    public void The_minimal_site_has_no_diagnostics()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        Assert.Empty(site.Diagnostics());
    }
}
