using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Diagnostics;

/// <summary>
/// The editorial rules (ABC4xx) that guard a pull request: one fixture per rule with its exact
/// diagnostic, and the site configuration that sets how strict each is.
/// </summary>
public class EditorialRuleTests
{
    private const string Story = "historier/tavlemoter.md";

    private static string StoryWith(string frontMatter = "", string body = "Tekst.\n") =>
        "---\ntitle: \"Tavlemøter\"\nsummary: \"Om tavlemøter.\"\npublished: 2022-05-02\nunit: \"Sengepost 3\"\ncontact: kari-nordmann\nmethods: [pdsa]\n" + frontMatter + "---\n\n" + body;

    private static List<string> Run(Dictionary<string, string> extra, Action<FixtureSite>? prepare = null)
    {
        var files = Pages.MinimalSite();
        foreach (var (k, v) in extra) files[k] = v;
        using var site = new FixtureSite(files);
        site.WriteFile("historier/bilder/tavle.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        prepare?.Invoke(site);
        return site.Diagnostics().Select(d => $"{d.Span.File}({d.Span.Line},{d.Span.Column}) {(d.IsError ? "error" : "warning")} {d.Code}").ToList();
    }

    private static string At(int line, int col, string severity, string code) => $"content/{Story}({line},{col}) {severity} {code}";

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "alt text is a file name", StoryWith(body: "![IMG_1234.jpg](bilder/tavle.svg)\n"), At(10, 1, "warning", "ABC401") },
        { "alt text is a filler word", StoryWith(body: "![Bilde](bilder/tavle.svg)\n"), At(10, 1, "warning", "ABC401") },
        { "heading skips a level", StoryWith(body: "## Bakgrunn\n\n#### Detaljer\n"), At(12, 1, "warning", "ABC402") },
        { "empty heading", StoryWith(body: "## Bakgrunn\n\n##\n"), At(12, 1, "warning", "ABC403") },
        { "vague link text alone", StoryWith(body: "Vi testet tavlemøter.\n\n- [Les mer](../metoder/pdsa.md)\n"), At(12, 3, "warning", "ABC405") },
        { "vague link text 'klikk her' alone", StoryWith(body: "[klikk her](../metoder/pdsa.md)\n"), At(10, 1, "warning", "ABC405") },
        { "future date", StoryWith().Replace("published: 2022-05-02", "published: 2027-01-10"), At(4, 12, "warning", "ABC409") },
        { "review overdue", StoryWith("reviewed: 2025-01-01\nreview_by: 2026-06-01\nowner: \"Kari Nordmann\"\n"), At(9, 12, "error", "ABC410") },
        { "review soon", StoryWith("review_by: 2026-12-10\n"), At(8, 12, "warning", "ABC411") },
        { "story without contact", StoryWith().Replace("contact: kari-nordmann\n", ""), At(1, 1, "warning", "ABC412") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_editorial_rule_reports_the_exact_place(string name, string story, string expected)
    {
        Assert.NotNull(name);
        Assert.Equal([expected], Run(new() { [Story] = story }));
    }

    [Fact]
    public void Vague_link_text_inside_a_sentence_is_off_by_default_and_can_be_turned_on()
    {
        var story = StoryWith(body: "Vi brukte erfaringene fra [les mer](../metoder/pdsa.md).\n");
        Assert.Empty(Run(new() { [Story] = story }));
        Assert.Equal([At(10, 27, "warning", "ABC406")], Run(new() { [Story] = story, ["_data/site.yaml"] = "title: \"ABC\"\nrules:\n  ABC406: warning\n" }));
    }

    [Fact]
    public void Duplicate_headings_are_reported_when_the_site_turns_the_rule_on()
    {
        var story = StoryWith(body: "## Bakgrunn\n\nA.\n\n## Bakgrunn\n\nB.\n");
        Assert.Empty(Run(new() { [Story] = story }));
        Assert.Equal([At(14, 1, "warning", "ABC404")], Run(new() { [Story] = story, ["_data/site.yaml"] = "title: \"ABC\"\nrules:\n  ABC404: warning\n" }));
    }

    [Fact]
    public void A_rule_can_be_made_an_error_or_turned_off()
    {
        var story = StoryWith(body: "## Bakgrunn\n\n#### Detaljer\n").Replace("contact: kari-nordmann\n", "");
        var config = "title: \"ABC\"\nrules:\n  ABC402: error\n  ABC412: off\n";
        Assert.Equal([At(11, 1, "error", "ABC402")], Run(new() { [Story] = story, ["_data/site.yaml"] = config }));
    }

    [Fact]
    public void Mistakes_in_the_rule_settings_are_reported_at_their_line()
    {
        var config = "title: \"ABC\"\nrules:\n  ABC4O2: error\n  ABC102: off\n  ABC402: streng\n";
        Assert.Equal(
            ["content/_data/site.yaml(3,3) error ABC500", "content/_data/site.yaml(4,3) error ABC500", "content/_data/site.yaml(5,11) error ABC500"],
            Run(new() { ["_data/site.yaml"] = config }));
    }

    [Fact]
    public void An_image_far_too_large_is_a_warning_with_its_size()
    {
        var story = StoryWith(body: "![Sykepleiere ved tavlen](bilder/stor.jpg)\n");
        var diagnostics = Run(new() { [Story] = story, ["_data/site.yaml"] = "title: \"ABC\"\nimage_warning_kb: 10\n" },
            site => site.WriteBytes("historier/bilder/stor.jpg", new byte[20 * 1024]));
        Assert.Equal([At(10, 1, "warning", "ABC408")], diagnostics);
    }

    [Fact]
    public void A_template_that_repeats_an_id_is_reported_on_the_page()
    {
        using var templates = TemplateCopy.Of(Repo.Templates);
        templates.Edit("layouts/story.html", text => text.Replace("<article class=\"page\">", "<article class=\"page\"><p id=\"hovedinnhold\">x</p>"));
        using var site = new FixtureSite(Pages.MinimalSite());
        var d = Assert.Single(site.Build(templates.Path).Result.Diagnostics);
        Assert.Equal(("content/historier/tavlemoter.md", "ABC407"), (d.Span.File, d.Code));
        Assert.Contains("hovedinnhold", d.Message);
    }
}
