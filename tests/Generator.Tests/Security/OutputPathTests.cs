using ForbedringsAbc.Output;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Security;

/// <summary>
/// The sink that writes the site never writes outside its folder: a path with an empty name, "."
/// or ".." anywhere in it (between slashes or backslashes: a Windows build server takes both),
/// or a rooted one, is refused before anything is made; ordinary paths,
/// names with dots in them included, are written where they say.
/// </summary>
public sealed class OutputPathTests
{
    [Theory]
    [InlineData("")]
    [InlineData("ROOTED")]
    [InlineData("../x.html")]
    [InlineData("a/../../x.html")]
    [InlineData("a/..")]
    [InlineData("./x.html")]
    [InlineData("a/./x.html")]
    [InlineData("a//x.html")]
    [InlineData("a/")]
    [InlineData("a\\..\\..\\x.html")]
    [InlineData("a/..\\x.html")]
    [InlineData("\\x.html")]
    public void A_path_that_could_leave_the_folder_is_refused_and_nothing_is_written(string path)
    {
        using var dir = new TempDir();
        var root = dir.Combine("site");
        Directory.CreateDirectory(root);
        var sink = new DirectorySink(root);
        // A rooted path inside the test's own folder: a regression writes there, never outside it.
        if (path == "ROOTED") path = dir.Combine("outside.html");
        var e = Assert.Throws<InvalidOperationException>(() => sink.WriteText(path, "x"));
        Assert.Contains("outside the output folder", e.Message);
        Assert.Equal([root], Directory.EnumerateFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories));
        Assert.Equal(0, sink.Count);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("a/b/index.html")]
    [InlineData("a.b/..c/...html")]
    [InlineData("sok/indeks/d/x.js")]
    public void An_ordinary_path_is_written_where_it_says(string path)
    {
        using var dir = new TempDir();
        var sink = new DirectorySink(dir.Path);
        sink.WriteText(path, "æøå");
        Assert.Equal("æøå", File.ReadAllText(Path.Combine(dir.Path, path)));
        Assert.Equal(1, sink.Count);
    }
}
