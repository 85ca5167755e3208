using ForbedringsAbc.Diagnostics;

namespace ForbedringsAbc.Model;

/// <summary>A value together with where it was written, for diagnostics in later stages.</summary>
public sealed record Located<T>(T Value, SourceSpan Span);
