using ScottPlot;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>One cell of a decision map: resistances (Ω) and the share of reads at +1 and −1 (the rest read 0).</summary>
public readonly record struct PcsaMapCell(double BitLine, double BitLineBar, double PlusShare, double MinusShare)
{
    public double ZeroShare => 1 - PlusShare - MinusShare;
}

/// <summary>
/// The three-region decision map as a PNG: R_BL and R_BLb on log axes in kΩ, one square per grid point coloured by the
/// majority read (+1 blue, −1 red, 0 grey as in seed 000 Fig. 4.5), paler where the reads of that point are not unanimous
/// (Monte Carlo), with the seed's design rule (LRS &lt; 10 kΩ, HRS &gt; 100 kΩ) drawn as dashed lines.
/// </summary>
public static class PcsaMapPlot
{
    private static readonly Color Plus = Colors.RoyalBlue, Minus = Colors.Crimson, Zero = Colors.Gray;

    public static void Write(string path, string title, IReadOnlyList<PcsaMapCell> cells)
    {
        var plt = new Plot();
        var xs = cells.Select(c => Math.Log10(c.BitLine / 1e3)).Distinct().Order().ToArray();
        var ys = cells.Select(c => Math.Log10(c.BitLineBar / 1e3)).Distinct().Order().ToArray();
        double hx = xs.Length > 1 ? (xs[1] - xs[0]) / 2 : 0.5, hy = ys.Length > 1 ? (ys[1] - ys[0]) / 2 : 0.5;
        foreach (var c in cells)
        {
            double x = Math.Log10(c.BitLine / 1e3), y = Math.Log10(c.BitLineBar / 1e3);
            double best = Math.Max(c.PlusShare, Math.Max(c.MinusShare, c.ZeroShare));
            var color = best == c.PlusShare ? Plus : best == c.MinusShare ? Minus : Zero;
            var r = plt.Add.Rectangle(x - hx, x + hx, y - hy, y + hy);
            r.FillColor = color.WithAlpha(0.35 + 0.65 * best);
            r.LineWidth = 0;
        }
        foreach (double k in new[] { 10.0, 100.0 })
        {
            var v = plt.Add.VerticalLine(Math.Log10(k));
            v.LinePattern = LinePattern.Dashed;
            v.Color = Colors.Black;
            var h = plt.Add.HorizontalLine(Math.Log10(k));
            h.LinePattern = LinePattern.Dashed;
            h.Color = Colors.Black;
        }
        plt.Legend.ManualItems.Add(new LegendItem { LabelText = "+1 (Q = VDD, R_BL < R_BLb)", FillColor = Plus });
        plt.Legend.ManualItems.Add(new LegendItem { LabelText = "−1 (Q = 0)", FillColor = Minus });
        plt.Legend.ManualItems.Add(new LegendItem { LabelText = "0 (not resolved in the window)", FillColor = Zero });
        plt.ShowLegend(Alignment.UpperLeft);
        var ticks = Enumerable.Range(0, 4).Select(e => (double)e).ToArray();
        string[] labels = ["1", "10", "100", "1000"];
        plt.Axes.Bottom.SetTicks(ticks, labels);
        plt.Axes.Left.SetTicks(ticks, labels);
        plt.Axes.SetLimits(xs[0] - hx, xs[^1] + hx, ys[0] - hy, ys[^1] + hy);
        plt.Title(title);
        plt.XLabel("R_BL (kΩ, log scale)");
        plt.YLabel("R_BLb (kΩ, log scale)");
        plt.SavePng(path, 760, 700);
    }
}
