using ForbedringsAbc.Fuzz;
using ForbedringsAbc.Output;
using ForbedringsAbc.Pipeline;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Fuzz;

/// <summary>
/// The short fuzz run that CI does (the long, coverage-guided one is tools/fuzz/run.sh): the fuzz
/// target over the seed corpus (every page of content/), over every crash the fuzzer has found
/// (Fuzz/regressions), and over a fixed set of random mutations of the seeds. Each must pass the
/// target's invariants: no exception, no ABC003, no script from content in any output file.
/// </summary>
public sealed class FuzzRegressionTests : IDisposable
{
    private readonly FuzzTarget _target = new(Repo.Templates);

    [Fact]
    public void Every_crash_the_fuzzer_found_stays_fixed()
    {
        var failures = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.TestSource, "Fuzz", "regressions")).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith("README.md", StringComparison.Ordinal)) continue;
            try
            {
                _target.Run(File.ReadAllBytes(file));
            }
            catch (FuzzFailure e)
            {
                failures.Add($"{Path.GetFileName(file)}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_page_of_the_seed_corpus_passes_the_invariants()
    {
        foreach (var seed in Seeds()) _target.Run(seed);
    }

    /// <summary>A few hundred mutations from a fixed seed: flips, dictionary tokens, splices, cuts.</summary>
    [Fact]
    public void Random_mutations_of_the_seeds_pass_the_invariants()
    {
        var seeds = Seeds();
        var tokens = File.ReadAllLines(Path.Combine(Repo.Root, "tools", "fuzz", "abc.dict"))
            .Where(l => l.Contains("=\"", StringComparison.Ordinal)).Select(l => Unescape(l[(l.IndexOf("=\"", StringComparison.Ordinal) + 2)..^1])).ToArray();
        var random = new Random(20261124);
        for (var i = 0; i < 150; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], seeds[random.Next(seeds.Count)], tokens, random);
            try
            {
                _target.Run(input);
            }
            catch (FuzzFailure e)
            {
                Assert.Fail($"Mutation {i} failed: {e.Message}\nInput (base64): {Convert.ToBase64String(input)}");
            }
        }
    }

    /// <summary>The site's own pages pass the same HTML and index checks as fuzzed ones (no inline style, no inline script).</summary>
    [Fact]
    public void The_sites_own_output_has_no_inline_script_style_or_event_attribute()
    {
        var sink = new MemorySink(keepCopies: false);
        var options = new BuildOptions(Repo.Content, Repo.Templates, "unused", new Uri("https://intranett.example/kvalitet/abc/"), false, Repo.Root);
        new BuildPipeline().Run(options, sink);
        var html = sink.Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(html.Count > 50);
        foreach (var path in html) FuzzTarget.CheckHtml(path, sink.Text(path));
        foreach (var path in sink.Files.Keys.Where(p => p.StartsWith("sok/indeks/", StringComparison.Ordinal) && p.EndsWith(".js", StringComparison.Ordinal)))
        {
            FuzzTarget.CheckDataScript(path, sink.Text(path));
        }
    }

    [Theory]
    [InlineData("javascript:alert(1)", true)]
    [InlineData(" JaVa\tScRiPt:alert(1)", true)]
    [InlineData("\u0001javascript:x", true)]
    [InlineData("data:text/html,x", true)]
    [InlineData("vbscript:x", true)]
    [InlineData("../metoder/pdsa/index.html", false)]
    [InlineData("https://example.no/javascript:", false)]
    [InlineData("javascript", false)]
    public void The_targets_url_check_knows_script_urls(string url, bool script) => Assert.Equal(script, FuzzTarget.IsScriptUrl(url));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<script src=\"https://x.example/a.js\"></script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"java&#9;script:alert(1)\">x</a>")]
    [InlineData("<p style=\"color:red\">x</p>")]
    [InlineData("<iframe srcdoc=\"x\"></iframe>")]
    [InlineData("<object data=\"x\"></object>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0; URL=javascript:alert(1)\">")]
    public void The_targets_html_check_catches_script_from_content(string html) =>
        Assert.Throws<FuzzFailure>(() => FuzzTarget.CheckHtml("x.html", $"<!doctype html><html><body>{html}</body></html>"));

    [Fact]
    public void The_targets_html_check_lets_the_sites_own_scripts_pass() =>
        FuzzTarget.CheckHtml("x.html", "<!doctype html><html><head><script src=\"../../assets/js/site.js\" defer></script><link rel=\"stylesheet\" href=\"../assets/css/site.css\"></head><body><a href=\"../metoder/pdsa/index.html\">PDSA</a></body></html>");

    private static List<byte[]> Seeds()
    {
        var seeds = new List<byte[]>();
        foreach (var file in Directory.EnumerateFiles(Repo.Content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Repo.Content, file).Replace('\\', '/');
            var slot = relative == "_index.md" ? 5 : Array.FindIndex(FuzzTarget.Slots, s => s.Split('/')[0] == relative.Split('/')[0]);
            seeds.Add([(byte)(slot < 0 ? 4 : slot), .. File.ReadAllBytes(file)]);
        }
        return seeds;
    }

    private static byte[] Mutate(byte[] a, byte[] b, byte[][] tokens, Random random)
    {
        var bytes = new List<byte>(a);
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var at = random.Next(1, bytes.Count + 1);
            switch (random.Next(5))
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.InsertRange(at, tokens[random.Next(tokens.Length)]);
                    break;
                case 2:
                    var from = random.Next(b.Length);
                    bytes.InsertRange(at, b.Skip(from).Take(random.Next(1, 200)));
                    break;
                case 3 when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 100), bytes.Count - at));
                    break;
                default:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
            }
        }
        bytes[0] = (byte)random.Next(FuzzTarget.Slots.Length);
        return [.. bytes];
    }

    /// <summary>An AFL dictionary value: \xNN escapes and \" for a quote.</summary>
    private static byte[] Unescape(string value) =>
        [.. System.Text.RegularExpressions.Regex.Replace(value.Replace("\\\"", "\""), @"\\x([0-9a-fA-F]{2})",
            m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString()).Select(c => (byte)c)];

    public void Dispose() => _target.Dispose();
}
