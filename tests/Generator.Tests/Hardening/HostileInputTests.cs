using System.Text;
using System.Text.RegularExpressions;
using ForbedringsAbc.Cli;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Tests.Support;
using Xunit.Abstractions;

namespace ForbedringsAbc.Tests.Hardening;

/// <summary>
/// A corpus of hostile content: whatever an editor's tool (or an attacker) puts in content/, the
/// generator answers with diagnostics at the place a user would look, never a crash, a hang or a
/// stack trace. Each case adds one file to a valid site; the site's other pages stay clean.
/// Most cases run in process (fast); <see cref="A_hostile_file_fails_the_whole_program_cleanly_and_leaves_the_site"/>
/// runs the real program on a selection and checks the exit code, the output and the previous site.
/// </summary>
public partial class HostileInputTests(ITestOutputHelper log)
{
    /// <summary>One hostile input: the files it adds, and the first diagnostic it must give (line 0 = whole file), or none.</summary>
    public sealed record Case(string Name, Action<FixtureSite> Arrange, string? File, int Line, int Column, string? Code)
    {
        public override string ToString() => Name;
    }

    private const string X = "historier/x.md";
    private const string XFile = "content/historier/x.md";

    /// <summary>A valid story; <paramref name="extra"/> goes on the front matter's line 9, the body starts on line 11 (without extra).</summary>
    private static string Story(string extra = "", string body = "Tekst.\n", string title = "X") => Pages.Story(title, body: body, extra: extra);

    private static Case Page(string name, string text, int line, int column, string? code) =>
        new(name, s => s.WriteFile(X, text), code is null ? null : XFile, line, column, code);

    private static Case Bytes(string name, byte[] bytes, int line, int column, string? code) =>
        new(name, s => s.WriteBytes(X, bytes), code is null ? null : XFile, line, column, code);

    private static Case Valid(string name, string text) => Page(name, text, 0, 0, null);

    /// <summary>"Billion laughs": nine anchors of nine aliases each, 9^9 values when filled in.</summary>
    private static string Laughs(string use) =>
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" +
        string.Concat(Enumerable.Range(0, 8).Select(i => $"a{i}: &{(char)('b' + i)} [{string.Join(", ", Enumerable.Repeat("*" + (char)('a' + i), 9))}]\n")) +
        use;

    public static TheoryData<Case> Cases() => new(AllCases);

