using ForbedringsAbc.Model;
using ForbedringsAbc.Text;

namespace ForbedringsAbc.Assembly;

/// <summary>
/// Groups pages by tag. Spellings that give the same slug ("Ledelse", "ledelse") are one tag,
/// shown with its most used spelling; pages within a tag are sorted by title.
/// </summary>
public static class TagCollector
{
    public static IReadOnlyList<TagInfo> Collect(IReadOnlyList<SitePage> pages)
    {
        var bySlug = new Dictionary<string, (Dictionary<string, int> Spellings, List<SitePage> Pages)>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var (tag, slug) in page.Meta.Tags.Select(t => (t, Slugifier.Slugify(t))).DistinctBy(t => t.Item2))
            {
                if (slug.Length == 0) continue;
                if (!bySlug.TryGetValue(slug, out var entry))
                {
                    entry = (new Dictionary<string, int>(StringComparer.Ordinal), []);
                    bySlug[slug] = entry;
                }
                entry.Spellings[tag] = entry.Spellings.GetValueOrDefault(tag) + 1;
                entry.Pages.Add(page);
            }
        }
        return bySlug
            .Select(kv => new TagInfo(
                kv.Value.Spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
                kv.Key,
                kv.Value.Pages.OrderBy(p => p.Meta.Title, NorwegianComparer.Instance).ThenBy(p => p.ContentPath, StringComparer.Ordinal).ToList()))
            .OrderBy(t => t.Name, NorwegianComparer.Instance)
            .ThenBy(t => t.Slug, StringComparer.Ordinal)
            .ToList();
    }
}
