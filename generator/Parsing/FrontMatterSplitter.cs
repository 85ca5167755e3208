using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;

namespace ForbedringsAbc.Parsing;

/// <summary>
/// The YAML between the fences and the Markdown after them, with their line offsets.
/// <see cref="HasFrontMatter"/> is false when the fences were missing (already reported):
/// the page then carries on with empty keys, so links to it still resolve.
/// </summary>
public sealed record SplitDocument(string Yaml, int YamlLineOffset, string Text, int BodyStart, int BodyLineOffset, bool HasFrontMatter = true)
{
    /// <summary>The Markdown below the front matter.</summary>
    public string Body => BodyStart == 0 ? Text : Text[BodyStart..];

    /// <summary>The same, without a copy.</summary>
    public ReadOnlySpan<char> BodySpan => Text.AsSpan(BodyStart);
}

/// <summary>
/// Splits "---\n yaml \n---\n body". The opening fence must be the first line; the closing
/// fence is the next line that is exactly "---" (or "...", YAML's document end).
/// </summary>
public static class FrontMatterSplitter
{
    public static SplitDocument Split(SourceDocument doc, DiagnosticBag diagnostics)
    {
        var text = doc.Text;
        if (!IsFence(FirstLine(text)))
        {
            diagnostics.Report(Rules.NoFrontMatter, new SourceSpan(doc.DisplayPath, 1, 1),
                "Filen må begynne med en linje med tre bindestreker (---), så nøklene (title, summary …), så en ny linje med ---.");
            return new SplitDocument(string.Empty, 1, text, 0, 0, HasFrontMatter: false);
        }
        var yamlStart = text.IndexOf('\n');
        if (yamlStart < 0)
        {
            return Unclosed(doc, diagnostics);
        }
        yamlStart++;
        var pos = yamlStart;
        var line = 2;
        while (pos <= text.Length)
        {
            var end = text.IndexOf('\n', pos);
            var lineText = end < 0 ? text.AsSpan(pos) : text.AsSpan(pos, end - pos);
            if (IsFence(lineText) || lineText.TrimEnd().SequenceEqual("..."))
            {
                var yaml = text[yamlStart..pos];
                return new SplitDocument(yaml, 1, text, end < 0 ? text.Length : end + 1, line);
            }
            if (end < 0) break;
            pos = end + 1;
            line++;
        }
        return Unclosed(doc, diagnostics);
    }

    private static SplitDocument Unclosed(SourceDocument doc, DiagnosticBag diagnostics)
    {
        diagnostics.Report(Rules.UnclosedFrontMatter, new SourceSpan(doc.DisplayPath, 1, 1),
            "Nøklene øverst i filen er ikke avsluttet. Sett inn en linje med tre bindestreker (---) etter den siste nøkkelen.");
        return new SplitDocument(string.Empty, 1, string.Empty, 0, 0, HasFrontMatter: false);
    }

    private static ReadOnlySpan<char> FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text.AsSpan(0, end);
    }

    private static bool IsFence(ReadOnlySpan<char> line) => line.TrimEnd().SequenceEqual("---");
}
