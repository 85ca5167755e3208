using System.Text.RegularExpressions;
using ForbedringsAbc.Cli;
using ForbedringsAbc.Pipeline;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>
/// <c>build</c>'s page cache: a second build takes the pages nothing changed for from the first,
/// and its site and its messages are exactly those of a clean build (<c>--no-cache</c>) of the
/// same content. Each test builds a copy of the real content and templates.
/// </summary>
public partial class PageCacheTests
{
    private const string Linked = "historier/laeringsnettverk-psykisk-helse-og-rus.md";
    private const string Linking = "metoder/laeringsnettverk.md";

    [Fact]
    public void A_second_build_of_unchanged_content_takes_every_page_from_the_first_and_writes_the_same_site()
    {
        using var work = new Workspace();
        var first = work.Build();
        Assert.Equal(0, first.Code);
        Assert.Null(first.Reused);
        Assert.True(File.Exists(PageCache.FileFor(work.Cached)));

        var second = work.Build();

        Assert.Equal(0, second.Code);
        Assert.Equal(first.Pages, second.Reused);
        work.AssertSameAsCleanBuild(second);
    }

    [Fact]
    public void After_a_body_edit_only_that_page_and_the_pages_that_show_or_link_to_it_are_made_again()
    {
        using var work = new Workspace();
        Assert.Equal(0, work.Build().Code);
        work.Append(Linked, "\n\nEt nytt avsnitt om sjiraffmøter.\n");

        var second = work.Build();

        Assert.Equal(0, second.Code);
        Assert.InRange(second.Reused ?? 0, 1, second.Pages - 2);
        Assert.Contains("sjiraffmøter", work.Read(work.Cached, "historier/laeringsnettverk-psykisk-helse-og-rus/index.html"));
        work.AssertSameAsCleanBuild(second);
    }

    [Fact]
    public void A_file_read_as_bytes_then_as_text_is_not_taken_for_the_same_file()
    {
        // A plain build keeps a body as the file's UTF-8 where it can, and reads a file with CR
        // line ends as text. The UTF-16 of "扡" is the UTF-8 of "ab": the page cache must still
        // see that the page changed.
        using var work = new Workspace();
        // The method page links to a heading of the story; the story below has none.
        work.WriteContent("metoder/laeringsnettverk.md", work.ReadContent("metoder/laeringsnettverk.md").Replace("#hva-lærte-vi", "", StringComparison.Ordinal));
        var text = work.ReadContent(Linked);
        var head = text[..(text.IndexOf("\n---\n", 3, StringComparison.Ordinal) + 5)];
        work.WriteContent(Linked, head + "ab");
        var first = work.Build();
        Assert.True(first.Code == 0, first.Log);
        work.WriteContent(Linked, head.Replace("\n", "\r\n") + "\u6261");

        var second = work.Build();

        Assert.Contains("\u6261", work.Read(work.Cached, "historier/laeringsnettverk-psykisk-helse-og-rus/index.html"));
        work.AssertSameAsCleanBuild(second);
    }

    [Fact]
    public void A_heading_removed_from_a_page_gives_the_broken_anchor_on_the_page_that_links_to_it()
    {
        using var work = new Workspace();
        Assert.Equal(0, work.Build().Code);
        var text = work.ReadContent(Linked);
        var heading = HeadingHvaLaerteVi().Match(text);
        Assert.True(heading.Success, "the linked story has the heading the method links to");
        work.WriteContent(Linked, text.Replace(heading.Value, heading.Value.Replace("lærte vi", "tok vi med")));

        var second = work.Build();

        Assert.Contains(Linking, second.Log);
        Assert.Contains("hva-lærte-vi", second.Log);
        work.AssertSameAsCleanBuild(second);

        // Put back: the failed build left the site and the cache of the first.
        work.WriteContent(Linked, text);
        var third = work.Build();
        Assert.Equal(0, third.Code);
        Assert.True(third.Reused > 0);
        work.AssertSameAsCleanBuild(third);
    }

