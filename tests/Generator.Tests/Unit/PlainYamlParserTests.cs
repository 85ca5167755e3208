using System.Diagnostics;
using System.Text;
using ForbedringsAbc.Parsing;
using ForbedringsAbc.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ForbedringsAbc.Tests.Unit;

/// <summary>
/// The fast reader of plain front matter must give YamlDotNet's events exactly (types, values,
/// styles, marks), and must leave every other text to YamlDotNet (TryRead null), above all a text
/// YamlDotNet rejects: then the editor gets YamlDotNet's error, at its place.
/// </summary>
public sealed class PlainYamlParserTests
{
    /// <summary>YamlDotNet's events of <paramref name="yaml"/> as text, or null when it rejects it.</summary>
    private static List<string>? Reference(string yaml)
    {
        try
        {
            return Describe(new Parser(new StringReader(yaml)));
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static List<string> Describe(IParser parser)
    {
        var events = new List<string>();
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            static string M(Mark m) => $"{m.Index}/{m.Line}:{m.Column}";
            var detail = e switch
            {
                Scalar s => $"'{s.Value}' {s.Style} key={s.IsKey} plain={s.IsPlainImplicit} quoted={s.IsQuotedImplicit} anchor={s.Anchor} tag={s.Tag}",
                MappingStart m => $"{m.Style} implicit={m.IsImplicit} anchor={m.Anchor} tag={m.Tag}",
                SequenceStart q => $"{q.Style} implicit={q.IsImplicit} anchor={q.Anchor} tag={q.Tag}",
                DocumentStart d => $"implicit={d.IsImplicit} version={d.Version} tags={string.Join(",", d.Tags?.Select(t => t.Handle + "=" + t.Prefix) ?? [])}",
                DocumentEnd d => $"implicit={d.IsImplicit}",
                _ => string.Empty,
            };
            events.Add($"{e.GetType().Name} {M(e.Start)}-{M(e.End)} {detail}");
        }
        return events;
    }

    /// <summary>True when the fast reader took the text (and then gave YamlDotNet's events); false when it left it to YamlDotNet.</summary>
    private static bool AgreesWithYamlDotNet(string yaml)
    {
        var fast = PlainYamlParser.TryRead(yaml);
        if (fast is null) return false;
        var reference = Reference(yaml);
        Assert.True(reference is not null, $"The fast reader took a text YamlDotNet rejects:\n{yaml}");
        Assert.Equal(reference, Describe(fast));
        return true;
    }

    [Theory]
    [InlineData("title: \"Kjøreplan\"\nsummary: \"Når vi – «alle» – møtes: kl. 10 # ikke kommentar\"\ntags:\n  - \"rus\"\n  - \"bruk\"\npublished: 2018-05-09\ntype: method\n")]
    [InlineData("a: \"x\"\n\nb:   plain text here  \nc:\n    - x y\n    -   \"q\"\nd: [a b, \"c\" ,  d ]\ne: 1")]
    [InlineData("video:\n  title: \"R\"\n  url: \"https://www.youtube.com/watch?v=x\"\nchapters:\n  - time: \"00:00:00\"\n    title: \"T\"\n    speakers: [\"Nina Larsen\", \"B\"]\n  - time: \"00:01:20\"\n    speakers: []\nquestions:\n  - \"Hvem?\"\n")]
    [InlineData("image:\n  src: bilder/tavle.jpg\n  alt: \"Sykepleiere ved tavlen\"\nsections:\n  - id: a\n    nested:\n      deep: [ ]\n      list:\n        - 1\n  - b: \"c\"   \n   \n")]
    [InlineData("draft: true\nweight: 10\nurl: https://example.org/a:b\n  \n")]
    [InlineData("a:\n  - b:\n     - d\n    e: f\n")]
    [InlineData("a:\n  -   b: c\n      d: e\n")]
    [InlineData("a:\n  - b:\n      c: d\n         ")]
    [InlineData("a: [a -, b]\n")]
    [InlineData("a: b:\u00a0c\n")]
    [InlineData("a: x\u00a0 \n")]
    public void Plain_front_matter_gives_yamldotnets_events(string yaml) =>
        Assert.True(AgreesWithYamlDotNet(yaml), "The fast reader should take this text.");

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("title: 'enkle fnutter'\n")]
    [InlineData("title: \"escape \\\" her\"\n")]
    [InlineData("title: tekst # kommentar\n")]
    [InlineData("# kommentar\ntitle: x\n")]
    [InlineData("summary: >\n  brettet\n")]
    [InlineData("summary: |\n  bokstavelig\n")]
    [InlineData("title: linje en\n  linje to\n")]
    [InlineData("title: \"over\n  to linjer\"\n")]
    [InlineData("tags:\n- a\n- b\n")]
    [InlineData("a: &anker x\nb: *anker\n")]
    [InlineData("a: !!str 5\n")]
    [InlineData("a:\n")]
    [InlineData("a:\nb: 1\n")]
    [InlineData("a: {b: 1}\n")]
    [InlineData("a: [b, [c]]\n")]
    [InlineData("a: [b,\n  c]\n")]
    [InlineData("a: [b, ]\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: b\r\nc: d\r\n")]
    [InlineData("  a: b\n")]
    [InlineData("---\na: b\n")]
    [InlineData("a: b\n...\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("a: b\n  c: d\n")]
    [InlineData("a: b\n- c\n")]
    [InlineData("a:\n  - b\n  c: d\n")]
    [InlineData("a:\n    b: 1\n  c: 2\n")]
    [InlineData("språk: nb\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a:b\n")]
    [InlineData("a: -1\n")]
    [InlineData("a: \"x\" y\n")]
    [InlineData("a: \"uten slutt\n")]
    [InlineData("a: x\u2028b: y\n")]
    [InlineData("a: x\u0085\n")]
    [InlineData("a: \ud83d\ude00\n")]
    [InlineData("a: x\nb:\n  - [c]\n")]
    [InlineData("? a\n: b\n")]
    public void Other_yaml_is_left_to_yamldotnet(string yaml) =>
        Assert.Null(PlainYamlParser.TryRead(yaml));

    /// <summary>
    /// Nesting past the depth limit is left to YamlDotNet (which reads without recursion, so the
    /// limit reports it): a thousand levels must not run the fast reader out of stack.
    /// </summary>
    [Fact]
    public void Deep_nesting_is_left_to_yamldotnet()
    {
        static string Nested(int levels) => string.Concat(Enumerable.Range(0, levels).Select(i => new string(' ', i) + "k:\n")) + new string(' ', levels) + "k: v\n";
        Assert.True(AgreesWithYamlDotNet(Nested(YamlLimits.MaxDepth - 1)));
        Assert.Null(PlainYamlParser.TryRead(Nested(YamlLimits.MaxDepth)));
        Assert.Null(PlainYamlParser.TryRead(Nested(3_000)));
    }

    /// <summary>YamlDotNet rejects a key longer than 1,024 characters; the fast reader leaves any key near that long to it.</summary>
    [Fact]
    public void A_very_long_key_is_left_to_yamldotnet()
    {
        Assert.True(AgreesWithYamlDotNet(new string('k', 1000) + ": x\n"));
        Assert.Null(PlainYamlParser.TryRead(new string('k', 1001) + ": x\n"));
        Assert.Null(PlainYamlParser.TryRead("a:\n  - " + new string('k', 1025) + ": x\n"));
        Assert.Null(Reference(new string('k', 1025) + ": x\n"));
    }

    private static string? FrontMatter(string file)
    {
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal)) return null;
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? null : text[4..(end + 1)];
    }

