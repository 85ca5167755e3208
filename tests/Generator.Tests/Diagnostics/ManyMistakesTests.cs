using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Diagnostics;

/// <summary>A content folder full of mistakes: every one is reported in one run, in file and position order.</summary>
public class ManyMistakesTests
{
    [Fact]
    public void Every_mistake_in_every_file_is_reported_in_one_run()
    {
        var files = Pages.MinimalSite();
        files["historier/a.md"] = "---\ntitle: \"A\"\nsumary: \"x\"\npublished: 2021-02-30\nunit: \"Post\"\ncontact: ingen\n---\n\nSe [b](b.md) og ![](bilder/x.png).\n";
        files["historier/b.md"] = "---\ntitle: [\"B\"]\nsummary: \"B\"\npublished: 2021-01-01\nupdated: 2020-01-01\nunit: \"Post\"\n---\n\n<em>hei</em>\n";
        files["metoder/c.md"] = "---\ntitle: \"C\"\nsummary: \"C\"\npublished: 2021-01-01\nphase: gjennomfore\n---\n\n[Til B](../historier/b.md#mangler)\n";
        files["refleksjon/d.md"] = "Ingen nøkler her.\n";
        using var site = new FixtureSite(files);
        var actual = site.Diagnostics().Select(d => $"{d.Span.File}({d.Span.Line},{d.Span.Column}) {d.Code}").ToList();
        Assert.Equal(
        [
            "content/historier/a.md(2,1) ABC104",
            "content/historier/a.md(3,1) ABC106",
            "content/historier/a.md(4,12) ABC107",
            "content/historier/a.md(6,10) ABC201",
            "content/historier/a.md(9,17) ABC302",
            "content/historier/a.md(9,17) ABC303",
            "content/historier/b.md(1,1) ABC412",
            "content/historier/b.md(2,8) ABC105",
            "content/historier/b.md(5,10) ABC108",
            "content/historier/b.md(9,1) ABC304",
            "content/metoder/c.md(5,8) ABC109",
            "content/metoder/c.md(8,1) ABC301",
            "content/refleksjon/d.md(1,1) ABC100",
        ], actual);
    }
}
