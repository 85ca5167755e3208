using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Loading;
using ForbedringsAbc.Templates;
using ForbedringsAbc.Tests.Support;
using Scriban.Runtime;

namespace ForbedringsAbc.Tests.Unit;

/// <summary>
/// The template set renders page after page with the same few contexts: nothing one page's render
/// leaves behind (a variable it set, an error half-way through a loop) may show on the next page.
/// </summary>
public class TemplateSetTests
{
    private static (TemplateSet Set, TempDir Dir) Load(string story, string frame = "{{ content }}", params (string Name, string Text)[] partials)
    {
        var dir = new TempDir();
        dir.Write("layouts/story.html", story);
        dir.Write("layouts/base.html", frame);
        foreach (var (name, text) in partials) dir.Write($"partials/{name}", text);
        var set = TemplateSet.Load(dir.Path, new PathDisplay(dir.Path), new DiagnosticBag());
        return (set, dir);
    }

    private static string? Render(TemplateSet set, DiagnosticBag diagnostics, params (string Name, object Value)[] variables)
    {
        var globals = new ScriptObject();
        foreach (var (name, value) in variables) globals.SetValue(name, value, readOnly: true);
        return set.RenderFramed("story", "base", globals, "content/historier/side.md", diagnostics).AsString();
    }

    [Fact]
    public void The_frame_gets_the_layout_as_content_written_or_used_as_a_value()
    {
        var (set, dir) = Load("<main>{{ title }}</main>\n", "<body>\n{{ content }}{{ content | string.size }} {{ content.html | string.size }} {{ content | string.upcase }}</body>");
        using var _ = dir;
        Assert.Equal("<body>\n<main>Å &amp; ø</main>\n23 23 &lt;MAIN&gt;Å &amp;AMP; Ø&lt;/MAIN&gt;\n</body>", Render(set, new DiagnosticBag(), ("title", "Å & ø")));
    }

    [Fact]
    public void Markup_is_written_as_it_is_where_the_template_indents_it()
    {
        // A code block's lines keep their own indentation: nothing is put in front of them.
        var (set, dir) = Load("<main>\n  {{ body }}\n</main>");
        using var _ = dir;
        var body = new HtmlString("<pre><code>første\n    andre\n</code></pre>");
        Assert.Equal("<main>\n  <pre><code>første\n    andre\n</code></pre>\n</main>", Render(set, new DiagnosticBag(), ("body", body)));
    }

    [Fact]
    public void A_page_of_more_than_a_million_characters_is_written_whole()
    {
        // Scriban on its own cuts a page (and any value) past 1 M characters short with "..." and no message.
        var (set, dir) = Load("<main>{{ body }}</main>", "<body>{{ content }}</body><footer>{{ title }}</footer>");
        using var _ = dir;
        var text = string.Concat(Enumerable.Repeat("<p>Avsnitt med tekst om forbedringsarbeid.</p>\n", 30_000)) + "<p>SLUTT</p>";
        Assert.True(text.Length > 1_300_000);
        var html = Render(set, new DiagnosticBag(), ("body", new HtmlString(text)), ("title", new string('x', 1_100_000)));
        Assert.Equal($"<body><main>{text}</main></body><footer>{new string('x', 1_100_000)}</footer>", html);
    }

    [Fact]
    public void A_layout_is_rendered_and_its_errors_reported_also_when_the_frame_is_broken()
    {
        var (set, dir) = Load("<main>{{ nope }}</main>", "<body>{{ if }}</body>");
        using var _ = dir;
        var diagnostics = new DiagnosticBag();
        Assert.Null(Render(set, diagnostics));
        Assert.Contains("story.html", Assert.Single(diagnostics.Raw()).Span.File);
    }

