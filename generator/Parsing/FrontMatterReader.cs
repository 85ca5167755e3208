using System.Text.RegularExpressions;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ForbedringsAbc.Parsing;

/// <summary>
/// Reads the front matter of one page into typed records, checking every key against the
/// content model of its kind. Problems are diagnostics; the page is still returned (with
/// empty values where a key was wrong) so later stages can report their problems too.
/// </summary>
public sealed partial class FrontMatterReader(SiteData site, DiagnosticBag diagnostics)
{
    public (CommonMeta Common, KindMeta Kind) Read(SourceDocument doc, SplitDocument split, PageKind kind)
    {
        if (!split.HasFrontMatter) return (EmptyCommon(doc), EmptyKindMeta(kind));
        var spans = new YamlSpans(doc.DisplayPath, split.YamlLineOffset);
        var map = ParseYaml(split.Yaml, spans);
        if (map is null) return (EmptyCommon(doc), EmptyKindMeta(kind));
        var fields = new YamlFields(map, spans, diagnostics);
        CheckType(fields, kind);
        var common = ReadCommon(fields, kind, PageKinds.IsIndexFile(doc.ContentPath));
        KindMeta kindMeta = kind switch
        {
            PageKind.Method => ReadMethod(fields),
            PageKind.Story => ReadStory(fields),
            PageKind.Guide => GuideReader.Read(fields),
            PageKind.Contact => ReadContact(fields),
            _ => NoKindMeta.Instance,
        };
        fields.ReportUnknownKeys(PageKinds.KeysFor(kind), key => PageKinds.ExplainForeignKey(key, kind));
        return (common, kindMeta);
    }

    private YamlMappingNode? ParseYaml(string yaml, YamlSpans spans) =>
        YamlMappingLoader.Load(yaml, spans, diagnostics, Rules.YamlSyntax, Rules.FrontMatterNotMapping, "nøklene øverst i filen",
            "Nøklene øverst i filen er tomme. Skriv minst title, summary og published.");

    /// <summary>The kind's keys all empty: what a page whose front matter could not be read carries on with.</summary>
    private static KindMeta EmptyKindMeta(PageKind kind) => kind switch
    {
        PageKind.Method => new MethodMeta(string.Empty),
        PageKind.Story => new StoryMeta(string.Empty, null, []),
        PageKind.Guide => new GuideMeta(null, [], [], null, []),
        PageKind.Contact => new ContactMeta(string.Empty, string.Empty, string.Empty, string.Empty, null),
        _ => NoKindMeta.Instance,
    };

    private static CommonMeta EmptyCommon(SourceDocument doc) =>
        new(string.Empty, string.Empty, new SourceSpan(doc.DisplayPath, 1, 1), [], null, null, false, null, null, [], null, null, null, null) { Unread = true };

    private void CheckType(YamlFields fields, PageKind kind)
    {
        var type = fields.LocatedText("type", required: false);
        if (type is null) return;
        var declared = PageKinds.ParseType(type.Value);
        if (declared is null)
        {
            diagnostics.Report(Rules.KindMismatch, type.Span,
                $"Ukjent `type`: «{type.Value}». Bruk method, story, guide, contact eller article, eller fjern nøkkelen: sidetypen følger av mappen.");
        }
        else if (declared != kind)
        {
            diagnostics.Report(Rules.KindMismatch, type.Span,
                $"`type: {type.Value}` stemmer ikke med mappen: filer her er {PageKinds.KindName(kind)}. Flytt filen eller fjern `type`.");
        }
    }