    private static readonly Case[] AllCases =
    [
        // The front-matter fences.
        Page("empty file", "", 1, 1, "ABC100"),
        Page("only ---", "---", 1, 1, "ABC101"),
        Page("only --- and a newline", "---\n", 1, 1, "ABC101"),
        Page("no closing ---", "---\ntitle: \"X\"\nsummary: \"Y\"\n\nTekst.\n", 1, 1, "ABC101"),
        // YAML.
        Page("tab indenting a list", Story("tags:\n\t- a\n"), 10, 1, "ABC102"),
        Page("duplicate nested key", Story("image:\n  src: a.jpg\n  src: b.jpg\n  alt: \"A\"\n"), 11, 3, "ABC102"),
        Valid("anchor and alias used as intended", Story().Replace("published: 2022-05-02", "published: &p 2022-05-02").Replace("updated: 2023-01-10", "updated: *p")),
        Page("billion laughs as a value", Story(Laughs("tags: *i\n")), 14, 9, "ABC005"),
        Page("billion laughs as a key", Story(Laughs("? *i\n: 1\n")), 14, 9, "ABC005"),
        Page("10,000 nested YAML lists", Story("tags: " + new string('[', 10_000) + new string(']', 10_000) + "\n"), 9, 38, "ABC005"),
        Page("wrong types everywhere", Story("tags: {a: b}\ndraft: [x]\nimage: \"x\"\nslug: [a]\nreviewed: {a: 1}\nreview_by: [1]\nowner: [a]\n")
            .Replace("published: 2022-05-02", "published: {a: 1}").Replace("methods: [pdsa]", "methods: {a: b}"), 4, 12, "ABC105"),
        Page("wrong types inside mappings and lists", Story("image:\n  src: [a]\n  alt: {b: c}\ntags: [[a], {b: c}, null, 1, true]\n"), 10, 8, "ABC105"),
        Page("keys that are lists, mappings, null and empty", Story("~: 1\n? [a, b]\n: 2\n? {a: b}\n: 3\n\"\": 4\n"), 9, 1, "ABC106"),
        // Encodings and line ends.
        Valid("byte-order mark and CRLF", "\uFEFF" + Story().Replace("\n", "\r\n")),
        Page("CRLF: positions are still right", Story("sumary: x\n").Replace("\n", "\r\n"), 9, 1, "ABC106"),
        Page("lone CR: positions are still right", Story("sumary: x\n").Replace("\n", "\r"), 9, 1, "ABC106"),
        Page("byte-order mark: columns are still right", "\uFEFF" + Story("tags: [a, b\n"), 9, 7, "ABC102"),
        Bytes("invalid UTF-8 in the body", [.. Encoding.UTF8.GetBytes(Story(body: "God ")), 0xFF, 0xFE, (byte)'\n'], 11, 5, "ABC001"),
        Bytes("a lone UTF-16 surrogate written as UTF-8", [.. Encoding.UTF8.GetBytes(Story(body: "ab")), 0xED, 0xA0, 0x80, (byte)'\n'], 11, 3, "ABC001"),
        Page("NUL in the front matter", Story("owner: \"a\0b\"\n"), 9, 10, "ABC001"),
        // Size and depth.
        new("50 MB file, refused unread", s => Sparse(s, X, 50L * 1024 * 1024), XFile, 0, 0, "ABC002"),
        Page("10,000 nested lists", Story(body: string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n"), 11, 1, "ABC004"),
        Page("10,000 nested quotes", Story(body: new string('>', 10_000) + " x\n"), 11, 1, "ABC004"),
        Page("10,000 nested quotes with spaces", Story(body: string.Concat(Enumerable.Repeat("> ", 10_000)) + "x\n"), 11, 1, "ABC004"),
        Page("10,000 nested emphasis marks", Story(body: new string('*', 10_000) + "x" + new string('*', 10_000) + "\n"), 11, 101, "ABC004"),
        Page("60 nested indented lists", Story(body: string.Concat(Enumerable.Range(0, 60).Select(i => new string(' ', 2 * i) + "- a\n"))), 61, 101, "ABC004"),
        Page("200 nested indented lists, beyond Markdig's own limit", Story(body: string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- a\n"))), 210, 1, "ABC004"),
        Valid("50 levels (25 quotes, 24 lists, an emphasis) are fine", Story(body: string.Concat(Enumerable.Repeat("> ", 25)) + string.Concat(Enumerable.Repeat("- ", 24)) + "*x*\n")),
        Page("51 nested quotes", Story(body: string.Concat(Enumerable.Repeat("> ", 51)) + "x\n"), 11, 101, "ABC004"),
        Page("130 nested strong marks in the summary", Story().Replace("summary: \"Historien om X.\"", "summary: \"" + new string('*', 260) + "x" + new string('*', 260) + "\""), 3, 10, "ABC004"),
        Valid("10,000 nested brackets are text", Story(body: new string('[', 10_000) + "x" + new string(']', 10_000) + "\n")),
        Page("5,000 nested links quote a shortened target", Story(body: string.Concat(Enumerable.Repeat("[a](", 5000)) + "x" + new string(')', 5000) + "\n"), 11, 1, "ABC300"),
        Valid("a 1 MB line", Story(body: string.Concat(Enumerable.Repeat("ord ", 250_000)) + "\n")),
        Valid("a 1 MB heading", Story(body: "## " + string.Concat(Enumerable.Repeat("ord", 330_000)) + "\n")),
        Valid("a 5,000-letter word in the title", Story(title: new string('x', 5000))),
        // YAML allows keys of up to 1,024 characters.
        Page("a 100,000-letter key", Story(new string('k', 100_000) + ": 1\n"), 9, 1, "ABC102"),
        // Odd files.
        new("a FIFO named .md is not waited on", s => MakeFifo(s, X), XFile, 1, 1, "ABC100"),
        new("invalid UTF-8 in site data", s => s.WriteBytes("_data/site.yaml", [.. "title: \"Sm"u8.ToArray(), 0xC3, 0x28, (byte)'"', (byte)'\n']), "content/_data/site.yaml", 1, 11, "ABC001"),
        new("NUL in the synonyms", s => s.WriteFile("_data/synonymer.yaml", "grupper:\n  - [a\0, b]\n"), "content/_data/synonymer.yaml", 2, 7, "ABC001"),
        new("billion laughs in site data", s => s.WriteFile("_data/site.yaml", "title: x\n" + Laughs("? *i\n: 1\n")), "content/_data/site.yaml", 7, 9, "ABC005"),
        new("billion laughs in the synonyms", s => s.WriteFile("_data/synonymer.yaml", Laughs("grupper: *i\n")), "content/_data/synonymer.yaml", 6, 9, "ABC005"),
        new("50 MB site data file", s => Sparse(s, "_data/phases.yaml", 50L * 1024 * 1024), "content/_data/phases.yaml", 0, 0, "ABC002"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_hostile_input_gets_a_diagnostic_at_its_place_and_nothing_else_breaks(Case c)
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        c.Arrange(site);
        var diagnostics = site.Diagnostics();
        foreach (var d in diagnostics) log.WriteLine(d.ToString()[..Math.Min(d.ToString().Length, 400)]);
        Assert.DoesNotContain(diagnostics, d => d.Code == "ABC003");
        Assert.All(diagnostics, d => Assert.True(d.Message.Length <= DiagnosticBag.MaxMessageLength, d.Code));
        if (c.Code is null)
        {
            Assert.Empty(diagnostics);
            return;
        }
        Assert.All(diagnostics, d => Assert.Equal(c.File, d.Span.File));
        var first = diagnostics[0];
        Assert.Equal((c.File, c.Line, c.Column, c.Code), (first.Span.File, first.Span.Line, first.Span.Column, first.Code));
    }

    [Fact]
    public void File_names_with_spaces_and_norwegian_letters_get_plain_urls()
    {
        var files = Pages.MinimalSite();
        files["historier/Tavle møte på post 3.md"] = Pages.Story("Tavlemøte");
        files["historier/blåbær.md"] = Pages.Story("Blåbær", extra: "tags: [\"İstanbul\", \"ılık\"]\n");
        using var site = new FixtureSite(files);
        var (result, output) = site.Build();
        Assert.Empty(result.Diagnostics);
        Assert.Contains("historier/tavle-mote-pa-post-3/index.html", output.Files.Keys);
        Assert.Contains("historier/blabaer/index.html", output.Files.Keys);
        // The Turkish capital I with a dot and dotless i are letters too (they were dropped).
        Assert.Contains(output.Files.Keys, k => k.EndsWith("/istanbul/index.html", StringComparison.Ordinal));
        Assert.Contains(output.Files.Keys, k => k.EndsWith("/ilik/index.html", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("historier/Tavle møte.md", "historier/tavle-møte.md")]
    [InlineData("historier/bl\u00e5b\u00e6r.md", "historier/bla\u030ab\u00e6r.md")] // NFC and NFD: two files on Linux, one URL
    public void Two_file_names_with_one_url_are_reported(string first, string second)
    {
        var files = Pages.MinimalSite();
        files[first] = Pages.Story("En");
        files[second] = Pages.Story("To");
        using var site = new FixtureSite(files);
        var d = Assert.Single(site.Diagnostics());
        Assert.Equal(("ABC200", 1, 1), (d.Code, d.Span.Line, d.Span.Column));
        Assert.Contains("samme adresse", d.Message);
    }

    [Fact]
    public void File_links_pointing_at_each_other_are_refused_not_followed()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        var a = Path.Combine(site.ContentDir, "historier", "a.md");
        var b = Path.Combine(site.ContentDir, "historier", "b.md");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);
        var (result, _) = site.Build();
        Assert.Equal([("content/historier/a.md", "ABC001"), ("content/historier/b.md", "ABC001")],
            result.Diagnostics.Select(d => (d.Span.File, d.Code)));
        Assert.All(result.Diagnostics, d => Assert.Contains("i ring og ikke fører til noen fil", d.Message));
    }

    /// <summary>
    /// A link inside content/ to another file inside it is read whole: the size that counts is the
    /// file's, not the link's own (the length of the path it holds, a few bytes).
    /// </summary>
    [Fact]
    public void A_file_link_to_a_file_inside_content_gives_the_whole_page()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        site.WriteFile("delt/tavlemoter.txt", Pages.Story("Tavlemøter på post 3", body: "## Slik gjorde vi det\n\nHele teksten kommer med, helt til siste ord: avslutning.\n"));
        File.CreateSymbolicLink(Path.Combine(site.ContentDir, "historier", "post-3.md"), Path.Combine("..", "delt", "tavlemoter.txt"));
        var (result, output) = site.Build();
        Assert.Empty(result.Diagnostics);
        Assert.Contains("helt til siste ord: avslutning.", output.Text("historier/post-3/index.html"));
    }

    /// <summary>A file that grew after the folder was listed (an editor saving during the build) is read whole, not cut at the listed size.</summary>
    [Fact]
    public void A_file_that_grew_since_it_was_listed_is_read_whole()
    {
        using var dir = new TempDir();
        var text = Pages.Story("Lang", body: string.Concat(Enumerable.Repeat("Ærlig talt, dette er en lang tekst om forbedring. ", 2000)) + "Slutt.\n");
        dir.Write("lang.md", text);
        var diagnostics = new ForbedringsAbc.Diagnostics.DiagnosticBag();
        var read = ForbedringsAbc.Loading.ContentText.Read(dir.Combine("lang.md"), "content/lang.md", diagnostics, knownLength: 100);
        Assert.Empty(diagnostics.Raw());
        Assert.Equal(text, read);
    }

    /// <summary>A link to a file that is not there (a page or an image): reported, and the rest of the site builds.</summary>
    [Fact]
    public void File_links_that_lead_nowhere_are_reported_not_a_crash()
    {
        using var site = new FixtureSite(Pages.MinimalSite());
        File.CreateSymbolicLink(Path.Combine(site.ContentDir, "historier", "borte.md"), "finnes-ikke.md");
        File.CreateSymbolicLink(Path.Combine(site.ContentDir, "historier", "borte.jpg"), Path.Combine("..", "finnes-ikke.jpg"));
        var (result, output) = site.Build();
        Assert.Equal([("content/historier/borte.jpg", "ABC001"), ("content/historier/borte.md", "ABC001")],
            result.Diagnostics.Select(d => (d.Span.File, d.Code)));
        Assert.All(result.Diagnostics, d => Assert.Contains("til en fil som ikke finnes", d.Message));
        Assert.True(output.Files.ContainsKey("historier/tavlemoter/index.html"));
    }

    [Theory]
    [InlineData("file")]
    [InlineData("folder")]
    [InlineData("loop")]
    public void Symbolic_links_out_of_content_or_round_in_a_loop_are_refused(string kind)
    {
        using var outside = new TempDir();
        outside.Write("hemmelig.md", Pages.Story("Hemmelig"));
        using var site = new FixtureSite(Pages.MinimalSite());
        var link = Path.Combine(site.ContentDir, "historier", "ut" + (kind == "file" ? ".md" : ""));
        if (kind == "file") File.CreateSymbolicLink(link, Path.Combine(outside.Path, "hemmelig.md"));
        else Directory.CreateSymbolicLink(link, kind == "folder" ? outside.Path : site.ContentDir);
        var (result, output) = site.Build();
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("content/historier/ut" + (kind == "file" ? ".md" : ""), 0, "ABC001"), (d.Span.File, d.Span.Line, d.Code));
        Assert.Contains("snarvei", d.Message);
        Assert.DoesNotContain(output.Files.Keys, k => k.Contains("hemmelig", StringComparison.Ordinal) || k.Contains("/ut/", StringComparison.Ordinal));
    }

    /// <summary>The real program on a few of the worst inputs: exit 1, the diagnostic, no stack trace, the previous site byte for byte.</summary>
    [Theory]
    [InlineData("billion laughs as a key")]
    [InlineData("10,000 nested YAML lists")]
    [InlineData("10,000 nested emphasis marks")]
    [InlineData("50 MB file, refused unread")]
    [InlineData("invalid UTF-8 in the body")]
    [InlineData("a FIFO named .md is not waited on")]
    public void A_hostile_file_fails_the_whole_program_cleanly_and_leaves_the_site(string name)
    {
        var c = AllCases.Single(x => x.Name == name);
        using var site = new FixtureSite(Pages.MinimalSite());
        var args = new[] { "build", "--content", site.ContentDir, "--templates", Repo.Templates, "--output", Path.Combine(site.Root, "site") };
        var (exit, _) = GeneratorProcess.Run(site.Root, null, args);
        Assert.Equal(0, exit);
        var before = SiteTree.Hashes(Path.Combine(site.Root, "site"));

        c.Arrange(site);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (code, output) = GeneratorProcess.Run(site.Root, null, args);
        log.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s\n{output[..Math.Min(output.Length, 2000)]}");

        Assert.Equal(1, code);
        var place = c.Line == 0 ? c.File! : $"{c.File}({c.Line},{c.Column})";
        Assert.Contains($"{place}: error {c.Code}: ", output);
        Assert.DoesNotMatch(StackTraceLine(), output);
        Assert.DoesNotContain("Exception", output);
        Assert.DoesNotContain("Intern feil", output);
        Assert.Equal(before, SiteTree.Hashes(Path.Combine(site.Root, "site")));
        Assert.Equal(["content", "site"], Directory.GetDirectories(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>A file of the given length with nothing written (sparse): cheap to make, and proves the size is checked before reading.</summary>
    private static void Sparse(FixtureSite site, string contentPath, long length)
    {
        site.WriteFile(contentPath, "");
        using var stream = File.OpenWrite(Path.Combine(site.ContentDir, contentPath));
        stream.SetLength(length);
    }

    private static void MakeFifo(FixtureSite site, string contentPath)
    {
        var path = Path.Combine(site.ContentDir, contentPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [GeneratedRegex(@"^\s+at \S+.*\)", RegexOptions.Multiline)]
    private static partial Regex StackTraceLine();
}
