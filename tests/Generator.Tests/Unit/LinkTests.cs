using ForbedringsAbc.Links;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Rendering;

namespace ForbedringsAbc.Tests.Unit;

public class UrlPathsTests
{
    [Theory]
    [InlineData("index.html", "metoder/pdsa/index.html", "metoder/pdsa/index.html")]
    [InlineData("historier/x/index.html", "metoder/pdsa/index.html", "../../metoder/pdsa/index.html")]
    [InlineData("historier/x/index.html", "historier/bilder/mitt bilde.jpg", "../../historier/bilder/mitt%20bilde.jpg")]
    public void Relative_urls_climb_to_the_root_and_name_the_file(string from, string to, string expected) =>
        Assert.Equal(expected, UrlPaths.Relative(from, to));

    [Theory]
    [InlineData("historier/x.md", "../metoder/pdsa.md", "metoder/pdsa.md")]
    [InlineData("historier/x.md", "bilder/a.jpg", "historier/bilder/a.jpg")]
    [InlineData("historier/x.md", "./../historier/./y.md", "historier/y.md")]
    [InlineData("historier/x.md", "../../utenfor.md", null)]
    public void Combine_resolves_against_the_file_folder(string from, string relative, string? expected) =>
        Assert.Equal(expected, UrlPaths.Combine(from, relative));
}

public class UrlRulesTests
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" java\tscript:alert(1)")]
    [InlineData("vbscript:msgbox")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    public void Script_and_data_urls_are_unsafe(string url) => Assert.True(UrlRules.IsUnsafe(url));

    [Theory]
    [InlineData("https://lovdata.no", true)]
    [InlineData("mailto:a@example.no", true)]
    [InlineData("//cdn.example.com/x.js", true)]
    [InlineData("../metoder/pdsa.md", false)]
    [InlineData("bilder/a:b.jpg", false)]
    public void External_urls_are_recognised(string url, bool external) => Assert.Equal(external, UrlRules.IsExternal(url));
}

public class CaptionTests
{
    [Theory]
    [InlineData("Foto: Elisabeth Klæboe Reitan", null, "Foto: Elisabeth Klæboe Reitan")]
    [InlineData("Under gruppearbeid. Foto: Elisabeth Klæboe Reitan", "Under gruppearbeid.", "Foto: Elisabeth Klæboe Reitan")]
    [InlineData("Fotografen tok bildet", "Fotografen tok bildet", null)]
    [InlineData("Tavlemøte på posten", "Tavlemøte på posten", null)]
    public void Splits_caption_and_photo_credit(string title, string? caption, string? credit) =>
        Assert.Equal((caption, credit), Caption.Split(title));
}

public class GuideTimeTests
{
    [Theory]
    [InlineData("01:20:50", 4850)]
    [InlineData("00:00:00", 0)]
    [InlineData("1:20:50", null)]
    [InlineData("01:61:00", null)]
    [InlineData("ett", null)]
    public void Parses_chapter_times(string text, int? seconds) => Assert.Equal(seconds, GuideReader.ParseTime(text));
}
