using ForbedringsAbc.Model;
using ForbedringsAbc.Pipeline;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>
/// The site's own content is complete enough for staff on day one: at least the pages the
/// content plan promises, each kind cross-linked, with no diagnostics.
/// </summary>
public class ContentInventoryTests
{
    private static readonly Lazy<PreparedSite> Site = new(() =>
        new BuildPipeline().Prepare(new BuildOptions(Repo.Content, Repo.Templates, "unused", null, false, Repo.Root)));

    private static IEnumerable<SitePage> OfKind(PageKind kind) => Site.Value.Site.OfKind(kind);

    [Fact]
    public void The_content_has_no_diagnostics() => Assert.Empty(Site.Value.Diagnostics.Sorted());

    [Theory]
    [InlineData(PageKind.Method, 22)]
    [InlineData(PageKind.Story, 8)]
    [InlineData(PageKind.Guide, 4)]
    [InlineData(PageKind.Contact, 6)]
    public void There_are_at_least_as_many_pages_of_each_kind_as_promised(PageKind kind, int minimum) =>
        Assert.True(OfKind(kind).Count() >= minimum, $"{kind}: {OfKind(kind).Count()} < {minimum}");

    [Fact]
    public void Every_phase_has_its_page_and_methods()
    {
        var data = Site.Value.Site.Data;
        Assert.Equal(["forstå", "planlegge", "gjennomføre", "evaluere", "korrigere"], data.Phases.Select(p => p.Id));
        foreach (var phase in data.Phases)
        {
            Assert.True(phase.Page is not null && Site.Value.Site.ByContentPath.ContainsKey(phase.Page), $"no page for {phase.Id}");
            Assert.Contains(OfKind(PageKind.Method), m => ((MethodMeta)m.Page.KindMeta).Phase == phase.Id);
        }
    }

    [Fact]
    public void Every_story_names_its_contact_and_methods_and_every_method_has_a_story()
    {
        foreach (var story in OfKind(PageKind.Story))
        {
            var meta = (StoryMeta)story.Page.KindMeta;
            Assert.True(meta.Contact is not null, $"{story.ContentPath} has no contact");
            Assert.NotEmpty(meta.Methods);
        }
        var unused = OfKind(PageKind.Method).Where(m => !Site.Value.Site.StoriesByMethod.ContainsKey(m.ContentPath)).Select(m => m.ContentPath);
        Assert.Empty(unused);
    }

    [Fact]
    public void Every_guide_has_chapters_speakers_questions_and_links_to_methods()
    {
        foreach (var guide in OfKind(PageKind.Guide))
        {
            var meta = (GuideMeta)guide.Page.KindMeta;
            Assert.NotEmpty(meta.Chapters);
            Assert.All(meta.Chapters, c => Assert.NotEmpty(c.Speakers));
            Assert.NotEmpty(meta.Questions);
            Assert.Contains(Site.Value.Rendered[guide.ContentPath].Links.BodyUrls.Values, url => url.Contains("metoder/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_seed_pages_are_there()
    {
        var guide = Assert.Single(OfKind(PageKind.Guide), g => g.Meta.Title.StartsWith("Best under press", StringComparison.Ordinal));
        var meta = (GuideMeta)guide.Page.KindMeta;
        Assert.Equal(["01:20:50", "01:44:50"], meta.Chapters.Select(c => c.Time));
        Assert.Equal(3, meta.Questions.Count);
        Assert.Contains(OfKind(PageKind.Story), s => ((StoryMeta)s.Page.KindMeta).Unit.Contains("Psykisk helse- og rusklinikken", StringComparison.Ordinal));
    }

    [Fact]
    public void About_page_accessibility_statement_and_synonyms_exist()
    {
        var config = Site.Value.Site.Data.Config;
        Assert.True(config.AboutPage is not null && Site.Value.Site.ByContentPath.ContainsKey(config.AboutPage));
        Assert.True(config.AccessibilityPage is not null && Site.Value.Site.ByContentPath.ContainsKey(config.AccessibilityPage));
        var synonyms = File.ReadAllText(Path.Combine(Repo.Content, "_data", "synonymer.yaml"));
        Assert.Contains("pgek", synonyms, StringComparison.OrdinalIgnoreCase);
    }
}
