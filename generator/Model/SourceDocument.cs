namespace ForbedringsAbc.Model;

/// <summary>
/// A Markdown file as read from content/: its path relative to the content root
/// ('/' separators, e.g. "historier/x.md"), the path shown in diagnostics, and its text
/// with the BOM removed and every line ending turned into '\n'.
/// </summary>
public sealed record SourceDocument(string ContentPath, string DisplayPath, string Text);
