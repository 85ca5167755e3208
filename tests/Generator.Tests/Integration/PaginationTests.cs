using System.Text.RegularExpressions;
using ForbedringsAbc.Output;
using ForbedringsAbc.Tests.Diagnostics;
using ForbedringsAbc.Tests.Support;

namespace ForbedringsAbc.Tests.Integration;

/// <summary>
/// A long list (a section's pages, a tag's pages) is shown 50 at a time: every page of the list
/// once, in order, each list page with its own title and a way to the others that works with a
/// keyboard and a screen reader (a labelled nav, the current page marked, previous and next).
/// </summary>
public partial class PaginationTests
{
    /// <summary>The minimal site with <paramref name="extra"/> more stories, all tagged «tavlemøter», newest first by number.</summary>
    private static (Pipeline.BuildResult Result, MemorySink Output) SiteWithStories(int extra, Action<FixtureSite>? arrange = null)
    {
        var files = Pages.MinimalSite();
        files["historier/_index.md"] = "---\ntitle: \"Erfaringshistorier\"\nsummary: \"Historier fra forbedringsarbeid.\"\n---\n\nHer forteller team om arbeidet sitt.\n";
        for (var i = 1; i <= extra; i++)
        {
            var date = new DateOnly(2023, 1, 1).AddDays(i).ToString("yyyy-MM-dd");
            files[$"historier/historie-{i:D4}.md"] = Pages.Story($"Historie {i:D4}", extra: "tags: [tavlemøter]\n").Replace("published: 2022-05-02", $"published: {date}").Replace("updated: 2023-01-10\n", "");
        }
        using var site = new FixtureSite(files);
        arrange?.Invoke(site);
        return site.Build();
    }

    private static List<string> ItemLinks(string html) =>
        [.. ItemListLink().Matches(html).Select(m => m.Groups[1].Value)];

    private static string Pager(string html) => PagerNav().Match(html).Value;

    [Fact]
    public void A_section_of_121_stories_takes_three_pages_of_50_50_and_21_with_each_story_once_newest_first()
    {
        var (result, output) = SiteWithStories(120);
        Assert.Empty(result.Diagnostics);
        var pages = new[] { "historier/index.html", "historier/side/2/index.html", "historier/side/3/index.html" }.Select(output.Text).ToList();
        Assert.False(output.Files.ContainsKey("historier/side/4/index.html"));
        Assert.Equal([50, 50, 21], pages.Select(p => ItemLinks(p).Count));
        var all = pages.SelectMany(ItemLinks).Select(l => l[(l.LastIndexOf("historier/", StringComparison.Ordinal) + "historier/".Length)..]).ToList();
        Assert.Equal(121, all.Distinct().Count());
        Assert.Equal("historie-0120/index.html", all[0]);
        Assert.Equal("historie-0071/index.html", all[49]);
        Assert.Equal("historie-0070/index.html", all[50]);
    }

    [Fact]
    public void A_sections_later_list_pages_still_have_its_index_pages_headings_for_a_template_that_shows_them()
    {
        // The shipped section layout shows no table of contents; a web team's may. The index page's
        // body is let go once its page is written, but not its headings: the later pages need them.
        using var templates = TemplateCopy.Of(Repo.Templates);
        templates.Edit("layouts/section.html", text => text + "\n{{ for entry in page.toc }}<p class=\"index-toc\">{{ entry.title }}</p>{{ end }}\n");
        var files = Pages.MinimalSite();
        files["historier/_index.md"] = "---\ntitle: \"Erfaringshistorier\"\nsummary: \"Historier.\"\n---\n\nInnledning.\n\n## Slik skriver du en historie\n\nTekst.\n";
        for (var i = 1; i <= 60; i++) files[$"historier/historie-{i:D4}.md"] = Pages.Story($"Historie {i:D4}");
        using var site = new FixtureSite(files);
        var (result, output) = site.Build(templates.Path);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("<p class=\"index-toc\">Slik skriver du en historie</p>", output.Text("historier/index.html"));
        Assert.Contains("<p class=\"index-toc\">Slik skriver du en historie</p>", output.Text("historier/side/2/index.html"));
    }

