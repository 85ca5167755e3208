using System.Globalization;
using System.Text.RegularExpressions;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Design;

/// <summary>
/// The colour tokens of templates/assets/css/site.css, light and dark, meet the contrast the
/// design promises (WCAG relative luminance): body text and links 7:1 or more (1.4.6 AAA),
/// other text 4.5:1 (1.4.3), controls' borders, graphics and the focus ring 3:1 (1.4.11, 2.4.13).
/// </summary>
public partial class ColourContrastTests
{
    private static readonly string Css = File.ReadAllText(Path.Combine(Repo.Templates, "assets", "css", "site.css"));

    public static TheoryData<string> Schemes => new() { "light", "dark" };

    /// <summary>The tokens of a scheme: the first :root block, with the dark block's values on top for "dark".</summary>
    private static Dictionary<string, string> Tokens(string scheme)
    {
        var tokens = Declarations(Css[..Css.IndexOf('}')]);
        if (scheme == "dark")
        {
            var media = Css.IndexOf("@media (prefers-color-scheme: dark)", StringComparison.Ordinal);
            var block = Css[media..];
            block = block[..block.IndexOf('}')];
            foreach (var (k, v) in Declarations(block)) tokens[k] = v;
        }
        return tokens;
    }

    private static Dictionary<string, string> Declarations(string block) =>
        TokenPattern().Matches(block).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.ToLowerInvariant());

    [GeneratedRegex(@"--(c-[a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;")]
    private static partial Regex TokenPattern();

    private static readonly string[] Backgrounds = ["bg", "bg-subtle", "tint"];

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Body_text_and_links_reach_7_to_1_on_every_background(string scheme)
    {
        var t = Tokens(scheme);
        foreach (var fg in new[] { "text", "text-subtle", "link", "link-visited" })
        {
            foreach (var bg in Backgrounds) AssertContrast(t, fg, bg, 7, scheme);
        }
        AssertContrast(t, "on-brand", "brand", 7, scheme);
        AssertContrast(t, "on-field", "field", 7, scheme);
        AssertContrast(t, "on-focus", "focus", 7, scheme);
        AssertContrast(t, "text", "mark", 7, scheme);
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Other_text_reaches_4_5_to_1(string scheme)
    {
        var t = Tokens(scheme);
        foreach (var bg in Backgrounds) AssertContrast(t, "accent", bg, 4.5, scheme);
        foreach (var alert in new[] { "note", "tip", "important", "warning", "caution" }) AssertContrast(t, alert, "bg-subtle", 4.5, scheme);
        AssertContrast(t, "on-current", "current", 4.5, scheme);
        AssertContrast(t, "on-button", "button", 4.5, scheme);
        AssertContrast(t, "link", "bg", 4.5, scheme);
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Controls_graphics_and_the_focus_ring_reach_3_to_1(string scheme)
    {
        var t = Tokens(scheme);
        foreach (var bg in Backgrounds) AssertContrast(t, "border-strong", bg, 3, scheme);
        AssertContrast(t, "on-brand", "brand", 3, scheme);
        AssertContrast(t, "current", "bg", 3, scheme);
        AssertContrast(t, "button", "bg", 3, scheme);
        // The focus ring has two colours; against every background one of them stands out,
        // and the two stand out against each other.
        foreach (var bg in Backgrounds.Append("brand").Append("field"))
        {
            var best = Math.Max(Ratio(t["c-focus-ring"], t["c-" + bg]), Ratio(t["c-focus"], t["c-" + bg]));
            Assert.True(best >= 3, $"{scheme}: focus ring on {bg}: {best:F2}");
        }
        AssertContrast(t, "focus-ring", "focus", 3, scheme);
    }

    [Fact]
    public void The_formula_gives_the_known_ratios()
    {
        Assert.Equal(21, Ratio("#000000", "#ffffff"), 2);
        Assert.Equal(4.54, Ratio("#767676", "#ffffff"), 2);
    }

    private static void AssertContrast(Dictionary<string, string> tokens, string fg, string bg, double minimum, string scheme)
    {
        Assert.True(tokens.ContainsKey("c-" + fg) && tokens.ContainsKey("c-" + bg), $"{scheme}: no --c-{fg} or --c-{bg} in site.css");
        var ratio = Ratio(tokens["c-" + fg], tokens["c-" + bg]);
        Assert.True(ratio >= minimum, $"{scheme}: --c-{fg} {tokens["c-" + fg]} on --c-{bg} {tokens["c-" + bg]} is {ratio:F2}:1, needs {minimum}:1");
    }

    public static double Ratio(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + 2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
    }
}
