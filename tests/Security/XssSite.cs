using System.Globalization;
using System.Text;
using ForbedringsAbc.Fuzz;

namespace ForbedringsAbc.Security;

/// <summary>One XSS vector from tests/data/xss/vectors.txt: a script URL, or markup and other text.</summary>
public sealed record XssVector(int Number, bool IsUrl, string Payload)
{
    /// <summary>The page that carries it, by content path ("historier/xss-001.md").</summary>
    public string ContentPath => $"{XssSite.Folders[Number % XssSite.Folders.Length]}/xss-{Number:000}.md";

    /// <summary>A word only this page has, in its title and summary, to search for.</summary>
    public string Marker => $"xss{Number:000}";
}

/// <summary>
/// A content folder with one page per XSS vector, the vector in every field an editor fills in:
/// title, summary, owner, tags, image alt, caption and photo credit, the kind's own strings (unit,
/// contact name and role, guide event, film title, chapter, speaker, questions, resources), and in
/// the body as heading, paragraph, link text, link and image address, image alt, figure caption,
/// table cell, alert, list item, footnote and code; and each section page's title, summary and
/// text. Shared by Generator.Tests and Browser.Tests.
/// </summary>
public static class XssSite
{
    public static readonly string[] Folders = ["historier", "metoder", "refleksjon", "kontakt", "om"];

    public static IReadOnlyList<XssVector> Load(string repoRoot) =>
        File.ReadAllLines(Path.Combine(repoRoot, "tests", "data", "xss", "vectors.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select((l, i) => new XssVector(i + 1, l.StartsWith("url\t", StringComparison.Ordinal), l[(l.IndexOf('\t') + 1)..]))
            .ToList();

    /// <summary>Writes the site's content folder: the fixed companion pages, an image per folder, a page per vector.</summary>
    public static void Write(string contentDir, IReadOnlyList<XssVector> vectors)
    {
        foreach (var (path, text) in FuzzTarget.Companions) WriteFile(contentDir, path, Encoding.UTF8.GetBytes(text));
        foreach (var folder in Folders) WriteFile(contentDir, folder + "/bilder/foto.png", FuzzTarget.Png);
        foreach (var v in vectors) WriteFile(contentDir, v.ContentPath, Encoding.UTF8.GetBytes(Page(v)));
        // Each section page (its title, summary and text) carries one of the first vectors.
        foreach (var (folder, v) in Folders.Zip(vectors))
        {
            WriteFile(contentDir, folder + "/_index.md", Encoding.UTF8.GetBytes(
                $"---\ntitle: {Yaml("Seksjon " + v.Payload)}\nsummary: {Yaml("Om seksjonen " + v.Payload)}\n---\n\n{Markdown(v.Payload)}\n"));
        }
    }

    public static string Page(XssVector v)
    {
        var y = Yaml(v.Payload);
        var fm = new StringBuilder();
        fm.Append("---\n");
        fm.Append($"title: {Yaml($"{Capital(v.Marker)} {v.Payload}")}\n");
        fm.Append($"summary: {Yaml($"Sammendrag {v.Marker}: {v.Payload}")}\n");
        fm.Append("published: 2025-01-01\n");
        fm.Append($"owner: {y}\n");
        fm.Append($"tags: [{y}, \"xssprøve\"]\n");
        fm.Append($"image:\n  src: \"bilder/foto.png\"\n  alt: {y}\n  caption: {y}\n  credit: {y}\n");
        var url = v.IsUrl ? y : "\"https://example.no/film\"";
        switch (v.ContentPath.Split('/')[0])
        {
            case "historier":
                fm.Append($"unit: {y}\ncontact: \"kari-holmen\"\nmethods: [\"pdsa\"]\n");
                break;
            case "metoder":
                fm.Append("phase: \"gjennomføre\"\n");
                break;
            case "refleksjon":
                fm.Append($"event: {y}\nvideo:\n  title: {y}\n  url: {url}\n");
                fm.Append($"chapters:\n  - time: \"00:00:00\"\n    title: {y}\n    speakers:\n      - name: {y}\n        role: {y}\n        org: {y}\n");
                fm.Append($"questions: [{y}]\nresources:\n  - title: {y}\n    url: {url}\n    note: {y}\n");
                break;
            case "kontakt":
                fm.Append($"name: {y}\nrole: {y}\nunit: {y}\nemail: \"{v.Marker}@example.no\"\nphone: {y}\n");
                break;
        }
        fm.Append("---\n\n");
        var m = Markdown(v.Payload);
        // A script URL goes where Markdown takes an address: <…> unless it holds < or >.
        var destination = v.IsUrl && !m.Contains('<') && !m.Contains('>') ? $"<{m}>" : m;
        var body = $"""
            ## Overskrift {m}

            {m}

            Avsnitt med [lenketekst {m}](../metoder/pdsa.md) og `{v.Payload.Replace("`", "'")}`.

            Se [lenken]({destination}) her.

            ![{m}](bilder/foto.png)

            ![Bilde](bilder/foto.png "Bildetekst {m.Replace("\"", "&quot;")} Foto: {m.Replace("\"", "&quot;")}")

            Et bilde ![bilde]({destination}) i teksten.

            | Kolonne | {m.Replace("|", "\\|")} |
            | --- | --- |
            | {m.Replace("|", "\\|")} | x |

            > [!TIP]
            > {m}

            - {m}

            Fotnote[^1].

            [^1]: {m}

            """;
        if (v.IsUrl && !m.Any(c => c is ' ' or '<' or '>' or '\t')) body += $"\nAutolenke <{m}>.\n";
        return fm + body;
    }

    /// <summary>A YAML double-quoted string; the placeholders become escapes.</summary>
    private static string Yaml(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"")
            .Replace("{NUL}", "\\0").Replace("{TAB}", "\\t").Replace("{LF}", "\\n").Replace("{CR}", "\\r") + "\"";

    /// <summary>Markdown text; the placeholders become character references (a content file holds no NUL).</summary>
    private static string Markdown(string value) =>
        value.Replace("{NUL}", "&#0;").Replace("{TAB}", "\t").Replace("{LF}", "&#10;").Replace("{CR}", "&#13;");

    private static string Capital(string s) => char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..];

    private static void WriteFile(string contentDir, string path, byte[] bytes)
    {
        var full = Path.Combine([contentDir, .. path.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }
}