    [Fact]
    public void A_failure_in_the_frame_names_the_frame_and_one_in_the_layout_names_the_layout()
    {
        var (set, dir) = Load("{{ if broken_layout }}{{ nope }}{{ end }}<main></main>", "<body>{{ if broken_frame }}{{ nix }}{{ end }}{{ content }}</body>");
        using var _ = dir;
        var diagnostics = new DiagnosticBag();
        Assert.Null(Render(set, diagnostics, ("broken_layout", true), ("broken_frame", false)));
        Assert.Contains("story.html", Assert.Single(diagnostics.Raw()).Span.File);
        diagnostics = new DiagnosticBag();
        Assert.Null(Render(set, diagnostics, ("broken_layout", false), ("broken_frame", true)));
        Assert.Contains("base.html", Assert.Single(diagnostics.Raw()).Span.File);
        Assert.Equal("<body><main></main></body>", Render(set, new DiagnosticBag(), ("broken_layout", false), ("broken_frame", false)));
    }

    [Fact]
    public void An_include_is_the_same_written_in_place_or_kept_as_a_value_and_is_not_reindented()
    {
        var (set, dir) = Load(
            "<ul>\n{{ include \"partials/item.html\" }}{{ x = include \"partials/item.html\" }}{{ x }}{{ x | string.size }}\n  {{ include \"partials/item.html\" }}\n{{ include \"partials/empty.html\" }}</ul>",
            partials: [("item.html", "<li>{{ title }}</li>\n<li>2</li>\n"), ("empty.html", "{{ if false }}x{{ end }}")]);
        using var _ = dir;
        Assert.Equal("<ul>\n<li>&lt;a&gt;</li>\n<li>2</li>\n<li>&lt;a&gt;</li>\n<li>2</li>\n30\n  <li>&lt;a&gt;</li>\n<li>2</li>\n\n</ul>",
            Render(set, new DiagnosticBag(), ("title", "<a>")));
    }

    [Fact]
    public void A_variable_set_on_one_page_is_unknown_on_the_next()
    {
        var (set, dir) = Load("{{ if first }}{{ seen = \"fra forrige side\" }}{{ end }}<p>{{ seen }}</p>");
        using var _ = dir;
        Assert.Equal("<p>fra forrige side</p>", Render(set, new DiagnosticBag(), ("first", true)));

        var diagnostics = new DiagnosticBag();
        Assert.Null(Render(set, diagnostics, ("first", false)));
        var error = Assert.Single(diagnostics.Raw());
        Assert.Equal("ABC900", error.Code);
        Assert.Contains("content/historier/side.md", error.Message);
    }

    [Fact]
    public void A_page_rendered_after_a_failed_one_is_whole()
    {
        var (set, dir) = Load("<ol>{{ for i in 1..3 }}{{ if fail && i == 2 }}{{ nope }}{{ end }}<li>{{ i }}</li>{{ end }}</ol>");
        using var _ = dir;
        var diagnostics = new DiagnosticBag();
        Assert.Null(Render(set, diagnostics, ("fail", true)));
        Assert.Single(diagnostics.Raw());

        for (var n = 0; n < 3; n++)
        {
            Assert.Equal("<ol><li>1</li><li>2</li><li>3</li></ol>", Render(set, new DiagnosticBag(), ("fail", false)));
        }
    }

    [Fact]
    public void Pages_rendered_at_once_on_many_threads_each_get_their_own_text()
    {
        var (set, dir) = Load("<h1>{{ title }}</h1>{{ for i in 1..20 }}{{ title | string.size }}{{ end }}");
        using var _ = dir;
        var titles = Enumerable.Range(0, 400).Select(i => new string('x', i % 37) + i).ToArray();
        var rendered = new string?[titles.Length];
        Parallel.For(0, titles.Length, i => rendered[i] = Render(set, new DiagnosticBag(), ("title", titles[i])));
        for (var i = 0; i < titles.Length; i++)
        {
            var size = titles[i].Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal($"<h1>{titles[i]}</h1>" + string.Concat(Enumerable.Repeat(size, 20)), rendered[i]);
        }
    }
}
