namespace ForbedringsAbc.Browser.Tests.Support;

/// <summary>Folders of the repository the tests run from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Templates => Path.Combine(Root, "templates");

    /// <summary>The pinned Nu Html Checker, installed by test.sh with <c>npm ci</c> from tools/html-check/package-lock.json.</summary>
    public static string VnuJar => Path.Combine(Root, "tools", "html-check", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ForbedringsABC.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ForbedringsABC.sln not found above the test folder.");
    }
}
