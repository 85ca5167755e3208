using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Search;

public sealed class SynonymTests
{
    private static readonly string Page = "---\ntitle: \"Side\"\nsummary: \"Om siden.\"\npublished: 2025-01-01\n---\n\nTekst.\n";

    private static IReadOnlyList<Diagnostic> Check(string yaml)
    {
        using var site = new FixtureSite(new Dictionary<string, string> { ["om/side.md"] = Page, ["_data/synonymer.yaml"] = yaml });
        return site.Diagnostics().Where(d => d.Code == Rules.Synonyms.Code).ToList();
    }

    [Fact]
    public void A_valid_file_gives_no_diagnostics_and_forms_of_one_word_may_share_a_group()
    {
        Assert.Empty(Check("grupper:\n  - [pdsa, pgek, \"plan-do-study-act\"]\n  - [tavlemøte, tavlemøter, forbedringstavle]\n"));
    }

    [Fact]
    public void A_word_in_two_groups_is_reported_at_its_line_and_column()
    {
        var d = Assert.Single(Check("grupper:\n  - [pdsa, pgek]\n  - [pukk, PGEK, pdca]\n"));
        Assert.Equal((3, 12), (d.Span.Line, d.Span.Column));
        Assert.Contains("«PGEK» står allerede i en annen gruppe (linje 2)", d.Message);
    }

    [Fact]
    public void Every_kind_of_mistake_is_reported_in_norwegian()
    {
        var all = Check("grupper:\n  - pdsa\n  - [ensom]\n  - [og, i, tavle]\n  - [a, {b: c}]\nnøkkel: 1\n");
        var messages = all.Select(d => $"{d.Span.Line},{d.Span.Column}: {d.Message}").ToList();
        Assert.Contains(messages, m => m.StartsWith("2,5: En synonymgruppe skal være en liste", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("3,5: En synonymgruppe trenger minst to", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("4,6: «og» har ingen ord søket kan bruke", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("5,9: Hvert ord i en synonymgruppe skal være en tekst", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("6,1: Ukjent nøkkel «nøkkel»", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_yaml_is_reported_where_the_parser_stopped()
    {
        var d = Assert.Single(Check("grupper:\n  - [pdsa, pgek\n"));
        Assert.Equal(Rules.Synonyms.Code, d.Code);
        Assert.StartsWith("Feil i YAML", d.Message, StringComparison.Ordinal);
    }
}
