namespace ForbedringsAbc.Loading;

/// <summary>Shows paths as editors see them: relative to the working directory, with '/'.</summary>
public static class PathDisplay
{
    public static string ForUser(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }
}
