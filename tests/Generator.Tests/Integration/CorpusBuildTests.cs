using System.Net;
using System.Text.RegularExpressions;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>
/// The 1,000-page benchmark corpus built by the real program, as a whole process: no
/// diagnostics, a page for every file, every link working from disk and under a sub-path,
/// and the same bytes from builds under other cultures and time zones.
/// </summary>
public partial class CorpusBuildTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    [Fact]
    public void The_corpus_builds_with_no_errors_and_no_warnings()
    {
        Assert.True(corpus.ExitCode == 0, corpus.Output);
        Assert.Matches(SummaryLine(), corpus.Output);
    }

    [Fact]
    public void Every_content_file_has_its_page()
    {
        var missing = Directory.EnumerateFiles(corpus.Content, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(corpus.Content, f).Replace('\\', '/'))
            .Select(p => p == "_index.md" ? "index.html" : p[..^3] + "/index.html")
            .Where(p => !File.Exists(Path.Combine(corpus.Site, p)))
            .ToList();
        Assert.Empty(missing);
        Assert.Equal(1001, Directory.EnumerateFiles(corpus.Content, "*.md", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void Every_link_and_image_works_when_opened_from_disk()
    {
        Assert.Empty(OutputLinkChecker.BrokenLinks(corpus.Site));
    }

    [Fact]
    public async Task Every_page_reachable_from_the_home_page_is_served_under_a_sub_path()
    {
        using var server = new StaticServer(corpus.Site, "/kvalitet/abc/");
        using var http = new HttpClient();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Uri>([new Uri(server.BaseUri, "index.html")]);
        var failures = new List<string>();
        while (queue.Count > 0)
        {
            var uri = queue.Dequeue();
            if (!seen.Add(uri.AbsolutePath)) continue;
            using var response = await http.GetAsync(uri);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{uri.AbsolutePath}: {(int)response.StatusCode}");
                continue;
            }
            if (!uri.AbsolutePath.EndsWith(".html", StringComparison.Ordinal)) continue;
            var html = await response.Content.ReadAsStringAsync();
            foreach (Match m in LinkAttribute().Matches(html))
            {
                var value = WebUtility.HtmlDecode(m.Groups[1].Value);
                if (value.Contains(':') || value.StartsWith('#')) continue;
                var next = new Uri(uri, value);
                Assert.StartsWith("/kvalitet/abc/", next.AbsolutePath);
                queue.Enqueue(new Uri(next.GetLeftPart(UriPartial.Path)));
            }
        }
        Assert.Empty(failures);
        Assert.True(seen.Count > 1000, $"only {seen.Count} URLs reached");
    }

    /// <summary>
    /// The same bytes whatever the machine's time zone and culture: the corpus, and the site's own
    /// content with a base URL (so the Atom feed's and sitemap's dates are written too), built
    /// again under each and compared with the first build. tr_TR is the Turkish i (I/ı, İ/i);
    /// Pacific/Chatham is UTC+12:45/+13:45, a day ahead of UTC for part of it. .NET takes the
    /// culture from LANG/LC_ALL through ICU, whether or not the machine has the glibc locale.
    /// </summary>
    [Theory]
    [InlineData("UTC", "nb_NO.UTF-8")]
    [InlineData("Pacific/Chatham", "en_US.UTF-8")]
    [InlineData("Pacific/Chatham", "tr_TR.UTF-8")]
    public void Builds_under_any_time_zone_and_culture_are_byte_identical(string timeZone, string locale)
    {
        var env = new Dictionary<string, string> { ["LANG"] = locale, ["LC_ALL"] = locale, ["TZ"] = timeZone, ["DOTNET_SYSTEM_GLOBALIZATION_PREDEFINED_CULTURES_ONLY"] = "false" };
        var name = $"{timeZone}-{locale}".Replace('/', '-');
        var second = Path.Combine(corpus.Root, "site-" + name);
        var (exit, output) = GeneratorProcess.Run(corpus.Root, env, "build", "--content", corpus.Content, "--templates", Repo.Templates, "--output", second);
        Assert.True(exit == 0, output);
        Assert.Equal(SiteTree.Hashes(corpus.Site), SiteTree.Hashes(second));

        var real = Path.Combine(corpus.Root, "real-" + name);
        (exit, output) = GeneratorProcess.Run(corpus.Root, env, [.. corpus.RealContentArgs(real)]);
        Assert.True(exit == 0, output);
        Assert.Equal(SiteTree.Hashes(corpus.RealContentSite), SiteTree.Hashes(real));
    }

    /// <summary>
    /// Every file of the corpus build has the bytes recorded in Golden/corpus-1000.sha256, which was
    /// made by the generator as it was before the performance work (commit efc9bfa): optimisations
    /// must not change the output. A deliberate change to templates or rendering rewrites it with
    /// UPDATE_GOLDEN=1; review the diff. Rewritten once since, when long lists were split into
    /// pages of 50: only the stylesheet, the section and tag pages changed, and their later pages
    /// (historier/side/2/ …) were added.
    /// </summary>
    [Fact]
    public void The_output_is_byte_identical_to_the_recorded_build()
    {
        var manifest = Path.Combine(Repo.TestSource, "Golden", "corpus-1000.sha256");
        var actual = SiteTree.Hashes(corpus.Site).Select(f => $"{f.Value.ToLowerInvariant()}  {f.Key}").ToList();
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllLines(manifest, actual);
            return;
        }
        var expected = File.ReadAllLines(manifest);
        var differences = expected.Except(actual).Select(l => "expected " + l).Concat(actual.Except(expected).Select(l => "built    " + l)).Take(20).ToList();
        Assert.True(differences.Count == 0, $"{differences.Count} differences (first 20):\n" + string.Join('\n', differences));
        Assert.Equal(expected.Length, actual.Count);
    }

    [GeneratedRegex(@"Ferdig: 10\d\d sider, \d+ filer, 0 advarsler, 0 feil, [\d.]+ s\.")]
    private static partial Regex SummaryLine();

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex LinkAttribute();
}
