using System.Globalization;
using ForbedringsAbc.Templates.Views;

namespace ForbedringsAbc.Templates;

/// <summary>
/// Lays out the improvement cycle for the SVG figure: the phases as rounded boxes on a ring
/// with an arrowhead between each pair (clockwise), and the same phases as a column with arrows
/// down and one arrow back to the start, for narrow screens. Pure geometry: any number of
/// phases, box width from the longest title; numbers formatted the same on every machine.
/// </summary>
public static class CycleLayout
{
    private const double NodeHeight = 52;
    private const double Margin = 10;
    private const double ColumnGap = 34;
    private const double Arrow = 9;

    public static CycleView Build(IReadOnlyList<PhaseView> phases, PhaseView? current)
    {
        var width = (double)(72 + 12 * phases.Select(p => p.Title.Length).DefaultIfEmpty(8).Max());
        return new CycleView(Ring(phases, width), Column(phases, width), phases, current, F(width), F(NodeHeight), F(NodeHeight / 2));
    }

    private static CycleDrawingView Ring(IReadOnlyList<PhaseView> phases, double width)
    {
        var n = phases.Count;
        var radius = RingRadius(n, width);
        // Centre at (0,0) while placing; the view box then frames the boxes.
        var centres = Enumerable.Range(0, n).Select(i => Polar(radius, Angle(i, n))).ToList();
        var minX = centres.Select(c => c.X - width / 2).DefaultIfEmpty(0).Min() - Margin;
        var maxX = centres.Select(c => c.X + width / 2).DefaultIfEmpty(0).Max() + Margin;
        var minY = centres.Select(c => c.Y - NodeHeight / 2).DefaultIfEmpty(0).Min() - Margin;
        var maxY = centres.Select(c => c.Y + NodeHeight / 2).DefaultIfEmpty(0).Max() + Margin;
        var nodes = phases.Select((p, i) => Node(i, p, centres[i].X - minX - width / 2, centres[i].Y - minY - NodeHeight / 2)).ToList();
        var (cx, cy) = (-minX, -minY);
        var path = $"M{F(cx)},{F(cy - radius)}A{F(radius)},{F(radius)} 0 1 1 {F(cx)},{F(cy + radius)}A{F(radius)},{F(radius)} 0 1 1 {F(cx)},{F(cy - radius)}";
        var arrows = n < 2 ? [] : Enumerable.Range(0, n).Select(i =>
        {
            var mid = Angle(i, n) + Math.PI / n;
            var (x, y) = Polar(radius, mid);
            return Head(cx + x, cy + y, -Math.Sin(mid), Math.Cos(mid));
        }).ToList();
        return new CycleDrawingView($"0 0 {F(maxX - minX)} {F(maxY - minY)}", nodes, path, arrows);
    }

    /// <summary>The smallest ring on which neighbouring boxes keep apart and every arrowhead sits clear of the boxes.</summary>
    private static double RingRadius(int n, double width)
    {
        var radius = width * 0.55;
        if (n < 2) return radius;
        for (var step = 0; step < 200; step++, radius += 4)
        {
            var centres = Enumerable.Range(0, n).Select(i => Polar(radius, Angle(i, n))).ToList();
            var apart = Enumerable.Range(0, n).All(i => Apart(centres[i], centres[(i + 1) % n], width) && Apart(centres[i], centres[(i + n - 1) % n], width));
            var clear = Enumerable.Range(0, n).All(i =>
            {
                var p = Polar(radius, Angle(i, n) + Math.PI / n);
                return centres.All(c => Math.Abs(p.X - c.X) > width / 2 + 2 * Arrow || Math.Abs(p.Y - c.Y) > NodeHeight / 2 + 2 * Arrow);
            });
            if (apart && clear) return radius;
        }
        return radius;
    }

    private static bool Apart((double X, double Y) a, (double X, double Y) b, double width) =>
        Math.Abs(a.X - b.X) >= width + 24 || Math.Abs(a.Y - b.Y) >= NodeHeight + 24;

    private static CycleDrawingView Column(IReadOnlyList<PhaseView> phases, double width)
    {
        var n = phases.Count;
        var nodes = phases.Select((p, i) => Node(i, p, Margin, Margin + i * (NodeHeight + ColumnGap))).ToList();
        var centreX = Margin + width / 2;
        var returnX = Margin + width + 30;
        var segments = new List<string>();
        var arrows = new List<string>();
        for (var i = 0; i + 1 < n; i++)
        {
            var top = Margin + i * (NodeHeight + ColumnGap) + NodeHeight;
            var next = top + ColumnGap;
            segments.Add($"M{F(centreX)},{F(top)}V{F(next - Arrow)}");
            arrows.Add(Head(centreX, next - Arrow, 0, 1));
        }
        var lastY = Margin + (n - 1) * (NodeHeight + ColumnGap) + NodeHeight / 2;
        var firstY = Margin + NodeHeight / 2;
        if (n > 1)
        {
            segments.Add($"M{F(Margin + width)},{F(lastY)}H{F(returnX)}V{F(firstY)}H{F(Margin + width + Arrow + 2)}");
            arrows.Add(Head(Margin + width + Arrow + 2, firstY, -1, 0));
        }
        var height = Margin * 2 + n * NodeHeight + Math.Max(0, n - 1) * ColumnGap;
        return new CycleDrawingView($"0 0 {F(returnX + Margin)} {F(height)}", nodes, string.Concat(segments), arrows);
    }

    private static CycleNodeView Node(int index, PhaseView phase, double x, double y) =>
        new(index + 1, phase, F(x), F(y), F(x + NodeHeight / 2), F(x + NodeHeight), F(y + NodeHeight / 2 + 6), F(y + NodeHeight / 2));

    /// <summary>An arrowhead whose base is at (x, y), pointing along (dx, dy), as a closed path.</summary>
    private static string Head(double x, double y, double dx, double dy)
    {
        var (tipX, tipY) = (x + dx * Arrow, y + dy * Arrow);
        var (leftX, leftY) = (x - dy * Arrow * 0.8, y + dx * Arrow * 0.8);
        var (rightX, rightY) = (x + dy * Arrow * 0.8, y - dx * Arrow * 0.8);
        return $"M{F(tipX)},{F(tipY)}L{F(leftX)},{F(leftY)}L{F(rightX)},{F(rightY)}Z";
    }

    /// <summary>The first phase at twelve o'clock, the rest clockwise (SVG's y axis points down).</summary>
    private static double Angle(int index, int count) => -Math.PI / 2 + index * 2 * Math.PI / Math.Max(1, count);

    private static (double X, double Y) Polar(double radius, double angle) => (radius * Math.Cos(angle), radius * Math.Sin(angle));

    /// <summary>One decimal at most, '.' as separator, and never "-0".</summary>
    private static string F(double value) => (Math.Round(value, 1) + 0.0).ToString("0.#", CultureInfo.InvariantCulture);
}
