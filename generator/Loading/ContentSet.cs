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
    private readonly HashSet<string> _assetSet = new(Assets, StringComparer.Ordinal);

    public bool HasAsset(string contentPath) => _assetSet.Contains(contentPath);

    public string FullPath(string contentPath) => Path.Combine(Root, contentPath);
}