    private CommonMeta ReadCommon(YamlFields f, PageKind kind, bool isIndexFile)
    {
        var title = f.Text("title", required: true) ?? string.Empty;
        var summary = f.LocatedText("summary", required: true);
        var tags = ReadTags(f);
        var publishedRequired = !isIndexFile;
        var published = f.Date("published", publishedRequired);
        var updated = f.Date("updated", required: false);
        if (published is { } p && updated is { } u && u < p)
        {
            diagnostics.Report(Rules.UpdatedBeforePublished, f.SpanOf("updated"),
                $"`updated` ({u:yyyy-MM-dd}) er før `published` ({p:yyyy-MM-dd}). Datoen for oppdatering kan ikke være før publisering.");
        }
        var slug = f.LocatedText("slug", required: false);
        if (slug is not null && !SlugPattern().IsMatch(slug.Value))
        {
            diagnostics.Report(Rules.BadSlug, slug.Span,
                $"`slug` «{slug.Value}» kan bare ha små bokstaver a–z, tall og bindestrek, for eksempel: slug: pdsa-sirkelen.");
        }
        return new CommonMeta(
            title,
            summary?.Value ?? string.Empty,
            summary?.Span ?? f.Span,
            tags,
            published,
            updated,
            f.Bool("draft"),
            slug?.Value,
            slug?.Span,
            f.TextList("aliases", required: false),
            ReadImage(f),
            f.Date("reviewed", required: false),
            f.Date("review_by", required: false),
            f.Text("owner", required: false))
        {
            KeySpans = f.Keys.ToDictionary(k => k, f.SpanOf, StringComparer.Ordinal),
        };
    }

    /// <summary>The longest tag slug: a tag is a short topic word, and its slug names a folder of the site.</summary>
    public const int MaxTagSlugLength = 60;

    private List<string> ReadTags(YamlFields f)
    {
        var kept = new List<string>();
        foreach (var tag in f.TextList("tags", required: false))
        {
            var slug = Text.Slugifier.Slugify(tag.Value);
            if (slug.Length == 0)
            {
                diagnostics.Report(Rules.BadSlug, tag.Span,
                    $"Emneordet «{tag.Value}» gir ingen nettadresse: det må ha minst én bokstav eller ett tall.");
                kept.Add(tag.Value);
            }
            else if (slug.Length > MaxTagSlugLength)
            {
                // A longer one would name a folder longer than file systems allow, and fail the whole build.
                diagnostics.Report(Rules.BadSlug, tag.Span,
                    $"Emneordet «{DiagnosticBag.Clip(tag.Value)}» er for langt (høyst {MaxTagSlugLength} tegn). Et emneord er ett eller noen få ord, for eksempel «pasientsikkerhet».");
            }
            else
            {
                kept.Add(tag.Value);
            }
        }
        return kept;
    }

    private static ImageRef? ReadImage(YamlFields f)
    {
        var image = f.Mapping("image", required: false);
        if (image is null) return null;
        var src = image.LocatedText("src", required: true);
        var alt = image.Text("alt", required: true);
        var caption = image.Text("caption", required: false);
        var credit = image.Text("credit", required: false);
        image.ReportUnknownKeys(["src", "alt", "caption", "credit"]);
        return src is null ? null : new ImageRef(src, alt ?? string.Empty, caption, credit);
    }

    private MethodMeta ReadMethod(YamlFields f)
    {
        var phase = f.LocatedText("phase", required: true);
        if (phase is not null && site.Phases.Count > 0 && site.FindPhase(phase.Value) is null)
        {
            var ids = site.Phases.Select(p => p.Id).ToList();
            var nearest = Text.EditDistance.Nearest(phase.Value, ids);
            var hint = nearest is null ? string.Empty : $" Mente du «{nearest}»?";
            diagnostics.Report(Rules.UnknownPhase, phase.Span,
                $"Ukjent fase «{phase.Value}».{hint} Fasene er: {string.Join(", ", ids)}.");
        }
        return new MethodMeta(phase?.Value ?? string.Empty);
    }

    private static StoryMeta ReadStory(YamlFields f) =>
        new(f.Text("unit", required: true) ?? string.Empty,
            f.LocatedText("contact", required: false),
            f.TextList("methods", required: false));

    private ContactMeta ReadContact(YamlFields f)
    {
        var email = f.LocatedText("email", required: true);
        if (email is not null && !EmailPattern().IsMatch(email.Value))
        {
            diagnostics.Report(Rules.BadEmail, email.Span,
                $"«{email.Value}» er ikke en gyldig e-postadresse. Skriv den som navn@virksomhet.no.");
        }
        return new ContactMeta(
            f.Text("name", required: true) ?? string.Empty,
            f.Text("role", required: true) ?? string.Empty,
            f.Text("unit", required: true) ?? string.Empty,
            email?.Value ?? string.Empty,
            f.Text("phone", required: false));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[^@\s<>""]+@[^@\s<>""]+\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();
}
