namespace ForbedringsAbc.Search.Indexing;

/// <summary>A run of text from one block of a page: a heading (weight 7 for h1 … 2 for h6) or body text (1).</summary>
public sealed record TextBlock(string Text, int Weight);
