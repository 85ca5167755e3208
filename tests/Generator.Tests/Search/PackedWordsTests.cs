using ForbedringsAbc.Search.Indexing;

namespace ForbedringsAbc.Tests.Search;

/// <summary>
/// A page's words are kept packed until the index is built, and stored so in the page cache: what
/// is read back must be exactly what was found on the page (every number, the title flag, the
/// weight to the last bit), and bytes that are not packed words must be refused, not misread.
/// </summary>
public sealed class PackedWordsTests
{
    [Fact]
    public void Words_read_back_exactly_as_they_were_packed_small_and_large()
    {
        (int Word, WordStat Stat)[] words =
        [
            (0, new WordStat { Count = 1, Weight = 1 }),
            (127, new WordStat { Count = 2, Weight = 7, InTitle = true }),
            (128, new WordStat { Count = 63, Weight = 441 }),
            (16_383, new WordStat { Count = 64, Weight = 128, InTitle = true }),
            (2_000_000, new WordStat { Count = 1_000_000, Weight = 7_000_000 }),
            (int.MaxValue, new WordStat { Count = int.MaxValue, Weight = 16_777_216, InTitle = true }),
            (7, new WordStat { Count = 3, Weight = 4_294_967_040f }),
        ];
        var packer = new PackedWords.Packer();
        foreach (var (word, stat) in words) packer.Add(word, stat);
        var packed = packer.ToPacked();

        var read = packed.ToArray();
        Assert.Equal(words.Length, read.Length);
        for (var i = 0; i < words.Length; i++)
        {
            Assert.Equal(words[i].Word, read[i].Word);
            Assert.Equal(words[i].Stat.Count, read[i].Count);
            Assert.Equal(words[i].Stat.InTitle, read[i].InTitle);
            Assert.Equal(words[i].Stat.Weight, read[i].Weight);
        }
        // A word with small numbers takes a byte a number (a PageWord takes 12): the point of packing.
        var small = new PackedWords.Packer();
        small.Add(127, new WordStat { Count = 2, Weight = 7, InTitle = true });
        Assert.Equal(3, small.ToPacked().Bytes.Length);
    }

    [Fact]
    public void A_page_without_words_packs_to_nothing()
    {
        var packed = new PackedWords.Packer().ToPacked();
        Assert.Equal(0, packed.Bytes.Length);
        Assert.Empty(packed.ToArray());
    }

    [Fact]
    public void Bytes_cut_short_or_too_long_a_number_are_refused()
    {
        var packer = new PackedWords.Packer();
        packer.Add(300, new WordStat { Count = 3, Weight = 5 });
        var bytes = packer.ToPacked().Bytes.ToArray();
        Assert.Throws<InvalidDataException>(() => new PackedWords(bytes[..^1]).ToArray());
        Assert.Throws<InvalidDataException>(() => new PackedWords(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0, 0 }).ToArray());
        // Five bytes whose last carries more than the 4 bits left of 32: refused, not cut to fit.
        Assert.Throws<InvalidDataException>(() => new PackedWords(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x01, 0x01 }).ToArray());
        // A word number past the largest int.
        Assert.Throws<InvalidDataException>(() => new PackedWords(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01, 0x01 }).ToArray());
    }

    [Fact]
    public void A_weight_that_is_not_a_whole_number_is_never_packed_into_a_different_one()
    {
        var packer = new PackedWords.Packer();
        var refused = false;
        try
        {
            packer.Add(1, new WordStat { Count = 1, Weight = 1.5f });
        }
        catch (ArgumentOutOfRangeException)
        {
            refused = true;
        }
        Assert.True(refused);
    }
}
