using System.Collections.Concurrent;
using AngleSharp.Html.Parser;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Loading;

namespace ForbedringsAbc.PostProcessing;

/// <summary>
/// Readers on the intranet have no internet, and the site promises that no page requests
/// anything from outside it (ABC308). Checked twice:
/// <list type="bullet">
/// <item>the sources, before any page is made: every template (layouts/, partials/) and every
/// stylesheet (templates/assets/, content/), reported at the file and line that writes the URL;</item>
/// <item>every page that is made, after the templates ran: a URL that came from data is reported
/// at the template line that writes that attribute, naming the page and its line.</item>
/// </list>
/// Links the reader follows (a href, form action) may go anywhere. Images written in Markdown
/// are ABC307 (the link resolver), so pages never see them.
/// </summary>
public sealed class OutsideResourceChecker
{
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = true };

    private readonly DiagnosticBag _diagnostics;
    private readonly IReadOnlyDictionary<(string Element, string Attribute), SourceSpan> _writers;
    private readonly IReadOnlySet<string> _literals;
    private readonly ConcurrentBag<Finding> _pageFindings = [];

    /// <summary>One outside load on one finished page: where it is reported (the template that writes it, or the source), what and where on the page.</summary>
    public sealed record Finding(SourceSpan Span, string Url, string Element, string Attribute, string Page, int Line);

    private OutsideResourceChecker(DiagnosticBag diagnostics, IReadOnlyDictionary<(string, string), SourceSpan> writers, IReadOnlySet<string> literals)
    {
        _diagnostics = diagnostics;
        _writers = writers;
        _literals = literals;
    }

    /// <summary>
    /// What the layouts and partials say: which template line writes which attribute, the outside
    /// URLs they write as they are, and the problems with those (reported by <see cref="Create"/>).
    /// </summary>
    public sealed record TemplateScan(Dictionary<(string, string), SourceSpan> Writers, HashSet<string> Literals, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>Reads the layouts and partials for outside resources; needs nothing of the content, so a build starts it first.</summary>
    public static TemplateScan ScanTemplates(string templatesDir, PathDisplay display)
    {
        var diagnostics = new DiagnosticBag();
        var writers = new Dictionary<(string, string), SourceSpan>();
        var literals = new HashSet<string>(StringComparer.Ordinal);
        var root = Path.GetFullPath(templatesDir);
        foreach (var file in Files(root, ["layouts", "partials"], "*.html"))
        {
            var shown = display.ForUser(file);
            var document = new HtmlParser(Options).ParseDocument(Loading.ContentLoader.NormalizeNewlines(File.ReadAllText(file)));
            foreach (var r in ResourceFinder.Find(document))
            {
                var span = new SourceSpan(shown, r.Line, r.Column);
                if (ResourceFinder.IsOutside(r.Url))
                {
                    literals.Add(r.Url);
                    diagnostics.Report(Rules.OutsideResource, span, Message(r.Element, r.Attribute, r.Url));
                }
                else if (r.Url.Contains("{{", StringComparison.Ordinal))
                {
                    writers.TryAdd((r.Element, r.Attribute), span);
                }
            }
        }
        return new TemplateScan(writers, literals, diagnostics.Raw());
    }

    /// <summary>Checks the templates and stylesheets, and remembers which template lines write which attributes.</summary>
    public static OutsideResourceChecker Create(string templatesDir, ContentSet content, PathDisplay display, DiagnosticBag diagnostics) =>
        Create(ScanTemplates(templatesDir, display), templatesDir, content, display, diagnostics);

    /// <inheritdoc cref="Create(string, ContentSet, PathDisplay, DiagnosticBag)"/>
    public static OutsideResourceChecker Create(TemplateScan templates, string templatesDir, ContentSet content, PathDisplay display, DiagnosticBag diagnostics)
    {
        diagnostics.AddRange(templates.Diagnostics);
        var (writers, literals) = (new Dictionary<(string, string), SourceSpan>(templates.Writers), new HashSet<string>(templates.Literals, StringComparer.Ordinal));
        var root = Path.GetFullPath(templatesDir);
        var stylesheets = Files(root, ["assets"], "*.css")
            .Concat(content.Assets.Where(a => a.EndsWith(".css", StringComparison.OrdinalIgnoreCase)).Select(content.FullPath));
        foreach (var file in stylesheets)
        {
            var shown = display.ForUser(file);
            foreach (var css in CssUrlScanner.Scan(Loading.ContentLoader.NormalizeNewlines(File.ReadAllText(file))).Where(c => ResourceFinder.IsOutside(c.Url)))
            {
                literals.Add(css.Url);
                diagnostics.Report(Rules.OutsideResource, new SourceSpan(shown, css.Line, css.Column), Message("CSS", "url()", css.Url));
            }
        }
        return new OutsideResourceChecker(diagnostics, writers, literals);
    }

    /// <summary>
    /// Checks one finished page (thread-safe); call <see cref="ReportPages"/> when every page is
    /// done. Returns what it found on this page (a next build that takes the page from the page
    /// cache hands it back with <see cref="Add"/>).
    /// </summary>
    public IReadOnlyList<Finding> CheckPage(string outputPath, string sourceDisplay, ReadOnlySpan<char> html)
    {
        // Most pages load nothing from outside, and the quick scan says so without a string of the page.
        if (!MayLoadFromOutside(html)) return [];
        var found = new List<Finding>();
        foreach (var r in Loads(html.ToString()))
        {
            var span = _writers.TryGetValue((r.Element, r.Attribute), out var writer) ? writer : SourceSpan.WholeFile(sourceDisplay);
            found.Add(new Finding(span, r.Url, r.Element, r.Attribute, outputPath, r.Line));
        }
        Add(found);
        return found;
    }

    /// <summary>Findings of a page checked in an earlier build, reported with this build's.</summary>
    public void Add(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings) _pageFindings.Add(finding);
    }

    /// <summary>Whether one finished page loads anything from outside the site (what <see cref="CheckPage"/> would note).</summary>
    public bool Finds(string html) => OutsideLoads(html).Any();

    /// <summary>What a finished page loads from outside the site, other than what the templates' own checks already named.</summary>
    private IEnumerable<ResourceReference> OutsideLoads(string html) => MayLoadFromOutside(html) ? Loads(html) : [];

    /// <summary><see cref="OutsideLoads"/> of a page the quick scan let through.</summary>
    private IEnumerable<ResourceReference> Loads(string html) =>
        ResourceFinder.Find(new HtmlParser(Options).ParseDocument(html)).Where(r => ResourceFinder.IsOutside(r.Url) && !_literals.Contains(r.Url));

    /// <summary>One diagnostic per place and URL, naming the first page (in path order) and how many more there are.</summary>
    public void ReportPages()
    {
        var groups = _pageFindings.GroupBy(f => (f.Span, f.Url, f.Element, f.Attribute));
        foreach (var group in groups)
        {
            var pages = group.OrderBy(f => f.Page, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
            var first = pages[0];
            var more = pages.Select(p => p.Page).Distinct().Count() - 1;
            var where = $"På siden {first.Page} (linje {first.Line}{(more > 0 ? $", og {more} andre sider" : string.Empty)}): ";
            _diagnostics.Report(Rules.OutsideResource, group.Key.Span, where + Message(group.Key.Element, group.Key.Attribute, group.Key.Url));
        }
    }

    private static string Message(string element, string attribute, string url) =>
        $"<{element} {attribute}> henter «{Shorten(url)}» fra et annet nettsted. Lesere på intranettet har ikke internett, " +
        "og ingen side skal hente noe utenfra: legg filen i templates/assets/ og bruk en relativ adresse ({{ root }}assets/…). Lenker (<a href>) kan gå hvor som helst.";

    /// <summary>
    /// Whether a page may name an outside URL somewhere it is loaded from, so it must be parsed.
    /// An outside URL has "//"; one in text, or in the href of a link (followed, not loaded), loads
    /// nothing. Pages with a style element are always parsed (url() in CSS text). Anything this
    /// quick look is unsure of is parsed.
    /// </summary>
    internal static bool MayLoadFromOutside(ReadOnlySpan<char> html)
    {
        if (html.Contains("<style", StringComparison.OrdinalIgnoreCase)) return html.Contains("//", StringComparison.Ordinal);
        for (var at = html.IndexOf("//", StringComparison.Ordinal); at >= 0; at = Text.Spans.IndexOf(html, "//", at + 2))
        {
            var open = at == 0 ? -1 : html[..at].LastIndexOf('<');
            var close = at == 0 ? -1 : html[..at].LastIndexOf('>');
            if (close > open) continue;
            if (open < 0 || !InLinkHref(html, open, at)) return true;
        }
        return false;
    }

    /// <summary>Whether position <paramref name="at"/> is inside the double-quoted href value of the &lt;a&gt; tag opened at <paramref name="open"/>.</summary>
    private static bool InLinkHref(ReadOnlySpan<char> html, int open, int at)
    {
        if (open + 2 >= at || html[open + 1] is not ('a' or 'A') || !char.IsWhiteSpace(html[open + 2])) return false;
        const string href = "href=\"";
        // The last href=" that ends by position at, after the tag's '<'.
        var found = html.Slice(open + 1, at - open).LastIndexOf(href, StringComparison.OrdinalIgnoreCase);
        if (found < 0) return false;
        var start = open + 1 + found;
        if (!char.IsWhiteSpace(html[start - 1])) return false;
        var value = start + href.Length;
        return html.Slice(value, at - value).IndexOf('"') < 0;
    }

    private static IEnumerable<string> Files(string root, string[] folders, string pattern) =>
        folders.Select(f => Path.Combine(root, f)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, pattern, SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    private static string Shorten(string url) => url.Length <= 80 ? url : url[..77] + "…";
}
