using System.Globalization;
using System.Text;
using ForbedringsAbc.Model;

namespace ForbedringsAbc.Output;

/// <summary>
/// A WebVTT chapters track (<c>&lt;track kind="chapters"&gt;</c>) for each guide whose film is a
/// local file, made from the chapters in its front matter and written beside the page as
/// kapitler.vtt. A chapter lasts until the next one starts; the last one until the film ends,
/// which the generator does not know, so its cue ends at 99:59:59.999 (players stop at the end
/// of the film).
/// </summary>
public static class ChapterTrackWriter
{
    public const string FileName = "kapitler.vtt";

    private const string Open = "99:59:59.999";

    /// <summary>Where the track of a guide is written: "refleksjon/x/kapitler.vtt" for "refleksjon/x/index.html".</summary>
    public static string PathFor(SitePage page)
    {
        var slash = page.OutputPath.LastIndexOf('/');
        return slash < 0 ? FileName : page.OutputPath[..(slash + 1)] + FileName;
    }

    /// <summary>True when the page is a guide with a local film and at least one chapter.</summary>
    public static bool HasTrack(SitePage page, RenderedPage rendered) => HasTrack(page, rendered.Links.VideoUrl is not null);

    /// <summary>True when the page is a guide with at least one chapter and <paramref name="hasFilm"/>.</summary>
    public static bool HasTrack(SitePage page, bool hasFilm) => page.Page.KindMeta is GuideMeta { Chapters.Count: > 0 } && hasFilm;

    /// <summary>The guides that get a track, in page order.</summary>
    /// <param name="hasFilm">Whether a page has a film of its own (found with its body: <see cref="PageLinks.VideoUrl"/>).</param>
    public static List<SitePage> Guides(SiteModel site, Func<SitePage, bool> hasFilm) => site.Pages.Where(p => HasTrack(p, hasFilm(p))).ToList();

    /// <summary>Writes the track of each of <paramref name="guides"/> (<see cref="Guides"/>).</summary>
    public static int WriteAll(IReadOnlyList<SitePage> guides, IOutputSink sink)
    {
        foreach (var page in guides) sink.WriteText(PathFor(page), Track(((GuideMeta)page.Page.KindMeta).Chapters));
        return guides.Count;
    }

    public static string Track(IReadOnlyList<Chapter> chapters)
    {
        var sb = new StringBuilder("WEBVTT\n");
        for (var i = 0; i < chapters.Count; i++)
        {
            var end = i + 1 < chapters.Count ? Time(chapters[i + 1].Seconds) : Open;
            sb.Append('\n').Append(i + 1).Append('\n')
                .Append(Time(chapters[i].Seconds)).Append(" --> ").Append(end).Append('\n')
                .Append(CueText(chapters[i].Title)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Time(int seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}.000");

    /// <summary>Cue text on one line, with the three characters WebVTT reserves escaped (so "--&gt;" cannot end the cue).</summary>
    private static string CueText(string title)
    {
        var flat = string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }
}
