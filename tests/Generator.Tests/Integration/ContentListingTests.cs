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

    [Fact]
    public void A_name_with_a_backslash_is_reported_and_left_out_and_the_rest_is_built()
    {
        // Linux and macOS allow a backslash in a name; a URL cannot have one, and on Windows it separates folders.
        using var site = new FixtureSite(Pages.MinimalSite());
        site.WriteFile("historier/bilder/tavle\\2.png", "png");
        site.WriteFile("historier/gammel\\mappe/side.md", Pages.Story("Gammel"));
        site.WriteFile("historier/bilder/tavle.png", "png");

        var (result, output) = site.Build();

        var reported = result.Diagnostics.Where(d => d.Code == "ABC111").ToDictionary(d => d.Span.File, d => d.Message);
        Assert.Equal(["content/historier/bilder/tavle\\2.png", "content/historier/gammel\\mappe"], reported.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Gi filen et annet navn", reported["content/historier/bilder/tavle\\2.png"]);
        Assert.Contains("Gi mappen et annet navn", reported["content/historier/gammel\\mappe"]);
        Assert.Equal("png", output.Text("historier/bilder/tavle.png"));
        Assert.Contains("historier/tavlemoter/index.html", output.Files.Keys);
        Assert.DoesNotContain(output.Files.Keys, k => k.Contains("tavle/2") || k.Contains("gammel"));
    }
}
