using ForbedringsAbc.Model;

namespace ForbedringsAbc.Parsing;

/// <summary>The folder-to-kind rule of the content model, and the keys each kind may have.</summary>
public static class PageKinds
{
    public static readonly IReadOnlyList<string> CommonKeys =
    [
        "title", "summary", "tags", "published", "updated", "draft", "slug", "aliases", "image",
        "reviewed", "review_by", "owner", "type",
    ];

    private static readonly Dictionary<PageKind, string[]> KindKeys = new()
    {
        [PageKind.Method] = ["phase"],
        [PageKind.Story] = ["unit", "contact", "methods"],
        [PageKind.Guide] = ["video", "chapters", "questions", "event", "resources"],
        [PageKind.Contact] = ["name", "role", "unit", "email", "phone"],
    };

    private static readonly Dictionary<string, PageKind> Folders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["metoder"] = PageKind.Method,
        ["historier"] = PageKind.Story,
        ["refleksjon"] = PageKind.Guide,
        ["kontakt"] = PageKind.Contact,
    };

    /// <summary>Values accepted for <c>type:</c>, English as in the content model, and Norwegian.</summary>
    private static readonly Dictionary<string, PageKind> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["home"] = PageKind.Home,
        ["section"] = PageKind.Section,
        ["article"] = PageKind.Article,
        ["artikkel"] = PageKind.Article,
        ["method"] = PageKind.Method,
        ["metode"] = PageKind.Method,
        ["story"] = PageKind.Story,
        ["historie"] = PageKind.Story,
        ["guide"] = PageKind.Guide,
        ["refleksjon"] = PageKind.Guide,
        ["contact"] = PageKind.Contact,
        ["kontakt"] = PageKind.Contact,
    };

    public static string TopFolder(string contentPath)
    {
        var slash = contentPath.IndexOf('/');
        return slash < 0 ? string.Empty : contentPath[..slash];
    }

    public static bool IsIndexFile(string contentPath) =>
        Path.GetFileName(contentPath).Equals("_index.md", StringComparison.OrdinalIgnoreCase);

    public static PageKind KindOf(string contentPath)
    {
        var folder = TopFolder(contentPath);
        if (IsIndexFile(contentPath))
        {
            if (folder.Length == 0) return PageKind.Home;
            // A nested _index.md is a plain page about its subfolder.
            return contentPath.Count(c => c == '/') == 1 ? PageKind.Section : PageKind.Article;
        }
        return Folders.TryGetValue(folder, out var kind) ? kind : PageKind.Article;
    }

    public static PageKind? ParseType(string name) => TypeNames.TryGetValue(name, out var k) ? k : null;

    public static IReadOnlyCollection<string> KeysFor(PageKind kind) =>
        KindKeys.TryGetValue(kind, out var extra) ? [.. CommonKeys, .. extra] : CommonKeys;

    /// <summary>Explains a key that belongs to another kind of page ("phase" on a story).</summary>
    public static string? ExplainForeignKey(string key, PageKind kind)
    {
        foreach (var (other, keys) in KindKeys)
        {
            if (other != kind && keys.Contains(key) && !KeysFor(kind).Contains(key))
            {
                return $"Nøkkelen `{key}` brukes bare på {KindName(other)} ({FolderOf(other)}/), ikke på {KindName(kind)}.";
            }
        }
        return null;
    }

    public static string FolderOf(PageKind kind) => Folders.First(f => f.Value == kind).Key;

    public static string KindName(PageKind kind) => kind switch
    {
        PageKind.Home => "forsiden",
        PageKind.Section => "seksjonssider",
        PageKind.Method => "metodesider",
        PageKind.Story => "erfaringshistorier",
        PageKind.Guide => "refleksjonsguider",
        PageKind.Contact => "kontaktsider",
        _ => "artikler",
    };
}
