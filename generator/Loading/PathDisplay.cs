namespace ForbedringsAbc.Loading;

/// <summary>Shows paths as editors see them: relative to the folder the command runs in, with '/'.</summary>
public sealed class PathDisplay(string baseDirectory)
{
    public static PathDisplay Current => new(Directory.GetCurrentDirectory());

    public string ForUser(string fullPath)
    {
        var relative = Path.GetRelativePath(baseDirectory, Path.GetFullPath(fullPath));
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        // Slashes as a URL has them; on Linux and macOS a backslash is part of a name and stays.
        return Path.DirectorySeparatorChar == '\\' ? shown.Replace('\\', '/') : shown;
    }
}
