using System.Text;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Model;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Unit;

/// <summary>
/// A plain build splits a page's front matter from its body on the file's bytes, so the body
/// stays UTF-8. Wherever it does, the split must be the one the front-matter splitter makes of
/// the decoded text; wherever it cannot be sure, it leaves the file to the splitter.
/// </summary>
public class StreamedDocumentTests
{
    /// <summary>Where the splitter starts the body, in UTF-8 bytes of the file; null when it finds no front matter or the file cannot be decoded.</summary>
    private static int? SplitterBodyStart(byte[] bytes)
    {
        var bag = new DiagnosticBag();
        if (ContentText.Decode(bytes, "x.md", bag) is not { } text) return null;
        var split = FrontMatterSplitter.Split(new SourceDocument("x.md", "x.md", text), bag);
        return split.HasFrontMatter ? Encoding.UTF8.GetByteCount(text.AsSpan(0, split.BodyStart)) : null;
    }

    [Theory]
    [InlineData("---\ntitle: A\n---\nBody\n", 17)]
    [InlineData("---  \ntitle: A\n...\t\nBody æøå\n", 20)]
    [InlineData("---\ntitle: A\n---", 16)]
    [InlineData("---\ntitle: A\n---\n", 17)]
    [InlineData("---\n---\n", 8)]
    [InlineData("---\ntitle: æ\n --- \n---\nBody\n", 24)]
    // Left to the splitter: a byte-order mark, carriage returns, a NUL, invalid UTF-8, a fence
    // ended by Unicode white space, no fence, no closing fence.
    [InlineData("\uFEFF---\ntitle: A\n---\nBody\n", null)]
    [InlineData("---\r\ntitle: A\r\n---\r\nBody\r\n", null)]
    [InlineData("---\ntitle: A\n---\nBo\0dy\n", null)]
    [InlineData("---\ntitle: A\n---\u00A0\nBody\n", null)]
    [InlineData("---\u2003\ntitle: A\n---\nBody\n", null)]
    [InlineData("title: A\n---\nBody\n", null)]
    [InlineData("---\ntitle: A\nBody\n", null)]
    [InlineData("", null)]
    public void The_body_starts_where_the_splitter_starts_it_or_the_file_is_left_to_the_splitter(string file, int? expected)
    {
        var bytes = Encoding.UTF8.GetBytes(file);
        Assert.Equal(expected, StreamedDocument.BodyStart(bytes));
        if (expected is not null) Assert.Equal(SplitterBodyStart(bytes), expected);
    }

    [Theory]
    [InlineData("---\ntitle: Å\n---\n## Tavlemøte\n\nTekst æøå.\n", true)]
    [InlineData("---\ntitle: A\n---", true)]
    [InlineData("---\r\ntitle: A\r\n---\r\nTekst\r\n", false)]
    [InlineData("\uFEFF---\ntitle: A\n---\nTekst\n", false)]
    [InlineData("Bare tekst\n", false)]
    public void A_file_read_for_a_plain_build_is_its_decoded_text_head_and_body_together(string file, bool split)
    {
        using var dir = new TempDir();
        var path = dir.Combine("x.md");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(file));
        var bag = new DiagnosticBag();
        var read = StreamedDocument.Read(new ContentFile("x.md", path, new FileInfo(path).Length), "x.md", bag);
        var text = ContentText.Read(path, "x.md", new DiagnosticBag());
        Assert.NotNull(read);
        Assert.Equal(split, read.Body is not null);
        Assert.Equal(text, read.Document.Text + (read.Body is { } body ? Encoding.UTF8.GetString(body.Span) : ""));
        Assert.Empty(bag.Raw());
    }

    [Fact]
    public void Invalid_utf8_is_left_to_the_splitter_which_reports_it()
    {
        byte[] bytes = [.. "---\ntitle: A\n---\n"u8, 0xC3, 0x28, (byte)'\n'];
        Assert.Null(StreamedDocument.BodyStart(bytes));
        Assert.Null(SplitterBodyStart(bytes));
    }

    [Fact]
    public void On_ten_thousand_random_files_it_agrees_with_the_splitter_wherever_it_splits()
    {
        // Files made of lines that look like fences or nearly so, with Unicode white space, line
        // ends of every kind and letters beyond ASCII.
        string[] lines = ["---", "...", "--- ", "---\t", "---\v", "...\f", "---\u0085", "---\u3000", "---\u00A0", "...\u2003", " ---", "----", "-- -", "title: Å", "tekst æøå", "", "\u00A0", "---x", "... y"];
        string[] ends = ["\n", "\n", "\n", "\n", "\n", "\n", "\r\n", "\r", ""];
        var random = new Random(17);
        var split = 0;
        for (var n = 0; n < 10_000; n++)
        {
            // Most start as a page does, so that many have front matter to find.
            var file = new StringBuilder(random.Next(4) > 0 ? "---\n" : "");
            var count = random.Next(1, 8);
            for (var i = 0; i < count; i++) file.Append(lines[random.Next(lines.Length)]).Append(ends[random.Next(ends.Length)]);
            var bytes = Encoding.UTF8.GetBytes(file.ToString());
            if (StreamedDocument.BodyStart(bytes) is not { } start) continue;
            split++;
            Assert.True(SplitterBodyStart(bytes) == start, $"{file.ToString().Replace("\n", "\\n")}: {start} against {SplitterBodyStart(bytes)}");
        }
        // Enough of them split on the bytes for the agreement to say something.
        Assert.True(split > 1_000, $"{split} files split on the bytes");
    }
}
