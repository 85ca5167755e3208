using ForbedringsAbc.Fuzz;
using ForbedringsAbc.Output;
using ForbedringsAbc.Pipeline;
using ForbedringsAbc.Security;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Security;

/// <summary>
/// No script from content: the XSS vectors of tests/data/xss/vectors.txt in every field of a page
/// (see <see cref="XssSite"/>). The generated HTML holds no script, event attribute, style attribute
/// or script URL that content put there; every script URL in a link or image is refused (ABC305);
/// the generator never fails on them (no ABC003). Browser.Tests loads the same site in Chromium.
/// </summary>
public sealed class XssTests
{
    private static readonly IReadOnlyList<XssVector> Vectors = XssSite.Load(Repo.Root);

    [Fact]
    public void There_are_at_least_a_hundred_vectors_of_both_kinds()
    {
        Assert.True(Vectors.Count >= 100, $"{Vectors.Count} vectors");
        Assert.Contains(Vectors, v => v.IsUrl);
        Assert.Contains(Vectors, v => !v.IsUrl);
    }

    [Fact]
    public void No_vector_in_any_field_puts_script_into_the_output_and_every_script_url_is_refused()
    {
        using var dir = new TempDir();
        XssSite.Write(dir.Combine("content"), Vectors);
        var sink = new MemorySink(keepCopies: false);
        var options = new BuildOptions(dir.Combine("content"), Repo.Templates, dir.Combine("site"), new Uri("https://intranett.example/abc/"), false, dir.Path);
        var result = new BuildPipeline().Run(options, sink);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "ABC003");
        var pages = sink.Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList();
        foreach (var v in Vectors)
        {
            Assert.Contains($"{v.ContentPath[..^3]}/index.html", pages);
        }
        var problems = new List<string>();
        foreach (var path in pages)
        {
            try
            {
                FuzzTarget.CheckHtml(path, sink.Text(path));
            }
            catch (FuzzFailure e)
            {
                problems.Add(e.Message);
            }
        }
        foreach (var path in sink.Files.Keys.Where(p => p.StartsWith("sok/indeks/", StringComparison.Ordinal) && p.EndsWith(".js", StringComparison.Ordinal)))
        {
            FuzzTarget.CheckDataScript(path, sink.Text(path));
        }
        foreach (var v in Vectors.Where(v => v.IsUrl))
        {
            // The body's link and image: refused as script URLs. A NUL written as &#0; is U+FFFD in
            // Markdown (CommonMark), which makes no script URL: the HTML check above covers that one.
            var refused = result.Diagnostics.Where(d => d.Span.File.EndsWith(v.ContentPath, StringComparison.Ordinal)).ToList();
            var bodyStart = XssSite.Page(v).Split('\n').ToList().IndexOf("---", 1) + 1;
            var body = refused.Count(d => d.Code == "ABC305" && d.Span.Line > bodyStart);
            if (body < 2 && !v.Payload.Contains("{NUL}", StringComparison.Ordinal)) problems.Add($"{v.ContentPath} «{v.Payload}»: {body} ABC305 in the body, expected 2\n  " + string.Join("\n  ", refused));
            // A guide's film and resource addresses: refused (ABC305), or not a web address (ABC115).
            var frontMatter = refused.Count(d => d.Code is "ABC305" or "ABC115" && d.Span.Line < bodyStart);
            if (v.ContentPath.StartsWith("refleksjon/", StringComparison.Ordinal) && frontMatter < 2)
                problems.Add($"{v.ContentPath} «{v.Payload}»: {frontMatter} refusals in the front matter, expected 2\n  " + string.Join("\n  ", refused));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // What a diagnostic quotes from content cannot break its line or send escape sequences to a terminal.
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Any(char.IsControl));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("«java\\nscript:alert(1)»", StringComparison.Ordinal));
    }

    /// <summary>Found by the browser XSS test: a long tag named a folder longer than a file name may be,
    /// and writing the site threw (PathTooLongException) instead of reporting it.</summary>
    [Fact]
    public void A_tag_too_long_for_a_folder_name_is_refused_and_the_site_is_still_written()
    {
        using var site = new FixtureSite(new Dictionary<string, string>
        {
            ["_index.md"] = "---\ntitle: Forside\nsummary: Forsiden.\n---\n\nHei.\n",
            ["om/side.md"] = $"---\ntitle: Side\nsummary: Kort.\npublished: 2025-01-01\ntags: [\"{new string('a', 300)}\", \"team\"]\n---\n\nTekst.\n",
        });
        var output = Path.Combine(site.Root, "site");
        Directory.CreateDirectory(output);
        var result = new BuildPipeline().Run(site.Options(output: output), new DirectorySink(output));
        var d = Assert.Single(result.Diagnostics, d => d.Code == "ABC111");
        Assert.Equal(new ForbedringsAbc.Diagnostics.SourceSpan("content/om/side.md", 5, 8), d.Span);
        Assert.True(File.Exists(Path.Combine(output, "emner", "team", "index.html")));
    }
}
