using ForbedringsAbc.Cli;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary><c>generator new</c>: a new page with every key, that passes check once filled in, never overwriting.</summary>
public class NewCommandTests
{
    private static readonly DateOnly Today = FixtureSite.Today;

    [Theory]
    [InlineData("historie", "Tavlemøter på Ørsta sjukehus", "historier/tavlemoter-pa-orsta-sjukehus.md")]
    [InlineData("metode", "Fem ganger hvorfor", "metoder/fem-ganger-hvorfor.md")]
    [InlineData("refleksjon", "Å lære av hverandre", "refleksjon/a-laere-av-hverandre.md")]
    [InlineData("kontakt", "Åse Ødegård", "kontakt/ase-odegard.md")]
    public void A_new_page_passes_check_once_the_editor_fills_it_in(string kind, string title, string expectedPath)
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        var output = new StringWriter();
        Assert.Equal(0, NewCommand.Run(kind, title, site.ContentDir, Today, output));
        var path = Path.Combine(site.ContentDir, expectedPath);
        Assert.True(File.Exists(path), output.ToString());
        Assert.EndsWith(expectedPath, output.ToString().Trim());
        var text = File.ReadAllText(path);
        Assert.Contains("published: 2026-11-24", text);
        Assert.Contains("# Ingressen", text);

        var before = CheckCommandOutput(site);
        Assert.Contains("error", before);

        File.WriteAllText(path, Fill(text));
        var after = CheckCommandOutput(site);
        Assert.DoesNotContain("error", after);
        Assert.Contains("0 feil", after);
    }

    [Fact]
    public void New_never_overwrites_a_file()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        var before = File.ReadAllText(Path.Combine(site.ContentDir, "metoder", "pdsa.md"));
        var output = new StringWriter();
        Assert.Equal(1, NewCommand.Run("metode", "PDSA", site.ContentDir, Today, output));
        Assert.Contains("finnes fra før", output.ToString());
        Assert.Equal(before, File.ReadAllText(Path.Combine(site.ContentDir, "metoder", "pdsa.md")));
    }

    private static string CheckCommandOutput(FixtureSite site)
    {
        var output = new StringWriter();
        CheckCommand.Run(site.Options(), DiagnosticFormat.Text, output);
        return output.ToString();
    }

    /// <summary>What an editor does: every empty value gets real text.</summary>
    private static string Fill(string text) => text
        .Replace("summary: \"\"", "summary: \"Kort om siden.\"")
        .Replace("unit: \"\"", "unit: \"Sengepost 3\"")
        .Replace("contact: \"\"", "contact: \"kari-nordmann\"")
        .Replace("methods:\n  - \"\"", "methods:\n  - \"pdsa\"")
        .Replace("phase: \"\"", "phase: \"planlegge\"")
        .Replace("video:\n  title: \"\"\n  url: \"\"", "video:\n  title: \"Filmen\"\n  url: \"https://www.example.no/film\"")
        .Replace("    title: \"\"", "    title: \"Innledning\"")
        .Replace("      - name: \"\"\n        role: \"\"\n        org: \"\"", "      - name: \"Kari Nordmann\"\n        role: \"rådgiver\"\n        org: \"Eksempel sykehus\"")
        .Replace("questions:\n  - \"\"", "questions:\n  - \"Hva lærte dere?\"")
        .Replace("name: \"\"", "name: \"Åse Ødegård\"")
        .Replace("role: \"\"", "role: \"Rådgiver\"")
        .Replace("email: \"\"", "email: \"ase@example.no\"")
        .Replace("phone: \"\"", "phone: \"+47 400 00 000\"");
}
