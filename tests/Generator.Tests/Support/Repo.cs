namespace ForbedringsAbc.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");

    public static string Content => Path.Combine(Root, "content");

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string TestSource => Path.Combine(Root, "tests", "Generator.Tests");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ForbedringsABC.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ForbedringsABC.sln not found above the test folder.");
    }
}
