using ForbedringsAbc.Diagnostics;

namespace ForbedringsAbc.Pipeline;

/// <summary>What a run found and made: every diagnostic (sorted), the counts, and notes for the summary.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int Pages, int Files, IReadOnlyList<string> Notes, StageTimer Timer)
{
    public int Errors => Diagnostics.Count(d => d.IsError);

    public int Warnings => Diagnostics.Count(d => !d.IsError);

    public bool Succeeded => Errors == 0;

    /// <summary>What the preview server needs to rebuild one page of this build alone.</summary>
    public BuildSnapshot? Snapshot { get; init; }

    /// <summary>For a one-page rebuild (<see cref="PagePatcher"/>): how many pages it rendered again; null for a whole build.</summary>
    public int? PatchedPages { get; init; }
}