    [Fact]
    public void A_heading_removed_from_a_folders_introduction_gives_the_broken_anchor_on_the_page_that_links_to_the_folder()
    {
        using var work = new Workspace();
        work.Append(Linked, "\n\nSe [hvor du kan begynne](../metoder/#hvor-skal-jeg-begynne).\n");
        Assert.Equal(0, work.Build().Code);
        var index = work.ReadContent("metoder/_index.md");
        Assert.Contains("## Hvor skal jeg begynne?", index);
        work.WriteContent("metoder/_index.md", index.Replace("## Hvor skal jeg begynne?", "## Her begynner du"));

        var second = work.Build();

        Assert.Equal(1, second.Code);
        Assert.Contains("hvor-skal-jeg-begynne", second.Log);
        work.AssertSameAsCleanBuild(second);
    }

    [Fact]
    public void A_page_taken_from_the_cache_reports_its_warnings_again()
    {
        using var work = new Workspace();
        work.Append("kontakt/amina-rahimi.md", "\n\n## Et avsnitt\n\n#### Et hopp\n\nTekst.\n");
        var first = work.Build();
        Assert.Contains("ABC402", first.Log);
        work.Append("metoder/pdsa.md", "\n\nEnda et avsnitt.\n");

        var second = work.Build();

        Assert.True(second.Reused > 0);
        Assert.Contains("ABC402", second.Log);
        work.AssertSameAsCleanBuild(second);
    }

    [Fact]
    public void A_title_changed_in_front_matter_makes_every_page_again()
    {
        using var work = new Workspace();
        Assert.Equal(0, work.Build().Code);
        var text = work.ReadContent(Linked);
        work.WriteContent(Linked, TitleLine().Replace(text, "title: \"Et læringsnettverk med nytt navn\"", 1));

        var second = work.Build();

        Assert.Equal(0, second.Code);
        Assert.Null(second.Reused);
        Assert.Contains("Et læringsnettverk med nytt navn", work.Read(work.Cached, "historier/index.html"));
        work.AssertSameAsCleanBuild(second);
    }

    [Fact]
    public void A_template_change_makes_every_page_again()
    {
        using var work = new Workspace();
        Assert.Equal(0, work.Build().Code);
        var layout = Path.Combine(work.Templates, "layouts", "base.html");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("</body>", "<!-- endret mal --></body>", StringComparison.Ordinal));

        var second = work.Build();

