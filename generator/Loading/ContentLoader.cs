using System.IO.Enumeration;
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

    /// <param name="readPages">
    /// False in a build that keeps nothing for a next one: the Markdown files are listed (in
    /// <see cref="ContentSet.Unread"/>) but not read; each is read by <see cref="Read"/> when it is
    /// parsed, so the text of every page is never held at once.
    /// </param>
    public ContentSet Load(string root, bool readPages = true)
    {
        var fullRoot = Path.GetFullPath(root);
        var entries = Enumerate(fullRoot);
        var documents = new SourceDocument?[entries.Count];
        var unread = new List<ContentFile>();
        var assets = new List<string>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        // Each file's checks ask the file system (is it a link, how large is it), and reading and
        // decoding is most of the work: both run in parallel, each file's answers into its place.
        var refusals = new string?[entries.Count];
        var lengths = new long[entries.Count];
        Parallel.For(0, entries.Count, i =>
        {
            refusals[i] = LinkRefusal(fullRoot, entries[i]);
            if (refusals[i] is not null) return;
            lengths[i] = ContentText.SizeOf(entries[i]);
            if (readPages && IsMarkdown(entries[i].FullName))
            {
                documents[i] = ReadDocument(entries[i].FullName, ContentPath(fullRoot, entries[i]), lengths[i]);
            }
        });
        for (var i = 0; i < entries.Count; i++)
        {
            var file = entries[i].FullName;
            if (refusals[i] is { } refusal)
            {
                diagnostics.Report(Rules.UnreadableFile, SourceSpan.WholeFile(paths.ForUser(file)), refusal);
            }
            else if (IsMarkdown(file))
            {
                if (!readPages) unread.Add(new ContentFile(ContentPath(fullRoot, entries[i]), file, lengths[i]));
            }
            else
            {
                var contentPath = ContentPath(fullRoot, entries[i]);
                assets.Add(contentPath);
                sizes[contentPath] = lengths[i];
            }
        }
        var read = documents.OfType<SourceDocument>().ToList();
        read.Sort((a, b) => string.CompareOrdinal(a.ContentPath, b.ContentPath));
        assets.Sort(StringComparer.Ordinal);
        unread.Sort((a, b) => string.CompareOrdinal(a.ContentPath, b.ContentPath));
        return new ContentSet(fullRoot, read, assets, sizes) { Unread = unread };
    }

    /// <summary>Reads a Markdown file listed but not read by <see cref="Load"/>, for a build that keeps nothing for a next one: the body, where it can, as the file's UTF-8; null when it cannot be read (the problem is reported).</summary>
    public StreamedDocument? ReadStreamed(ContentFile file) => StreamedDocument.Read(file, paths.ForUser(file.FullName), diagnostics);

    private static bool IsMarkdown(string file) => file.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    private static string ContentPath(string root, FileSystemInfo entry) => Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');

    /// <summary>
    /// Reads one Markdown file of content/ again (the preview's one-page rebuild), with the same
    /// checks as <see cref="Load"/>; null when it cannot be read (the problem is reported).
    /// </summary>
    public SourceDocument? LoadOne(string root, string contentPath)
    {
        var fullRoot = Path.GetFullPath(root);
        var file = Path.Combine(fullRoot, contentPath);
        if (LinkRefusal(fullRoot, new FileInfo(file)) is not null) return null;
        return ReadDocument(file, contentPath);
    }

    /// <summary>
    /// Every file under content/, in ordinal order, but names starting with a dot and the site's
    /// data folder (content/_data/). A folder that is a symbolic link is not entered (it is
    /// reported): it may lead outside content/, or back into it and round in a loop.
    /// </summary>
    /// <remarks>
    /// One thread lists the folders from what the directory itself says of each entry (a file or
    /// a folder): no status call a file. Each file's status (is it a link, how large is it) is
    /// asked in parallel by <see cref="Load"/>. 10,000 pages: the listing took ~95 ms of one thread
    /// with a status call an entry.
    /// </remarks>
    private List<FileInfo> Enumerate(string root)
    {
        var files = new List<string>();
        var folders = new Stack<string>([root]);
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            var atRoot = folder == root;
            List<(string Path, bool IsFolder)> entries;
            try
            {
                entries = new FileSystemEnumerable<(string, bool)>(folder, (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory), options)
                {
                    // The folders above an entry were checked when they were entered.
                    ShouldIncludePredicate = (ref FileSystemEntry e) => !IsExcluded(e.FileName, atRoot),
                }.ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var (path, isFolder) in entries)
            {
                if (RefusedForBackslash(path, isFolder)) continue;
                if (!isFolder) files.Add(path);
                else if (new DirectoryInfo(path) is var dir && !IsLink(dir)) folders.Push(path);
                else ReportLinkedFolder(root, dir);
            }
        }
        files.Sort(string.CompareOrdinal);
        return files.ConvertAll(file => new FileInfo(file));
    }

    /// <summary>
    /// Reports a file or folder whose name has a backslash, which Linux and macOS allow in a name:
    /// it cannot stand in a URL, and on Windows (and in the site's paths) it separates folders. True:
    /// the file (or the folder with everything in it) is left out. Before, such a name stopped the
    /// build with an internal error.
    /// </summary>
    private bool RefusedForBackslash(string path, bool isFolder)
    {
        var name = Path.GetFileName(path);
        if (OperatingSystem.IsWindows() || !name.Contains('\\')) return false;
        diagnostics.Report(Rules.BadSlug, SourceSpan.WholeFile(paths.ForUser(path)),
            $"Navnet «{name}» har en omvendt skråstrek (\\). Den kan ikke stå i en nettadresse, og på Windows skiller den mapper. Gi {(isFolder ? "mappen" : "filen")} et annet navn, for eksempel med bindestrek i stedet.");
        return true;
    }

    private void ReportLinkedFolder(string root, DirectoryInfo dir)
    {
        var target = dir.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        var inside = target is not null && (target == root || IsUnder(root, target));
        diagnostics.Report(Rules.UnreadableFile, SourceSpan.WholeFile(paths.ForUser(dir.FullName)), inside
            ? "Mappen er en snarvei (symbolsk lenke) til en annen mappe i content/, så sidene ville kommet to ganger. Fjern snarveien."
            : "Mappen er en snarvei (symbolsk lenke) som peker ut av content/. Kopier mappen inn i stedet.");
    }

    /// <summary>Whether an entry of a folder is left out: a name starting with a dot, or the data folder at the top.</summary>
    private static bool IsExcluded(ReadOnlySpan<char> name, bool atRoot) =>
        name.StartsWith('.') || (atRoot && name.SequenceEqual(DataFolder));

    /// <summary>
    /// Whether the entry is a symbolic link: read from its attributes (a status call), and the
    /// link itself is read only for entries that are links.
    /// </summary>
    private static bool IsLink(FileSystemInfo entry) =>
        entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && entry.LinkTarget is not null;

    /// <summary>Why a file may not be read (a link out of content/, or links that lead nowhere), or null when it may.</summary>
    private static string? LinkRefusal(string root, FileSystemInfo file)
    {
        if (!IsLink(file)) return null;
        try
        {
            var target = file.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !IsUnder(root, target.FullName)) return "Filen er en snarvei (symbolsk lenke) som peker ut av content/. Kopier filen inn i stedet.";
            return target.Exists ? null : "Filen er en snarvei (symbolsk lenke) til en fil som ikke finnes. Fjern snarveien, eller kopier filen inn.";
        }
        catch (IOException)
        {
            // Too many levels of links: links pointing at each other.
            return "Filen er en snarvei (symbolsk lenke) som peker på en annen snarvei i ring og ikke fører til noen fil. Fjern snarveien eller kopier filen inn.";
        }
    }

    private static bool IsUnder(string root, string path) => path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private SourceDocument? ReadDocument(string file, string contentPath, long? knownLength = null)
    {
        var display = paths.ForUser(file);
        var text = ContentText.Read(file, display, diagnostics, knownLength);
        return text is null ? null : new SourceDocument(contentPath, display, text);
    }

    /// <summary>CRLF and lone CR become LF; the number of lines is unchanged.</summary>
    public static string NormalizeNewlines(string text) => ContentText.NormalizeNewlines(text);
}
