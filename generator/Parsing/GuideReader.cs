using System.Globalization;
using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;
using YamlDotNet.RepresentationModel;

namespace ForbedringsAbc.Parsing;

/// <summary>Reads a reflection guide's film, chapters, questions and resources.</summary>
public static class GuideReader
{
    public static GuideMeta Read(YamlFields f) =>
        new(ReadVideo(f),
            ReadChapters(f),
            f.TextList("questions", required: true).Select(q => q.Value).ToList(),
            f.Text("event", required: false),
            ReadResources(f));

    private static Video? ReadVideo(YamlFields f)
    {
        var video = f.Mapping("video", required: true);
        if (video is null) return null;
        var title = video.Text("title", required: false);
        var url = video.LocatedText("url", required: false);
        var src = video.LocatedText("src", required: false);
        var captions = video.LocatedText("captions", required: false);
        video.ReportUnknownKeys(["title", "url", "src", "captions"]);
        if ((url is null) == (src is null))
        {
            f.Diagnostics.Report(Rules.VideoSource, video.Span,
                "`video` må ha enten `url` (lenke til filmen) eller `src` (filmfil ved siden av siden), ikke begge og ikke ingen.");
        }
        if (url is not null && !UrlRules.IsWebUrl(url.Value))
        {
            // Never written to the page, not even in the preview: a javascript: URL there would run on a click.
            f.Diagnostics.Report(UrlRules.IsUnsafe(url.Value) ? Rules.UnsafeUrl : Rules.VideoSource, url.Span,
                $"`video.url` «{url.Value}» må være en nettadresse som begynner med https:// eller http://.");
            url = null;
        }
        return new Video(title, url?.Value, src, captions);
    }

    private static List<Chapter> ReadChapters(YamlFields f)
    {
        var chapters = new List<Chapter>();
        var previous = -1;
        foreach (var node in f.Sequence("chapters", required: true))
        {
            if (node is not YamlMappingNode map)
            {
                f.Diagnostics.Report(Rules.WrongType, f.Spans.At(node),
                    $"Hvert kapittel i `chapters` skal ha time, title og speakers, men dette er {YamlFields.Describe(node)}.");
                continue;
            }
            var c = new YamlFields(map, f.Spans, f.Diagnostics, "chapters.");
            var time = c.LocatedText("time", required: true);
            var title = c.Text("title", required: true) ?? string.Empty;
            var speakers = ReadSpeakers(c);
            c.ReportUnknownKeys(["time", "title", "speakers"]);
            if (time is null) continue;
            var seconds = ParseTime(time.Value);
            if (seconds is null)
            {
                f.Diagnostics.Report(Rules.BadTime, time.Span,
                    $"Tidspunktet «{time.Value}» må skrives TT:MM:SS, for eksempel \"01:20:50\" (i anførselstegn).");
                continue;
            }
            if (seconds <= previous)
            {
                f.Diagnostics.Report(Rules.BadTime, time.Span,
                    $"Kapitlet som starter {time.Value} kommer ikke etter kapitlet før. Sorter kapitlene etter tid.");
            }
            previous = seconds.Value;
            chapters.Add(new Chapter(time.Value, seconds.Value, title, speakers));
        }
        return chapters;
    }

    private static List<Speaker> ReadSpeakers(YamlFields c)
    {
        var speakers = new List<Speaker>();
        foreach (var node in c.Sequence("speakers", required: false))
        {
            switch (node)
            {
                case YamlScalarNode s when YamlFields.ScalarText(s) is { } name:
                    speakers.Add(new Speaker(name, null, null));
                    break;
                case YamlMappingNode m:
                    var sp = new YamlFields(m, c.Spans, c.Diagnostics, "speakers.");
                    var speaker = new Speaker(sp.Text("name", required: true) ?? string.Empty,
                        sp.Text("role", required: false), sp.Text("org", required: false));
                    sp.ReportUnknownKeys(["name", "role", "org"]);
                    speakers.Add(speaker);
                    break;
                default:
                    c.Diagnostics.Report(Rules.WrongType, c.Spans.At(node),
                        "En taler skrives som et navn, eller som name, role og org.");
                    break;
            }
        }
        return speakers;
    }

    private static List<Resource> ReadResources(YamlFields f)
    {
        var resources = new List<Resource>();
        foreach (var node in f.Sequence("resources", required: false))
        {
            if (node is not YamlMappingNode map)
            {
                f.Diagnostics.Report(Rules.WrongType, f.Spans.At(node),
                    $"Hvert tips i `resources` skal ha title (og gjerne url og note), men dette er {YamlFields.Describe(node)}.");
                continue;
            }
            var r = new YamlFields(map, f.Spans, f.Diagnostics, "resources.");
            var title = r.Text("title", required: true) ?? string.Empty;
            var url = r.LocatedText("url", required: false);
            var note = r.Text("note", required: false);
            r.ReportUnknownKeys(["title", "url", "note"]);
            if (url is not null && !UrlRules.IsWebUrl(url.Value))
            {
                f.Diagnostics.Report(Rules.UnsafeUrl, url.Span,
                    $"`resources.url` «{url.Value}» må være en nettadresse som begynner med https:// eller http://.");
                url = null;
            }
            resources.Add(new Resource(title, url?.Value, note));
        }
        return resources;
    }

    /// <summary>Seconds from "HH:MM:SS", or null when it is not a valid time.</summary>
    public static int? ParseTime(string text) =>
        TimeSpan.TryParseExact(text, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var t) && text.Length == 8
            ? (int)t.TotalSeconds
            : null;
}