        Assert.Equal(0, second.Code);
        Assert.Null(second.Reused);
        Assert.Contains("endret mal", work.Read(work.Cached, "index.html"));
        work.AssertSameAsCleanBuild(second);
    }

    [Fact]
    public void A_page_changed_removed_or_given_other_permissions_in_the_output_folder_is_made_again()
    {
        using var work = new Workspace();
        var first = work.Build();
        File.AppendAllText(Path.Combine(work.Cached, "metoder", "pdsa", "index.html"), "<p>endret for hånd</p>");
        File.Delete(Path.Combine(work.Cached, "404.html"));
        // Permissions another umask would have given: a taken page would keep them (a hard link).
        var narrowed = Path.Combine(work.Cached, "sok", "index.html");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(narrowed, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var second = work.Build();

        Assert.Equal(first.Pages - (OperatingSystem.IsWindows() ? 2 : 3), second.Reused);
        if (!OperatingSystem.IsWindows()) Assert.Equal(File.GetUnixFileMode(Path.Combine(work.Cached, "index.html")), File.GetUnixFileMode(narrowed));
        work.AssertSameAsCleanBuild(second);
    }

    [Fact]
    public void A_damaged_cache_is_no_cache_and_no_cache_is_left_by_no_cache()
    {
        using var work = new Workspace();
        Assert.Equal(0, work.Build().Code);
        var file = PageCache.FileFor(work.Cached);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

        var damaged = work.Build();

        Assert.Equal(0, damaged.Code);
        Assert.Null(damaged.Reused);
        work.AssertSameAsCleanBuild(damaged);

        var plain = work.Build(cache: false);
        Assert.Equal(0, plain.Code);
        Assert.Null(plain.Reused);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Messages_of_pages_taken_from_the_cache_name_files_as_seen_from_where_the_build_runs()
    {
        using var work = new Workspace();
        work.Append("kontakt/amina-rahimi.md", "\n\n## Et avsnitt\n\n#### Et hopp\n\nTekst.\n");
        Assert.Contains("content/kontakt/amina-rahimi.md", work.Build().Log);

        var elsewhere = work.Build(displayBase: work.Content);

        Assert.Contains(" kontakt/amina-rahimi.md", " " + elsewhere.Log.Replace("\n", "\n "));
        Assert.DoesNotContain("content/kontakt/amina-rahimi.md", elsewhere.Log);
    }

    [GeneratedRegex("^#+ Hva lærte vi.*$", RegexOptions.Multiline)]
    private static partial Regex HeadingHvaLaerteVi();

    [GeneratedRegex("^title: .*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    /// <summary>A copy of the real content and templates; builds into site/ with the cache and into clean/ without.</summary>
    private sealed partial class Workspace : IDisposable
    {
        private readonly TempDir _dir = new();

        public Workspace()
        {
            Copy(Repo.Content, Content);
            Copy(Repo.Templates, Templates);
        }

        public string Content => _dir.Combine("content");

        public string Templates => _dir.Combine("templates");

        public string Cached => _dir.Combine("site");

        public record Run(int Code, string Log, int Pages, int? Reused);

        public Run Build(bool cache = true, string? displayBase = null) => Build(Cached, cache, displayBase);

        private Run Build(string output, bool cache, string? displayBase = null)
        {
            var log = new StringWriter();
            var options = new BuildOptions(Content, Templates, output, null, false, DisplayBase: displayBase ?? _dir.Path, Today: FixtureSite.Today);
            var code = BuildCommand.Run(options, log, useCache: cache);
            var text = log.ToString();
            var summary = Summary().Match(text);
            Assert.True(summary.Success, text);
            int? reused = summary.Groups["reused"].Success ? int.Parse(summary.Groups["reused"].Value) : null;
            // The messages, without the summary line (its time and counts differ).
            var messages = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("Ferdig:") && !l.StartsWith("Stoppet:")));
            return new Run(code, messages, int.Parse(summary.Groups["pages"].Value), reused);
        }

        /// <summary>A clean build (no cache) of the same content gives the same messages and, when published, the same files byte for byte.</summary>
        public void AssertSameAsCleanBuild(Run cached)
        {
            var clean = Build(_dir.Combine("clean"), cache: false);
            Assert.Equal(clean.Code, cached.Code);
            Assert.Equal(clean.Log.Replace(_dir.Combine("clean"), "OUT"), cached.Log.Replace(Cached, "OUT"));
            if (clean.Code == 0) Assert.Equal(SiteTree.Hashes(_dir.Combine("clean")), SiteTree.Hashes(Cached));
            if (Directory.Exists(_dir.Combine("clean"))) Directory.Delete(_dir.Combine("clean"), recursive: true);
        }

        public string ReadContent(string path) => File.ReadAllText(Path.Combine(Content, path));

        public void WriteContent(string path, string text) => File.WriteAllText(Path.Combine(Content, path), text);

        public void Append(string path, string text) => File.AppendAllText(Path.Combine(Content, path), text);

        public string Read(string site, string path) => File.ReadAllText(Path.Combine(site, path));

        public void Dispose() => _dir.Dispose();

        private static void Copy(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        [GeneratedRegex(@"^(Ferdig|Stoppet): (?<pages>\d+) sider(?:.*? (?<reused>\d+) av sidene var uendret)?", RegexOptions.Multiline)]
        private static partial Regex Summary();
    }
}
