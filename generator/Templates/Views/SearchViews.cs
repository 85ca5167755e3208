namespace ForbedringsAbc.Templates.Views;

/// <summary>One choice of a search filter: the value sent in the URL (?kind=method) and the text shown.</summary>
public sealed record OptionView(string Value, string Label);

/// <summary>A filter of the search form: the URL parameter (kind, phase, tag), its label and its choices.</summary>
public sealed record FilterView(string Name, string Label, IReadOnlyList<OptionView> Options);

/// <summary>
/// What the search page's form offers: the filters (kinds of page, phases, tags) and, for readers
/// without JavaScript, links to the sections and the tag list.
/// </summary>
public sealed record SearchFormView(IReadOnlyList<FilterView> Filters, IReadOnlyList<CrumbView> Sections);
