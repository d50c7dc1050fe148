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

        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var series = points.Select((p, i) => (Point: p, X: X(xText[i])))
            .GroupBy(e => string.Join(", ", others.Select(k => $"{k}={e.Point.Parameters[k]}")))
            .ToList();
        for (int s = 0; s < series.Count; s++)
        {
            var ordered = series[s].OrderBy(e => e.X).ToList();
            double[] xs = ordered.Select(e => e.X).ToArray();
            double[] ys = ordered.Select(e => e.Point.Metrics[metric].Mean).ToArray();
            double[] errors = ordered.Select(e => e.Point.Metrics[metric].Std).ToArray();
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
        plt.YLabel(metric);
        if (series.Count > 1) plt.ShowLegend(Alignment.UpperRight);
        plt.SavePng(Path.Combine(plan.OutDir, FileName(metric)), 800, 500);
    }
}
