using AngleSharp.Dom;

namespace ForbedringsAbc.PostProcessing;

/// <summary>
/// The URLs an HTML document makes the browser load without the reader asking: src, srcset,
/// poster, data, the href of a stylesheet or icon link and of SVG image/use, ping, background,
/// base href, and every url()/@import of style attributes and style elements. Links the reader
/// follows (a href, form action) are not loads and are left out.
/// </summary>
public static class ResourceFinder
{
    private static readonly HashSet<string> SrcElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "img", "source", "video", "audio", "track", "script", "iframe", "frame", "embed", "input",
    };

    private static readonly HashSet<string> FetchingRels = new(StringComparer.OrdinalIgnoreCase)
    {
        "stylesheet", "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon",
        "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch", "prerender", "manifest",
    };

    public static IEnumerable<ResourceReference> Find(IDocument document)
    {
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            foreach (var (attribute, value) in Loads(element, name))
            {
                foreach (var url in Urls(attribute, value))
                {
                    yield return At(element, name, attribute, url);
                }
            }
            if (element.GetAttribute("style") is { } style)
            {
                foreach (var css in CssUrlScanner.Scan(style)) yield return At(element, name, "style", css.Url);
            }
            if (name == "style")
            {
                var (line, column) = Position(element);
                foreach (var css in CssUrlScanner.Scan(element.TextContent, line, column))
                {
                    yield return new ResourceReference(name, "url()", css.Url, css.Line, css.Column);
                }
            }
        }
    }

    private static IEnumerable<(string Attribute, string Value)> Loads(IElement element, string name)
    {
        if (SrcElements.Contains(name) && element.GetAttribute("src") is { } src) yield return ("src", src);
        if (name is "img" or "source" && element.GetAttribute("srcset") is { } srcset) yield return ("srcset", srcset);
        if (name == "video" && element.GetAttribute("poster") is { } poster) yield return ("poster", poster);
        if (name == "object" && element.GetAttribute("data") is { } data) yield return ("data", data);
        if (name == "base" && element.GetAttribute("href") is { } baseHref) yield return ("href", baseHref);
        if (name == "html" && element.GetAttribute("manifest") is { } manifest) yield return ("manifest", manifest);
        if (name == "link" && element.GetAttribute("href") is { } linkHref
            && (element.GetAttribute("rel") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(FetchingRels.Contains))
        {
            yield return ("href", linkHref);
        }
        if (name is "image" or "use" or "feimage")
        {
            if (element.GetAttribute("href") is { } svgHref) yield return ("href", svgHref);
            if (element.GetAttribute("xlink:href") is { } xlink) yield return ("xlink:href", xlink);
        }
        if (element.GetAttribute("ping") is { } ping) yield return ("ping", ping);
        if (element.GetAttribute("background") is { } background) yield return ("background", background);
    }

    /// <summary>The URLs of one attribute: srcset and ping hold several.</summary>
    private static IEnumerable<string> Urls(string attribute, string value) => attribute switch
    {
        "srcset" => value.Split(',').Select(c => c.Trim().Split(' ', 2)[0]).Where(u => u.Length > 0),
        "ping" => value.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => [value.Trim()],
    };

    /// <summary>
    /// True for a URL outside the site: protocol-relative ("//host/…"), or with any scheme but
    /// the inline ones (data:, blob:, about:). Relative URLs stay on the site wherever it is served.
    /// </summary>
    public static bool IsOutside(string url)
    {
        var u = url.Trim();
        if (u.StartsWith("//", StringComparison.Ordinal) || u.StartsWith(@"\\", StringComparison.Ordinal)) return true;
        var colon = u.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(u[0]) || !u[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return false;
        return u[..colon].ToLowerInvariant() is not ("data" or "blob" or "about");
    }

    private static ResourceReference At(IElement element, string name, string attribute, string url)
    {
        var (line, column) = Position(element);
        return new ResourceReference(name, attribute, url, line, column);
    }

    private static (int Line, int Column) Position(IElement element) =>
        element.SourceReference?.Position is { } p ? (p.Line, p.Column) : (0, 0);
}
