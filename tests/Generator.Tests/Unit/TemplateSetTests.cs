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
    private static (TemplateSet Set, TempDir Dir) Load(string story)
    {
        var dir = new TempDir();
        dir.Write("layouts/story.html", story);
        var set = TemplateSet.Load(dir.Path, new PathDisplay(dir.Path), new DiagnosticBag());
        return (set, dir);
    }

    private static string? Render(TemplateSet set, DiagnosticBag diagnostics, params (string Name, object Value)[] variables)
    {
        var globals = new ScriptObject();
        foreach (var (name, value) in variables) globals.SetValue(name, value, readOnly: true);
        return set.Render("story", globals, "content/historier/side.md", diagnostics);
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
