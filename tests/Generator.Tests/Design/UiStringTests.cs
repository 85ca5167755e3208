using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ForbedringsAbc.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ForbedringsAbc.Tests.Design;

/// <summary>
/// The Norwegian UI is complete: every text the templates show comes from
/// templates/strings.nb.yaml, every key they use is there with Norwegian text, and no template
/// writes words of its own.
/// </summary>
public partial class UiStringTests
{
    private static readonly string[] Folders = ["layouts", "partials"];

    private static IEnumerable<string> TemplateFiles() =>
        Folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(Repo.Templates, f), "*.html")).Order(StringComparer.Ordinal);

    private static Dictionary<string, string> Strings()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Templates, "strings.nb.yaml"))));
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(YamlNode node, string prefix)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (k, v) in map.Children) Walk(v, prefix + ((YamlScalarNode)k).Value + ".");
                    break;
                case YamlSequenceNode seq:
                    var i = 0;
                    foreach (var item in seq.Children) Walk(item, prefix + i++ + ".");
                    break;
                case YamlScalarNode scalar:
                    flat[prefix.TrimEnd('.')] = scalar.Value ?? string.Empty;
                    break;
            }
        }
        Walk(yaml.Documents[0].RootNode, string.Empty);
        return flat;
    }

    [GeneratedRegex(@"(?<![\w.])t\.([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+)")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex ScribanBlock();

    [Fact]
    public void Every_string_a_template_uses_has_norwegian_text()
    {
        var strings = Strings();
        var problems = new List<string>();
        foreach (var file in TemplateFiles())
        {
            foreach (Match m in KeyPattern().Matches(File.ReadAllText(file)))
            {
                var key = m.Groups[1].Value;
                if (!strings.TryGetValue(key, out var text)) problems.Add($"{Path.GetFileName(file)}: t.{key} is not in strings.nb.yaml");
                else if (string.IsNullOrWhiteSpace(text) || text == key) problems.Add($"{Path.GetFileName(file)}: t.{key} has no text");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_string_has_text_and_none_is_left_in_english()
    {
        var english = new Regex(@"\b(the|and|skip|search|contents|published|updated|page|not found|home|menu)\b", RegexOptions.IgnoreCase);
        var problems = Strings().Where(kv => string.IsNullOrWhiteSpace(kv.Value) || english.IsMatch(kv.Value))
            .Select(kv => $"{kv.Key}: «{kv.Value}»").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// With the template code taken out, what is left of a template has no words: text and the
    /// attributes people read (alt, title, aria-label, label, placeholder) are only punctuation.
    /// </summary>
    [Fact]
    public void No_template_writes_words_of_its_own()
    {
        var parser = new HtmlParser();
        var words = new Regex(@"\p{L}{2,}");
        var problems = new List<string>();
        foreach (var file in TemplateFiles())
        {
            var markup = ScribanBlock().Replace(File.ReadAllText(file), " ");
            var document = parser.ParseDocument("<!DOCTYPE html><html><body>" + markup + "</body></html>");
            foreach (var node in document.Body!.Descendants<IText>().Where(n => n.ParentElement?.LocalName is not ("style" or "script")))
            {
                if (words.IsMatch(node.Data)) problems.Add($"{Path.GetFileName(file)}: text «{node.Data.Trim()}»");
            }
            foreach (var element in document.All)
            {
                foreach (var attribute in new[] { "alt", "title", "aria-label", "label", "placeholder" })
                {
                    if (element.GetAttribute(attribute) is { } value && words.IsMatch(value)) problems.Add($"{Path.GetFileName(file)}: {attribute}=«{value}»");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
