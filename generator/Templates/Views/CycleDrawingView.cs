namespace ForbedringsAbc.Templates.Views;

/// <summary>One drawing of the cycle: its view box, the phase nodes, and the connecting path with its arrowheads.</summary>
public sealed record CycleDrawingView(string ViewBox, IReadOnlyList<CycleNodeView> Nodes, string Path, IReadOnlyList<string> Arrows);
