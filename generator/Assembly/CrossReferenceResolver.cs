using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;
using ForbedringsAbc.Text;

namespace ForbedringsAbc.Assembly;

/// <summary>
/// Checks that every story's <c>contact</c> and <c>methods</c> name existing pages, and builds
/// the reverse lists: the stories that used a method, the stories a contact answers for.
/// </summary>
public sealed class CrossReferenceResolver(
    DiagnosticBag diagnostics,
    IReadOnlyDictionary<string, SitePage> methods,
    IReadOnlyDictionary<string, SitePage> contacts,
    IReadOnlySet<string> draftSlugs)
{
    public (Dictionary<string, IReadOnlyList<SitePage>> ByMethod, Dictionary<string, IReadOnlyList<SitePage>> ByContact) Resolve(IReadOnlyList<SitePage> pages)
    {
        var byMethod = new Dictionary<string, List<SitePage>>(StringComparer.Ordinal);
        var byContact = new Dictionary<string, List<SitePage>>(StringComparer.Ordinal);
        foreach (var story in pages.Where(p => p.Kind == PageKind.Story))
        {
            var meta = (StoryMeta)story.Page.KindMeta;
            if (meta.Contact is { } contact && Find(contact, contacts, Rules.UnknownContact, "kontaktpersonen", "kontakt") is { } c)
            {
                Add(byContact, c.ContentPath, story);
            }
            foreach (var method in meta.Methods)
            {
                if (Find(method, methods, Rules.UnknownMethod, "metoden", "metoder") is { } m) Add(byMethod, m.ContentPath, story);
            }
        }
        return (Sort(byMethod), Sort(byContact));
    }

    private SitePage? Find(Located<string> reference, IReadOnlyDictionary<string, SitePage> pages, Rule rule, string what, string folder)
    {
        if (pages.TryGetValue(reference.Value, out var page)) return page;
        if (draftSlugs.Contains(reference.Value))
        {
            diagnostics.Report(Rules.LinkToDraft, reference.Span,
                $"Siden for {what} «{reference.Value}» er et utkast (draft: true) og kommer ikke med på nettstedet.");
            return null;
        }
        var nearest = EditDistance.Nearest(reference.Value, pages.Keys);
        var hint = nearest is null ? $" Navnet er filnavnet uten .md i content/{folder}/." : $" Mente du «{nearest}»?";
        diagnostics.Report(rule, reference.Span, $"Fant ingen side for {what} «{reference.Value}» i content/{folder}/.{hint}");
        return null;
    }

    private static void Add(Dictionary<string, List<SitePage>> map, string key, SitePage story)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (list.Count == 0 || !ReferenceEquals(list[^1], story)) list.Add(story);
    }

    private static Dictionary<string, IReadOnlyList<SitePage>> Sort(Dictionary<string, List<SitePage>> map) =>
        map.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<SitePage>)PageOrder.NewestFirst(kv.Value), StringComparer.Ordinal);
}
