namespace ForbedringsAbc.Templates.Views;

/// <summary>
/// A phase drawn as a rounded box: <see cref="X"/>, <see cref="Y"/> its top-left corner,
/// <see cref="NumberX"/>/<see cref="TextX"/>/<see cref="TextY"/> where its number and title go.
/// </summary>
public sealed record CycleNodeView(int Number, PhaseView Phase, string X, string Y, string NumberX, string TextX, string TextY, string CenterY);