    [Fact]
    public void The_sites_content_fixtures_and_data_files_read_as_yamldotnet_reads_them()
    {
        var files = Directory.EnumerateFiles(Repo.Content, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Repo.Root, "tests", "fixtures"), "*.md", SearchOption.AllDirectories))
            .Select(FrontMatter)
            .Concat(Directory.EnumerateFiles(Repo.Templates, "*.yaml", SearchOption.AllDirectories).Select(File.ReadAllText))
            .Concat(Directory.EnumerateFiles(Path.Combine(Repo.Content, "_data"), "*.yaml", SearchOption.AllDirectories).Select(File.ReadAllText))
            .OfType<string>()
            .ToList();
        Assert.True(files.Count > 50, $"Only {files.Count} YAML texts found.");
        var taken = files.Count(AgreesWithYamlDotNet);
        // Most front matter is plain: the fast reader is what a build uses.
        Assert.True(taken > files.Count / 2, $"The fast reader took {taken} of {files.Count} texts.");
    }

    [Fact]
    public void Every_front_matter_of_the_benchmark_corpus_is_read_fast_and_as_yamldotnet_reads_it()
    {
        using var dir = new TempDir();
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repo.Shared, "bench", "make-corpus.py"));
        start.ArgumentList.Add("300");
        start.ArgumentList.Add(dir.Combine("corpus"));
        using (var process = Process.Start(start)!)
        {
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "make-corpus.py failed: " + error);
        }
        var texts = Directory.EnumerateFiles(dir.Combine("corpus"), "*.md", SearchOption.AllDirectories).Select(FrontMatter).OfType<string>().ToList();
        Assert.True(texts.Count >= 300);
        foreach (var yaml in texts) Assert.True(AgreesWithYamlDotNet(yaml), $"The fast reader left this corpus text to YamlDotNet:\n{yaml}");
    }

    /// <summary>
    /// Random texts: well-formed plain front matter (nested mappings, lists of values and of
    /// mappings, flow lists, quoted and plain values, blank lines, trailing spaces, no last line
    /// break), often with one line changed into something else (a comment, quotes, an escape, a
    /// tab, an anchor, a flow mapping, a block scalar, a line moved in or out). Whatever the fast
    /// reader takes, it reads exactly as YamlDotNet does, and it never takes a text YamlDotNet rejects.
    /// </summary>
    [Fact]
    public void Random_texts_are_read_as_yamldotnet_reads_them_or_left_to_it()
    {
        string[] keys = ["title", "a", "tags", "b_c", "x-y", "Id2"];
        string[] values =
        [
            "\"tekst\"", "\"«sitat» – kl. 10: #1 'x'\"", "plain", "to  ord", "a\u00a0b\u00a0", "x\u2009y – z…", "Ærlig ønske", "2024-01-31", "https://x.no/a?b=c", "true", "12", "Hvem?",
            "[\"a\", \"b c\"]", "[a, b]", "[]", "[ ]", "[ a ,\"b\" ]", "\"\"",
        ];
        string[] noise =
        [
            "# kommentar", "'enkel'", "\"esc \\\" x\"", "tekst # kommentar", ">", "|", "&a x", "*a", "!!str x", "-1", "a: b", "\"uavsluttet",
            "x\"y", "x:y", "{a: b}", "[a,]", "[a, [b]]", "[a", "\t", "? k", "<<: *a", "språk: x", "- ", "-", "...", "---", "%YAML 1.2",
        ];
        var random = new Random(2026);
        var taken = 0;
        const int texts = 20_000;
        for (var n = 0; n < texts; n++)
        {
            var lines = new List<string>();
            void Mapping(int indent, string? firstPrefix, int depth)
            {
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    var prefix = firstPrefix ?? new string(' ', indent);
                    firstPrefix = null;
                    var key = keys[random.Next(keys.Length)];
                    var roll = depth < 3 ? random.Next(6) : 0;
                    if (roll < 4)
                    {
                        lines.Add($"{prefix}{key}:{new string(' ', random.Next(1, 3))}{values[random.Next(values.Length)]}{new string(' ', random.Next(3) / 2)}");
                    }
                    else if (roll == 4)
                    {
                        lines.Add($"{prefix}{key}:");
                        Mapping(indent + random.Next(1, 4), null, depth + 1);
                    }
                    else
                    {
                        lines.Add($"{prefix}{key}:");
                        var dash = indent + random.Next(1, 4);
                        for (var i = random.Next(1, 4); i > 0; i--)
                        {
                            var item = new string(' ', dash) + "-" + new string(' ', random.Next(1, 3));
                            if (random.Next(3) == 0) Mapping(item.Length, item, depth + 1);
                            else lines.Add(item + values[random.Next(values.Length)]);
                        }
                    }
                    if (random.Next(8) == 0) lines.Add(new string(' ', random.Next(4)));
                }
            }
            Mapping(0, null, 0);
            if (random.Next(3) != 0)
            {
                // One line changed into something the fast reader does not take, or moved.
                var at = random.Next(lines.Count);
                lines[at] = random.Next(3) switch
                {
                    0 => new string(' ', Math.Max(0, lines[at].Length - lines[at].TrimStart().Length + random.Next(-2, 3))) + lines[at].TrimStart(),
                    1 => lines[at] + " " + noise[random.Next(noise.Length)],
                    _ => lines[at][..(lines[at].IndexOf(':') + 1 is var c and > 0 ? c : lines[at].Length)] + " " + noise[random.Next(noise.Length)],
                };
            }
            var yaml = string.Join(random.Next(40) == 0 ? "\r\n" : "\n", lines) + (random.Next(5) == 0 ? "" : "\n");
            if (AgreesWithYamlDotNet(yaml)) taken++;
        }
        // Most unchanged texts are taken, so the comparison covers the fast reader well.
        Assert.True(taken > texts / 4, $"The fast reader took only {taken} of {texts} texts.");
    }
}
