using System.Text;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;

namespace ForbedringsAbc.Loading;

/// <summary>
/// Reads content/: every Markdown file as strict UTF-8 text, every other file as an asset.
/// Hidden entries (".git", ".DS_Store") and the site data folder (_data) are not pages.
/// A symbolic link that leads outside content/ is refused.
/// </summary>
public sealed class ContentLoader(PathDisplay paths, DiagnosticBag diagnostics)
{
    /// <summary>The largest Markdown file accepted (a page is never this long; see docs/limits).</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    public const string DataFolder = "_data";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ContentSet Load(string root)
    {
        var fullRoot = Path.GetFullPath(root);
        var documents = new List<SourceDocument>();
        var assets = new List<string>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in Enumerate(fullRoot))
        {
            var contentPath = Path.GetRelativePath(fullRoot, file).Replace('\\', '/');
            if (!IsInsideRoot(fullRoot, file))
            {
                diagnostics.Report(Rules.UnreadableFile, SourceSpan.WholeFile(paths.ForUser(file)),
                    "Filen er en snarvei (symbolsk lenke) som peker ut av content/. Kopier filen inn i stedet.");
                continue;
            }
            if (contentPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                var doc = ReadDocument(file, contentPath);
                if (doc is not null) documents.Add(doc);
            }
            else
            {
                assets.Add(contentPath);
                sizes[contentPath] = new FileInfo(file).Length;
            }
        }
        documents.Sort((a, b) => string.CompareOrdinal(a.ContentPath, b.ContentPath));
        assets.Sort(StringComparer.Ordinal);
        return new ContentSet(fullRoot, documents, assets, sizes);
    }

    /// <summary>
    /// Reads one Markdown file of content/ again (the preview's one-page rebuild), with the same
    /// checks as <see cref="Load"/>; null when it cannot be read (the problem is reported).
    /// </summary>
    public SourceDocument? LoadOne(string root, string contentPath)
    {
        var fullRoot = Path.GetFullPath(root);
        var file = Path.Combine(fullRoot, contentPath);
        if (!IsInsideRoot(fullRoot, file)) return null;
        return ReadDocument(file, contentPath);
    }

    private static IEnumerable<string> Enumerate(string root)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = true,
        };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(f => !IsExcluded(Path.GetRelativePath(root, f)))
            .Order(StringComparer.Ordinal);
    }

    private static bool IsExcluded(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Any(p => p.StartsWith('.')) || parts[0] == DataFolder;
    }

    private static bool IsInsideRoot(string root, string file)
    {
        var info = new FileInfo(file);
        if (info.LinkTarget is null) return true;
        var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return target is not null && target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private SourceDocument? ReadDocument(string file, string contentPath)
    {
        var display = paths.ForUser(file);
        byte[] bytes;
        try
        {
            var length = new FileInfo(file).Length;
            if (length > MaxFileBytes)
            {
                diagnostics.Report(Rules.FileTooLarge, SourceSpan.WholeFile(display),
                    $"Filen er {length / 1024 / 1024.0:0.0} MB. En side kan være høyst {MaxFileBytes / 1024 / 1024} MB; del den opp eller flytt store vedlegg ut.".Replace(',', '.'));
                return null;
            }
            bytes = File.ReadAllBytes(file);
        }
        catch (IOException e)
        {
            diagnostics.Report(Rules.UnreadableFile, SourceSpan.WholeFile(display), $"Filen kan ikke leses: {e.Message}");
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            diagnostics.Report(Rules.UnreadableFile, SourceSpan.WholeFile(display), "Filen kan ikke leses (mangler tilgang).");
            return null;
        }
        var text = Decode(bytes, display);
        return text is null ? null : new SourceDocument(contentPath, display, text);
    }

    private string? Decode(byte[] bytes, string display)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var (line, col) = LineOf(bytes, e.Index);
            diagnostics.Report(Rules.UnreadableFile, new SourceSpan(display, line, col),
                "Filen er ikke gyldig UTF-8. Lagre den som UTF-8 i redigeringsprogrammet.");
            return null;
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var (line, col) = LineOf(text, nul);
            diagnostics.Report(Rules.UnreadableFile, new SourceSpan(display, line, col),
                "Filen inneholder et NUL-tegn (binærdata). Er det riktig fil?");
            return null;
        }
        return NormalizeNewlines(text);
    }

    /// <summary>CRLF and lone CR become LF; the number of lines is unchanged.</summary>
    public static string NormalizeNewlines(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;

    private static (int Line, int Column) LineOf(byte[] bytes, int index)
    {
        index = Math.Clamp(index, 0, bytes.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, index - lineStart + 1);
    }

    private static (int Line, int Column) LineOf(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, index - lineStart + 1);
    }
}
