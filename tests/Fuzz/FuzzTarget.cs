using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Output;
using ForbedringsAbc.Pipeline;

namespace ForbedringsAbc.Fuzz;

/// <summary>
/// The fuzz target: one content file → diagnostics + HTML, through the whole in-process pipeline
/// (parse, Markdown, templates, search index) into a <see cref="MemorySink"/>.
/// The first byte of the input chooses the kind of page (its folder); the rest is the file.
/// A small fixed site lies beside it (home, a method, a contact, an image) so links, contacts and
/// methods can resolve. Any invariant broken throws <see cref="FuzzFailure"/>:
/// an exception out of the pipeline, an ABC003 (the generator failed on the file), or output HTML
/// with script from content (a script element, an on* or style attribute, a javascript:/data:/vbscript: URL).
/// Shared by the coverage-guided fuzzer (tests/Fuzz) and the regression replay in Generator.Tests.
/// </summary>
public sealed class FuzzTarget : IDisposable
{
    /// <summary>Where the fuzzed file goes, chosen by the input's first byte (modulo the count).</summary>
    public static readonly string[] Slots =
    [
        "historier/fuzz.md", "metoder/fuzz.md", "refleksjon/fuzz.md", "kontakt/fuzz.md", "om/fuzz.md", "_index.md",
    ];

