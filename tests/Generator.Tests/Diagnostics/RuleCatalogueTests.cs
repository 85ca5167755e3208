using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Diagnostics;

/// <summary>Every rule has a unique code and is documented for editors in docs/diagnostics.md.</summary>
public class RuleCatalogueTests
{
    [Fact]
    public void Codes_are_unique()
    {
        var codes = Rules.All.Select(r => r.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Every_rule_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "diagnostics.md"));
        var missing = Rules.All.Where(r => !doc.Contains($"| {r.Code} | {r.Severity.ToString().ToLowerInvariant()} | {(r.Configurable ? "yes" : "no")} |", StringComparison.Ordinal)).Select(r => r.Code).ToList();
        Assert.Empty(missing);
    }
}
