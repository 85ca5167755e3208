namespace ForbedringsAbc.Templates.Views;

/// <summary>One choice of a search filter: the value sent in the URL (?kind=method) and the text shown.</summary>
public sealed record OptionView(string Value, string Label);

/// <summary>
/// What the search page's form offers: the filters (kinds of page, phases, tags) and, for readers
/// without JavaScript, links to the sections and the tag list.
/// </summary>
public sealed record SearchFormView(
    IReadOnlyList<OptionView> Kinds,
    IReadOnlyList<OptionView> Phases,
    IReadOnlyList<OptionView> Tags,
    IReadOnlyList<CrumbView> Sections);
