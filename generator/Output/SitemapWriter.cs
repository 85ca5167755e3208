using System.Xml;

namespace ForbedringsAbc.Output;

/// <summary>One entry of sitemap.xml or the Atom feed.</summary>
public sealed record UrlEntry(string PrettyPath, string Title, string Summary, DateOnly? Published, DateOnly? Updated);

/// <summary>sitemap.xml and feed.xml (Atom). Both need absolute URLs, so they are written only with --base-url.</summary>
public static class SitemapWriter
{
    public static string Sitemap(Uri baseUrl, IEnumerable<UrlEntry> entries)
    {
        using var sw = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(sw, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var e in entries)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", Absolute(baseUrl, e.PrettyPath));
                if ((e.Updated ?? e.Published) is { } lastmod) xml.WriteElementString("lastmod", Iso(lastmod));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return sw.ToString() + "\n";
    }

    public static string Feed(Uri baseUrl, string title, IReadOnlyList<UrlEntry> entries)
    {
        using var sw = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(sw, Settings))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xml", "lang", null, "nb");
            xml.WriteElementString("title", atom, title);
            xml.WriteElementString("id", atom, baseUrl.AbsoluteUri);
            var newest = entries.Select(e => e.Updated ?? e.Published).Max() ?? new DateOnly(2000, 1, 1);
            xml.WriteElementString("updated", atom, Iso(newest) + "T00:00:00Z");
            WriteLink(xml, atom, Absolute(baseUrl, "feed.xml"), "self");
            WriteLink(xml, atom, baseUrl.AbsoluteUri, null);
            foreach (var e in entries)
            {
                var url = Absolute(baseUrl, e.PrettyPath);
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("title", atom, e.Title);
                xml.WriteElementString("id", atom, url);
                WriteLink(xml, atom, url, null);
                if (e.Published is { } p) xml.WriteElementString("published", atom, Iso(p) + "T00:00:00Z");
                xml.WriteElementString("updated", atom, Iso((e.Updated ?? e.Published) ?? newest) + "T00:00:00Z");
                xml.WriteElementString("summary", atom, e.Summary);
                xml.WriteStartElement("author", atom);
                xml.WriteElementString("name", atom, title);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return sw.ToString() + "\n";
    }

    public static string Absolute(Uri baseUrl, string prettyPath) =>
        new Uri(baseUrl, Links.UrlPaths.Escape(prettyPath)).AbsoluteUri;

    private static void WriteLink(XmlWriter xml, string ns, string href, string? rel)
    {
        xml.WriteStartElement("link", ns);
        if (rel is not null) xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly XmlWriterSettings Settings = new() { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new System.Text.UTF8Encoding(false) };

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => new System.Text.UTF8Encoding(false);
    }
}
