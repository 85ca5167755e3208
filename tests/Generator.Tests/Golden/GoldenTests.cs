using ForbedringsAbc.Pipeline;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Golden;

/// <summary>
/// Markdown → HTML fragments, compared with the expected files beside them
/// (Golden/markdown/NAME.md → NAME.html). Run with UPDATE_GOLDEN=1 to rewrite the expected
/// files from the current output, then review the diff.
/// </summary>
public class GoldenTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Golden", "markdown");
    private static readonly string SourceFolder = Path.Combine(Repo.TestSource, "Golden", "markdown");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Markdown_renders_as_expected(string name)
    {
        var files = Pages.MinimalSite();
        files["metoder/pdsa.md"] = Pages.Method("PDSA");
        files[$"artikler/{name}.md"] = "---\ntitle: \"Golden\"\nsummary: \"Golden.\"\npublished: 2020-01-01\n---\n\n" + File.ReadAllText(Path.Combine(Folder, name + ".md"));
        using var site = new FixtureSite(files);
        site.WriteFile("artikler/bilder/tavle.svg", File.ReadAllText(Path.Combine(Folder, "bilder", "tavle.svg")));
        var prepared = new BuildPipeline().Prepare(site.Options());
        var actual = prepared.Rendered[$"artikler/{name}.md"].BodyHtml;
        var expectedPath = Path.Combine(SourceFolder, name + ".html");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"No expected output {expectedPath}; run with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