    [Fact]
    public void Each_list_page_links_to_the_others_and_marks_itself()
    {
        var (_, output) = SiteWithStories(120);
        var first = Pager(output.Text("historier/index.html"));
        var second = Pager(output.Text("historier/side/2/index.html"));
        var last = Pager(output.Text("historier/side/3/index.html"));

        Assert.Contains("aria-label=\"Sidene i listen\"", first);
        Assert.Contains("Side 1 av 3", first);
        Assert.DoesNotContain("rel=\"prev\"", first);
        Assert.Contains("href=\"../historier/side/2/index.html\" rel=\"next\">Neste side</a>", first);
        Assert.Contains("href=\"../historier/index.html\" aria-current=\"page\"><span class=\"visually-hidden\">Side </span>1</a>", first);

        Assert.Contains("href=\"../../../historier/index.html\" rel=\"prev\">Forrige side</a>", second);
        Assert.Contains("href=\"../../../historier/side/3/index.html\" rel=\"next\">Neste side</a>", second);
        Assert.Contains("href=\"../../../historier/side/2/index.html\" aria-current=\"page\"", second);
        Assert.Single(Regex.Matches(second, "aria-current"));

        Assert.Contains("rel=\"prev\"", last);
        Assert.DoesNotContain("rel=\"next\"", last);

        // Every link of every list page leads to a page the build wrote.
        foreach (var path in new[] { "historier/index.html", "historier/side/2/index.html", "historier/side/3/index.html" })
        {
            foreach (Match m in Href().Matches(Pager(output.Text(path))))
            {
                var target = new Uri(new Uri("https://x/" + path), m.Groups[1].Value).AbsolutePath.TrimStart('/');
                Assert.True(output.Files.ContainsKey(target), $"{path} links to {target}, which was not written");
            }
        }
    }

    [Fact]
    public void A_later_list_page_has_its_own_title_and_no_repeated_intro()
    {
        var (_, output) = SiteWithStories(120);
        var second = output.Text("historier/side/2/index.html");
        Assert.Contains("<title>Erfaringshistorier, side 2 av 3 – Forbedringsarbeidets ABC</title>", second);
        Assert.Contains("<span aria-current=\"page\">Erfaringshistorier, side 2 av 3</span>", second);
        var first = output.Text("historier/index.html");
        Assert.Contains("<title>Erfaringshistorier – Forbedringsarbeidets ABC</title>", first);
        Assert.Contains("Her forteller team om arbeidet sitt.", first);
        Assert.DoesNotContain("Her forteller team om arbeidet sitt.", second);
    }

    [Fact]
    public void A_tag_on_many_pages_is_split_the_same_way()
    {
        var (_, output) = SiteWithStories(75);
        var first = output.Text("emner/tavlemoter/index.html");
        var second = output.Text("emner/tavlemoter/side/2/index.html");
        Assert.Equal([50, 25], new[] { first, second }.Select(p => ItemLinks(p).Count));
        Assert.Contains("Emne: tavlemøter, side 2 av 2 – Alle emner – Forbedringsarbeidets ABC</title>", second);
        Assert.Contains("href=\"../../../../emner/tavlemoter/index.html\" rel=\"prev\">Forrige side</a>", second);
    }

    /// <summary>Twelve pages: the first, the last and two on each side of the current one, gaps shown as "…" and hidden from screen readers.</summary>
    [Fact]
    public void A_list_of_many_pages_links_the_first_the_last_and_the_neighbours()
    {
        var (_, output) = SiteWithStories(590);
        var sixth = Pager(output.Text("historier/side/6/index.html"));
        var numbers = PageNumber().Matches(sixth).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([1, 4, 5, 6, 7, 8, 12], numbers);
        Assert.Equal(2, Regex.Matches(sixth, "<li class=\"pager__gap\" aria-hidden=\"true\">…</li>").Count);
        Assert.Contains("Side 6 av 12", sixth);
        // A gap of one page shows that page: on page 4, 2 is shown, not "…".
        var fourth = Pager(output.Text("historier/side/4/index.html"));
        Assert.Equal([1, 2, 3, 4, 5, 6, 12], PageNumber().Matches(fourth).Select(m => int.Parse(m.Groups[1].Value)));
        Assert.Single(Regex.Matches(fourth, "pager__gap"));
    }

    [Fact]
    public void A_list_that_fits_on_one_page_has_no_page_links()
    {
        var (_, output) = SiteWithStories(49);
        Assert.Equal(50, ItemLinks(output.Text("historier/index.html")).Count);
        Assert.DoesNotContain(output.Files.Keys, k => k.Contains("/side/", StringComparison.Ordinal));
        Assert.All(output.Files.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)), k => Assert.DoesNotContain("class=\"pager\"", output.Text(k)));
    }

    [Fact]
    public void A_content_page_at_the_address_of_a_list_page_is_reported_not_lost()
    {
        var (result, output) = SiteWithStories(60, site => site.WriteFile("historier/side/2.md", Pages.Story("Side to")));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("ABC200", "content/historier/side/2.md"), (d.Code, d.Span.File));
        Assert.Contains("side 2 av oversiktssiden for historier/", d.Message);
        Assert.Equal(11, ItemLinks(output.Text("historier/side/2/index.html")).Count);
    }

    [GeneratedRegex("<li>\\n<a href=\"([^\"]+)\">")]
    private static partial Regex ItemListLink();

    [GeneratedRegex("<nav class=\"pager\"(?:.|\\n)*?</nav>")]
    private static partial Regex PagerNav();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<span class=\"visually-hidden\">Side </span>(\\d+)</a>")]
    private static partial Regex PageNumber();
}
