using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>
/// What a build takes from content/: every file, but names that start with a dot (a .git folder,
/// .DS_Store, an editor's backup) and the site's data folder at the top (content/_data/, read as
/// site data, never published); a folder named _data further down is an ordinary folder.
/// </summary>
public sealed class ContentListingTests
{
    [Fact]
    public void Hidden_files_and_folders_and_the_data_folder_are_left_out_and_everything_else_is_taken()
    {
        var files = Pages.MinimalSite();
        files[".utkast/side.md"] = Pages.Method("Skjult side");
        files["metoder/.kladd.md"] = Pages.Method("Kladd");
        using var site = new FixtureSite(files);
        site.WriteFile(".DS_Store", "x");
        site.WriteFile("historier/bilder/.gitkeep", "");
        site.WriteFile("historier/bilder/tavle.png", "png");
        site.WriteFile("historier/_data/tabell.csv", "a,b");
        site.WriteFile("_data/notat.txt", "not published");

        var (result, output) = site.Build();

        Assert.Empty(result.Diagnostics);
        Assert.Equal("png", output.Text("historier/bilder/tavle.png"));
        Assert.Equal("a,b", output.Text("historier/_data/tabell.csv"));
        Assert.Contains("metoder/pdsa/index.html", output.Files.Keys);
        Assert.DoesNotContain(output.Files.Keys, k => k.Contains(".DS_Store") || k.Contains(".gitkeep") || k.Contains("notat")
            || k.Contains("kladd") || k.Contains("utkast") || k.Contains("skjult"));
    }
}
