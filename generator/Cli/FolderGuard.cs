using ForbedringsAbc.Pipeline;

namespace ForbedringsAbc.Cli;

/// <summary>
/// Checks the folders of a run before anything is read or written. The output folder is
/// replaced as a whole, so it must never be (or contain) the content, the templates, the
/// working directory or a repository.
/// </summary>
public static class FolderGuard
{
    public static void CheckInputs(BuildOptions options)
    {
        if (!Directory.Exists(options.ContentDir)) throw new UsageException($"The content folder '{options.ContentDir}' does not exist.");
        if (!Directory.Exists(options.TemplatesDir)) throw new UsageException($"The templates folder '{options.TemplatesDir}' does not exist.");
    }

    public static void CheckOutput(BuildOptions options)
    {
        var output = Full(options.OutputDir);
        if (Path.GetPathRoot(output) == output + Path.DirectorySeparatorChar || output.Length <= 1)
        {
            throw new UsageException("The output folder cannot be the root of the file system.");
        }
        foreach (var (name, dir) in new[] { ("content", options.ContentDir), ("templates", options.TemplatesDir), ("current", Directory.GetCurrentDirectory()) })
        {
            var protectedDir = Full(dir);
            if (IsSameOrInside(protectedDir, output))
            {
                throw new UsageException($"The output folder '{options.OutputDir}' would replace the {name} folder; choose an output folder of its own, such as 'site'.");
            }
            if (name != "current" && IsSameOrInside(output, protectedDir))
            {
                throw new UsageException($"The output folder '{options.OutputDir}' cannot be inside the {name} folder.");
            }
        }
        if (Directory.Exists(output) && (Directory.Exists(Path.Combine(output, ".git")) || Directory.EnumerateFiles(output, "*.sln").Any()))
        {
            throw new UsageException($"The output folder '{options.OutputDir}' holds a repository or solution; it would be replaced. Choose another folder.");
        }
    }

    private static string Full(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or lies inside it.</summary>
    private static bool IsSameOrInside(string inner, string outer) =>
        inner == outer || inner.StartsWith(outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
