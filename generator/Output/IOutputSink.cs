namespace ForbedringsAbc.Output;

/// <summary>Where the build writes: a folder (build), memory (check, tests, serve).</summary>
public interface IOutputSink
{
    /// <summary>Writes a text file (UTF-8, no BOM) at a site-relative path with '/' separators.</summary>
    void WriteText(string path, string text);

    /// <summary>The same, from text in a buffer (a page as it was rendered); a sink that keeps text makes a string of it.</summary>
    void WriteText(string path, ReadOnlySpan<char> text) => WriteText(path, text.ToString());

    /// <summary>Copies a file from disk to a site-relative path.</summary>
    void CopyFile(string path, string sourceFile);
}
