using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;

namespace ForbedringsAbc.Loading;

/// <summary>
/// Reads content/: every Markdown file as strict UTF-8 text, every other file as an asset.
/// Hidden entries (".git", ".DS_Store") and the site data folder (_data) are not pages.
/// A symbolic link to a file outside content/ is refused, and a folder that is a symbolic link is
/// never entered. Every text file is read by <see cref="ContentText"/> (size limit, strict UTF-8).
/// </summary>
public sealed class ContentLoader(PathDisplay paths, DiagnosticBag diagnostics)
{
    public const string DataFolder = "_data";

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

    /// <summary>
    /// Every file under content/, in ordinal order. A folder that is a symbolic link is not entered
    /// (it is reported): it may lead outside content/, or back into it and round in a loop.
    /// </summary>
    private List<string> Enumerate(string root)
    {
        var files = new List<string>();
        var folders = new Stack<string>([root]);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                if (IsExcluded(Path.GetRelativePath(root, entry.FullName))) continue;
                if (entry is not DirectoryInfo dir) files.Add(entry.FullName);
                else if (dir.LinkTarget is null) folders.Push(dir.FullName);
                else ReportLinkedFolder(root, dir);
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private void ReportLinkedFolder(string root, DirectoryInfo dir)
    {
        var target = dir.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        var inside = target is not null && (target == root || IsUnder(root, target));
        diagnostics.Report(Rules.UnreadableFile, SourceSpan.WholeFile(paths.ForUser(dir.FullName)), inside
            ? "Mappen er en snarvei (symbolsk lenke) til en annen mappe i content/, så sidene ville kommet to ganger. Fjern snarveien."
            : "Mappen er en snarvei (symbolsk lenke) som peker ut av content/. Kopier mappen inn i stedet.");
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
        return target is not null && IsUnder(root, target);
    }

    private static bool IsUnder(string root, string path) => path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private SourceDocument? ReadDocument(string file, string contentPath)
    {
        var display = paths.ForUser(file);
        var text = ContentText.Read(file, display, diagnostics);
        return text is null ? null : new SourceDocument(contentPath, display, text);
    }

    /// <summary>CRLF and lone CR become LF; the number of lines is unchanged.</summary>
    public static string NormalizeNewlines(string text) => ContentText.NormalizeNewlines(text);
}
