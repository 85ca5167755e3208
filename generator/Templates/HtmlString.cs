namespace ForbedringsAbc.Templates;

/// <summary>
/// Markup the generator made itself (rendered Markdown, generated links). It is the only kind
/// of value templates write without escaping; every other value is HTML-escaped on output.
/// </summary>
public sealed record HtmlString(string Html)
{
    public static HtmlString Empty { get; } = new(string.Empty);

    public override string ToString() => Html;
}