    /// <summary>The fixed pages beside the fuzzed one (also the base of the XSS test site).</summary>
    public static readonly IReadOnlyDictionary<string, string> Companions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["_index.md"] = "---\ntitle: \"Forside\"\nsummary: \"Forsiden.\"\n---\n\nVelkommen.\n",
        ["metoder/pdsa.md"] = "---\ntitle: \"PDSA\"\nsummary: \"Test i liten skala.\"\npublished: 2025-09-15\nphase: \"gjennomføre\"\ntags: [\"team\"]\n---\n\n## Slik gjør du det\n\nPlanlegg, utfør, studer, handle.\n",
        ["kontakt/kari-holmen.md"] = "---\ntitle: \"Kari Holmen\"\nsummary: \"Avdelingssykepleier.\"\npublished: 2025-03-10\nname: \"Kari Holmen\"\nrole: \"Avdelingssykepleier\"\nunit: \"Solbakken sykehjem\"\nemail: \"kari.holmen@example.no\"\n---\n\nSpør meg om tavlemøter.\n",
        ["historier/fall.md"] = "---\ntitle: \"Færre fall\"\nsummary: \"En historie.\"\npublished: 2025-03-10\nunit: \"Solbakken\"\ncontact: \"kari-holmen\"\nmethods: [\"pdsa\"]\n---\n\n## Bakgrunn\n\nSe [PDSA](../metoder/pdsa.md#slik-gjør-du-det).\n",
    };

    /// <summary>A 1×1 PNG, so that image links to bilder/foto.png resolve.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly HtmlParser Parser = new();

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href", "background", "cite", "ping"];

    private readonly string _root;
    private readonly string _templates;
    private string? _lastSlot;

    public FuzzTarget(string templatesDir)
    {
        _templates = templatesDir;
        _root = Path.Combine(Path.GetTempPath(), "abc-fuzz-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in Companions) Write(path, Encoding.UTF8.GetBytes(text));
        Write("bilder/foto.png", Png);
    }

    public string ContentDir => Path.Combine(_root, "content");

    /// <summary>Runs one input; throws <see cref="FuzzFailure"/> when an invariant breaks.</summary>
    public void Run(ReadOnlySpan<byte> input)
    {
        var slot = Slots[input.Length == 0 ? 0 : input[0] % Slots.Length];
        var body = input.Length == 0 ? [] : input[1..].ToArray();
        if (_lastSlot is not null && _lastSlot != slot)
        {
            // Put back what the previous slot replaced (the home page) or remove the fuzzed file.
            if (Companions.TryGetValue(_lastSlot, out var original)) Write(_lastSlot, Encoding.UTF8.GetBytes(original));
            else File.Delete(Full(_lastSlot));
        }
        _lastSlot = slot;
        Write(slot, body);
        Check(slot, Build());
    }

    /// <summary>Builds the fixture site as the generator's build does, output in memory.</summary>
    private (BuildResult Result, MemorySink Output) Build()
    {
        var sink = new MemorySink(keepCopies: false);
        var options = new BuildOptions(ContentDir, _templates, Path.Combine(_root, "site"), new Uri("https://intranett.example/abc/"),
            IncludeDrafts: true, DisplayBase: _root, Today: new DateOnly(2026, 11, 24));
        BuildResult result;
        try
        {
            result = new BuildPipeline().Run(options, sink);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FuzzFailure($"The pipeline threw: {e}", e);
        }
        return (result, sink);
    }

    private static void Check(string slot, (BuildResult Result, MemorySink Output) build)
    {
        foreach (var d in build.Result.Diagnostics)
        {
            if (d.Code == Rules.Unprocessable.Code && !d.Message.Contains("for mange nivåer", StringComparison.Ordinal))
                throw new FuzzFailure($"ABC003 on {slot}: {d}");
        }
        foreach (var (path, bytes) in build.Output.Files)
        {
            if (path.EndsWith(".html", StringComparison.Ordinal)) CheckHtml(path, Encoding.UTF8.GetString(bytes));
            else if (path.StartsWith(Search.Format.IndexWriter.Folder, StringComparison.Ordinal) && path.EndsWith(".js", StringComparison.Ordinal))
                CheckDataScript(path, Encoding.UTF8.GetString(bytes));
        }
    }

    /// <summary>No script can come from content: the HTML's only scripts are the site's own files.</summary>
    public static void CheckHtml(string path, string html)
    {
        using var doc = Parser.ParseDocument(html);
        foreach (var element in doc.All)
        {
            var name = element.LocalName;
            if (name == "script" && (element.TextContent.Trim().Length > 0 || !IsOwnScript(element.GetAttribute("src"))))
                throw new FuzzFailure($"{path}: a script that is not the site's own: {element.OuterHtml[..Math.Min(200, element.OuterHtml.Length)]}");
            if (name is "iframe" or "object" or "embed" or "frame" or "frameset" or "base" or "applet" or "style" || (name == "link" && !IsOwnLink(element)))
                throw new FuzzFailure($"{path}: an element that content must not make: <{name}>");
            foreach (var attribute in element.Attributes)
            {
                var attr = attribute.Name;
                if (attr.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    throw new FuzzFailure($"{path}: an event attribute {attr}=\"{attribute.Value}\" on <{name}>");
                if (attr.Equals("style", StringComparison.OrdinalIgnoreCase) || attr.Equals("srcdoc", StringComparison.OrdinalIgnoreCase))
                    throw new FuzzFailure($"{path}: a {attr} attribute on <{name}>");
                if (UrlAttributes.Contains(attr, StringComparer.OrdinalIgnoreCase) && IsScriptUrl(attribute.Value))
                    throw new FuzzFailure($"{path}: an unsafe URL {attr}=\"{attribute.Value}\" on <{name}>");
                if (name == "meta" && attr == "content" && element.GetAttribute("http-equiv") is not null
                    && Regex.Match(attribute.Value, @"url\s*=\s*['""]?(.*)", RegexOptions.IgnoreCase | RegexOptions.Singleline) is { Success: true } refresh
                    && IsScriptUrl(refresh.Groups[1].Value))
                    throw new FuzzFailure($"{path}: an unsafe refresh URL {attribute.Value}");
            }
        }
    }

    private static bool IsOwnScript(string? src) =>
        src is not null && Regex.IsMatch(src, @"^(/[^:?#]*/|(\.\./)*)assets/js/[a-z-]+\.js$");

    private static bool IsOwnLink(IElement element) =>
        element.LocalName == "link" && element.GetAttribute("rel") is "stylesheet" or "icon" or "alternate" or "canonical";

    /// <summary>True for a URL a browser would run or embed as a document: javascript:, vbscript:, data: (ignoring case,
    /// whitespace and control characters, as browsers do).</summary>
    public static bool IsScriptUrl(string url)
    {
        var sb = new StringBuilder();
        foreach (var c in url)
        {
            if (c <= ' ' || char.IsWhiteSpace(c) || char.IsControl(c)) continue;
            if (c == ':') break;
            sb.Append(char.ToLowerInvariant(c));
        }
        var scheme = sb.ToString();
        return url.Contains(':') && scheme is "javascript" or "vbscript" or "data" or "livescript" or "mocha";
    }

    /// <summary>An index file is <c>ABCSOK["name"]=JSON;</c> and nothing else: content cannot break out of the JSON.</summary>
    public static void CheckDataScript(string path, string text)
    {
        var match = Regex.Match(text, "^ABCSOK\\[\"[A-Za-z0-9_./-]+\"\\]=(.*);\n$", RegexOptions.Singleline);
        if (!match.Success) throw new FuzzFailure($"{path}: not a data script: {text[..Math.Min(120, text.Length)]}");
        try
        {
            using var _ = JsonDocument.Parse(match.Groups[1].Value);
        }
        catch (JsonException e)
        {
            throw new FuzzFailure($"{path}: the data is not JSON: {e.Message}");
        }
    }

    private string Full(string contentPath) => Path.Combine([_root, "content", .. contentPath.Split('/')]);

    private void Write(string contentPath, byte[] bytes)
    {
        var full = Full(contentPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>A broken invariant: the fuzzer counts it as a crash.</summary>
public sealed class FuzzFailure(string message, Exception? inner = null) : Exception(message, inner);
