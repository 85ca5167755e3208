using ForbedringsAbc.Diagnostics;

namespace ForbedringsAbc.Pipeline;

/// <summary>What a run found and made: every diagnostic (sorted), the counts, and notes for the summary.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int Pages, int Files, IReadOnlyList<string> Notes, StageTimer Timer)
{
    public int Errors => Diagnostics.Count(d => d.IsError);

    public int Warnings => Diagnostics.Count(d => !d.IsError);

    public bool Succeeded => Errors == 0;
}
