using System.Globalization;
using CircuitNeuro.Cli.Sweeps;
using ScottPlot;

namespace CircuitNeuro.Cli.Plots;

/// <summary>
/// One PNG per reported metric (sweep-&lt;metric&gt;.png): mean over repeats against the first swept key, error bars
/// one standard deviation, one series per combination of the other keys. Text values (pulse.shape) become categories.
/// </summary>
public static class SweepPlot
{
    public static string FileName(string metric) => $"sweep-{metric}.png";

    public static void Write(SweepPlan plan, IReadOnlyList<PointSummary> points)
    {
        foreach (var metric in plan.Metrics) WriteOne(plan, points, metric);
    }

    private static void WriteOne(SweepPlan plan, IReadOnlyList<PointSummary> points, string metric)
    {
        string? xKey = plan.Keys.Count > 0 ? plan.Keys[0] : null;
        var others = plan.Keys.Skip(1).ToList();
        var xText = points.Select(p => xKey is null ? p.Index.ToString(CultureInfo.InvariantCulture) : p.Parameters[xKey]).ToList();
        bool numeric = xText.All(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var categories = xText.Distinct().ToList();
        double X(string t) => numeric ? double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture) : categories.IndexOf(t);
        // Sampled points are a cloud, grid points a curve.
        bool connect = xKey is null || !plan.SampledKeys.Contains(xKey);

        // Energies are ~1e-13 J: ScottPlot's tick labels would read 0, so plot in units of an engineering power of ten.
        double largest = points.Select(p => Math.Abs(p.Metrics[metric].Mean) + p.Metrics[metric].Std).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        int exponent = largest > 0 ? (int)Math.Floor(Math.Log10(largest) / 3) * 3 : 0;
        double unit = Math.Pow(10, exponent);

        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var series = points.Select((p, i) => (Point: p, X: X(xText[i])))
            .GroupBy(e => string.Join(", ", others.Select(k => $"{k}={Short(e.Point.Parameters[k])}")))
            .ToList();
        for (int s = 0; s < series.Count; s++)
        {
            var ordered = series[s].OrderBy(e => e.X).ToList();
            double[] xs = ordered.Select(e => e.X).ToArray();
            double[] ys = ordered.Select(e => e.Point.Metrics[metric].Mean / unit).ToArray();
            double[] errors = ordered.Select(e => e.Point.Metrics[metric].Std / unit).ToArray();
            var color = palette.GetColor(s);
            var bars = plt.Add.ErrorBar(xs, ys, errors);
            bars.Color = color;
            var line = plt.Add.Scatter(xs, ys);
            line.Color = color;
            line.MarkerSize = 7;
            line.LineWidth = connect ? 1.5f : 0;
            if (series[s].Key.Length > 0) line.LegendText = series[s].Key;
        }
        if (!numeric) plt.Axes.Bottom.SetTicks(categories.Select((_, i) => (double)i).ToArray(), categories.ToArray());
        plt.Title($"{plan.Name}: {metric} (mean ± std over {plan.Repeats} repeat{(plan.Repeats == 1 ? "" : "s")})");
        plt.XLabel(xKey ?? "point");
        plt.YLabel(exponent == 0 ? metric : $"{metric} (×1e{exponent})");
        if (series.Count > 1) plt.ShowLegend(Alignment.UpperRight);
        plt.SavePng(Path.Combine(plan.OutDir, FileName(metric)), 800, 500);
    }

    /// <summary>Sampled values carry 17 digits; a legend needs 6.</summary>
    private static string Short(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v.ToString("G6", CultureInfo.InvariantCulture) : value;
}
