using ForbedringsAbc.Text;

namespace ForbedringsAbc.Tests.Unit;

public class SlugifierTests
{
    [Theory]
    [InlineData("PDSA-sirkelen", "pdsa-sirkelen")]
    [InlineData("Hva lærte vi?", "hva-laerte-vi")]
    [InlineData("Økt trygghet på sykehjem", "okt-trygghet-pa-sykehjem")]
    [InlineData("Brukermedvirkning – på ordentlig", "brukermedvirkning-pa-ordentlig")]
    [InlineData("Café Åsgård", "cafe-asgard")]
    [InlineData("  --  ", "")]
    public void Folds_norwegian_letters_and_punctuation(string text, string slug) =>
        Assert.Equal(slug, Slugifier.Slugify(text));

    [Fact]
    public void Decomposed_and_composed_letters_give_the_same_slug() =>
        Assert.Equal(Slugifier.Slugify("sa\u030Amaal"), Slugifier.Slugify("såmaal"));
}

public class NorwegianComparerTests
{
    [Fact]
    public void Sorts_ae_oe_aa_after_z_in_that_order()
    {
        var words = new[] { "Åpenhet", "Ærlighet", "Zebra", "Ønske", "analyse", "Bruker" };
        var sorted = words.Order(NorwegianComparer.Instance).ToArray();
        Assert.Equal(["analyse", "Bruker", "Zebra", "Ærlighet", "Ønske", "Åpenhet"], sorted);
    }
}

public class EditDistanceTests
{
    [Theory]
    [InlineData("sumary", "summary")]
    [InlineData("titel", "title")]
    [InlineData("publised", "published")]
    [InlineData("tag", "tags")]
    public void Suggests_the_nearest_key(string typo, string expected) =>
        Assert.Equal(expected, EditDistance.Nearest(typo, ["title", "summary", "published", "tags", "updated"]));

    [Fact]
    public void Suggests_nothing_when_no_key_is_close() =>
        Assert.Null(EditDistance.Nearest("forfatter", ["title", "summary", "tags"]));
}

public class HtmlTextTests
{
    [Fact]
    public void Escapes_markup_and_quotes_but_keeps_norwegian_letters() =>
        Assert.Equal("&lt;b&gt;Æ&amp;Ø&quot;Å&#39;", HtmlText.Escape("<b>Æ&Ø\"Å'"));
}

public class DateTextTests
{
    [Fact]
    public void Formats_dates_as_norwegian_readers_write_them()
    {
        var dates = new DateText(["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"]);
        Assert.Equal("1. november 2021", dates.Long(new DateOnly(2021, 11, 1)));
        Assert.Equal("2019-06-11", DateText.Iso(new DateOnly(2019, 6, 11)));
    }
}

public class SlugifierRobustnessTests
{
    [Theory]
    [InlineData("Glede 😀", "glede")]
    [InlineData("😀 smil", "smil")]
    [InlineData("a\uD800b", "a-b")]
    [InlineData("!!!", "")]
    public void Emoji_and_broken_text_never_throw(string text, string slug) => Assert.Equal(slug, Slugifier.Slugify(text));
}

public class Utf16Tests
{
    [Fact]
    public void Nfc_is_what_the_unicode_library_gives_for_every_character_the_quick_path_passes()
    {
        // ToNfc returns the text itself when it has only characters below U+0300 or in
        // U+2002–U+20CF; that must be exactly when normalising would change nothing, also with
        // such a character after a letter or before a combining mark.
        var checkedCount = 0;
        foreach (var range in new[] { (0x20, 0x2FF), (0x2002, 0x20CF) })
        {
            for (var c = range.Item1; c <= range.Item2; c++)
            {
                foreach (var text in new[] { $"{(char)c}", $"a{(char)c}", $"e{(char)c}x", $"{(char)c}\u0301" })
                {
                    if (text.EndsWith('\u0301')) Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormC), Utf16.ToNfc(text));
                    else Assert.Same(text, Utf16.ToNfc(text));
                    Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormC), Utf16.ToNfc(text));
                    checkedCount++;
                }
            }
        }
        Assert.True(checkedCount > 2000);
        // Just outside the quick path: U+2001 (em quad) and U+212B (angstrom sign) change under NFC.
        Assert.Equal("\u2003", Utf16.ToNfc("\u2001"));
        Assert.Equal("Å", Utf16.ToNfc("\u212B"));
    }
}

public class InternalErrorTests
{
    [Fact]
    public void A_failure_in_a_parallel_loop_is_named_by_the_exception_that_happened()
    {
        var failure = Assert.Throws<AggregateException>(() =>
            Parallel.For(0, 4, i => { if (i == 2) throw new IOException("Filen forsvant."); }));
        Assert.Equal("(IOException): Filen forsvant.", ForbedringsAbc.Diagnostics.InternalError.Describe(failure));
        Assert.Equal("(InvalidOperationException): x", ForbedringsAbc.Diagnostics.InternalError.Describe(new InvalidOperationException("x")));
    }
}
