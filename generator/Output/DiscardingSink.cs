namespace ForbedringsAbc.Output;

/// <summary>
/// Takes the output and keeps none of it (<c>check</c>): the pipeline runs and checks every page
/// exactly as a build does, without holding or encoding the site it would write.
/// </summary>
public sealed class DiscardingSink : IOutputSink
{
    public void WriteText(string path, string text)
    {
    }

    public void WriteText(string path, ReadOnlySpan<char> text)
    {
    }

    public void CopyFile(string path, string sourceFile)
    {
    }
}
