namespace ForbedringsAbc.Model;

/// <summary>A phase of the improvement cycle, from content/_data/phases.yaml.</summary>
public sealed record Phase(string Id, string Slug, string Title, string Question, string Summary, string? Page);

/// <summary>
/// Site-wide settings, from content/_data/site.yaml: the site's name and pages, and how strict
/// the checks are (rule severities, how many days before review_by to warn, the image size limit).
/// </summary>
public sealed record SiteConfig(string Title, string Description, string Organisation, string? AboutPage, string? AccessibilityPage)
{
    public Diagnostics.RuleSettings Rules { get; init; } = Diagnostics.RuleSettings.Defaults;

    public int ReviewWarningDays { get; init; } = 30;

    public int ImageWarningKb { get; init; } = 1000;
}

/// <summary>
/// The site data editors maintain beside the pages. <see cref="PageReferences"/> are the content
/// files the data names (a phase's page, the about page), checked once the pages are known.
/// </summary>
public sealed record SiteData(SiteConfig Config, IReadOnlyList<Phase> Phases, IReadOnlyList<Located<string>> PageReferences)
{
    public Phase? FindPhase(string id) => Phases.FirstOrDefault(p => p.Id == id);
}
