namespace ForbedringsAbc.Diagnostics;

/// <summary>
/// A place in a source file: the path as shown to editors (relative to the working
/// directory where possible, '/' separators) and a 1-based line and column counted from
/// the top of the file, front matter included. Line 0 means "the whole file".
/// </summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static SourceSpan WholeFile(string file) => new(file, 0, 0);

    public bool HasPosition => Line > 0;

    public override string ToString() => HasPosition ? $"{File}({Line},{Column})" : File;
}
