using System.Globalization;
using ForbedringsAbc.Model;
using ForbedringsAbc.Output;
using ForbedringsAbc.Templates;
using ForbedringsAbc.Templates.Views;

namespace ForbedringsAbc.Tests.Unit;

/// <summary>The pure parts of the front end: the cycle's geometry and the WebVTT chapters track.</summary>
public class FrontEndUnitTests
{
    private static PhaseView Phase(string title, bool current = false) =>
        new(title.ToLowerInvariant(), title.ToLowerInvariant(), title, "?", null, "metoder/index.html#fase-" + title.ToLowerInvariant(), current);

    public static TheoryData<int> Counts => new() { 1, 2, 3, 5, 7 };

    [Theory]
    [MemberData(nameof(Counts))]
    public void The_cycle_boxes_never_overlap_and_stay_inside_the_drawing(int count)
    {
        var phases = Enumerable.Range(1, count).Select(i => Phase("Gjennomføre" + i)).ToList();
        var cycle = CycleLayout.Build(phases, null);
        foreach (var drawing in new[] { cycle.Ring, cycle.Column })
        {
            var box = drawing.ViewBox.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var (w, h) = (double.Parse(cycle.NodeWidth, CultureInfo.InvariantCulture), double.Parse(cycle.NodeHeight, CultureInfo.InvariantCulture));
            var rects = drawing.Nodes.Select(n => (X: double.Parse(n.X, CultureInfo.InvariantCulture), Y: double.Parse(n.Y, CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(count, rects.Count);
            Assert.All(rects, r => Assert.True(r.X >= 0 && r.Y >= 0 && r.X + w <= box[2] && r.Y + h <= box[3], $"{r} outside {drawing.ViewBox}"));
            for (var i = 0; i < rects.Count; i++)
            {
                for (var j = i + 1; j < rects.Count; j++)
                {
                    var apart = Math.Abs(rects[i].X - rects[j].X) >= w || Math.Abs(rects[i].Y - rects[j].Y) >= h;
                    Assert.True(apart, $"boxes {i + 1} and {j + 1} overlap");
                }
            }
            Assert.Equal(count > 1 ? count - (drawing == cycle.Column ? 0 : 0) : 0, drawing.Arrows.Count);
        }
    }

    [Fact]
    public void The_cycle_starts_at_twelve_o_clock_and_goes_clockwise_with_the_current_phase_marked()
    {
        var phases = new[] { Phase("Forstå"), Phase("Planlegge", current: true), Phase("Gjennomføre"), Phase("Evaluere"), Phase("Korrigere") };
        var cycle = CycleLayout.Build(phases, phases[1]);
        var x = cycle.Ring.Nodes.Select(n => double.Parse(n.X, CultureInfo.InvariantCulture)).ToList();
        var y = cycle.Ring.Nodes.Select(n => double.Parse(n.Y, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(y.Min(), y[0]);
        Assert.True(x[1] > x[0] && x[4] < x[0], "clockwise: the second phase to the right, the last to the left");
        Assert.Equal("Planlegge", cycle.Current!.Title);
        Assert.DoesNotContain(",", string.Concat(cycle.Ring.Nodes.Select(n => n.X + n.Y)));
    }

    [Fact]
    public void The_chapters_track_is_webvtt_with_escaped_titles_and_each_chapter_ending_at_the_next()
    {
        var track = ChapterTrackWriter.Track([new Chapter("00:00:00", 0, "Start", []), new Chapter("01:20:50", 4850, "A --> B & <c>\nny linje", [])]);
        Assert.Equal("WEBVTT\n\n1\n00:00:00.000 --> 01:20:50.000\nStart\n\n2\n01:20:50.000 --> 99:59:59.999\nA --&gt; B &amp; &lt;c&gt; ny linje\n", track);
    }
}
