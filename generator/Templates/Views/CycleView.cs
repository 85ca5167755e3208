namespace ForbedringsAbc.Templates.Views;

/// <summary>
/// The improvement cycle as a figure, in two drawings of the same phases: a ring (wide
/// containers) and a column with a return arrow (narrow ones); CSS shows one of them.
/// Coordinates are SVG user units, already formatted with '.' decimals.
/// </summary>
public sealed record CycleView(
    CycleDrawingView Ring,
    CycleDrawingView Column,
    IReadOnlyList<PhaseView> Phases,
    PhaseView? Current,
    string NodeWidth,
    string NodeHeight,
    string NodeRadius);
