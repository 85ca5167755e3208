namespace ForbedringsAbc.PostProcessing;

/// <summary>A URL an element makes the browser load by itself (not a link the reader follows), and where it is written.</summary>
public sealed record ResourceReference(string Element, string Attribute, string Url, int Line, int Column);
