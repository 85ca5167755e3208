using ForbedringsAbc.Model;

namespace ForbedringsAbc.Loading;

/// <summary>
/// What content/ holds: the Markdown pages, the other files (images, films, captions) that
/// are published beside them (with their sizes), and the root folder they were read from. All lists are sorted
/// by path (ordinal), never in file-system order.
/// </summary>
public sealed record ContentSet(
    string Root,
    IReadOnlyList<SourceDocument> Documents,
    IReadOnlyList<string> Assets,
    IReadOnlyDictionary<string, long> AssetSizes)
{
    /// <summary>Markdown files listed but not yet read (see <see cref="ContentLoader.Load"/>), sorted by path.</summary>
    public IReadOnlyList<ContentFile> Unread { get; init; } = [];

    private readonly HashSet<string> _assetSet = new(Assets, StringComparer.Ordinal);

    public bool HasAsset(string contentPath) => _assetSet.Contains(contentPath);

    public string FullPath(string contentPath) => Path.Combine(Root, contentPath);
}

/// <summary>A Markdown file of content/ as listed: its path in content/, where it is, and its size when listed.</summary>
public sealed record ContentFile(string ContentPath, string FullName, long Size);
