using ForbedringsAbc.Diagnostics;

namespace ForbedringsAbc.DevServer;

/// <summary>
/// What the preview serves now: the last good build's files, and the diagnostics of the latest
/// build (when it has errors, its files are not taken and every page shows the problems).
/// </summary>
public sealed record PreviewState(IReadOnlyDictionary<string, PreviewFile> Files, IReadOnlyList<Diagnostic> Diagnostics, int Version)
{
    public static PreviewState Empty { get; } = new(new Dictionary<string, PreviewFile>(), [], 0);

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
