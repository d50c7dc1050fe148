using CircuitNeuro.Cli.Experiments;
using ScottPlot;

namespace CircuitNeuro.Cli.Plots;

/// <summary>PNG figures of a pulse study: conductance against pulse number with the 5–95 % band across devices, and energy per pulse.</summary>
public static class PulseStudyPlot
{
    public const string ConductanceFile = "conductance.png";
    public const string EnergyFile = "energy.png";

    public static void Write(PulseStudyResult r, string outDir)
    {
        Directory.CreateDirectory(outDir);
        double[] pulses = Enumerable.Range(0, r.Pulses + 1).Select(k => (double)k).ToArray();
        double[] Micro(Func<Sweeps.SummaryStatistics, double> pick) => r.ConductanceStats.Select(s => pick(s) * 1e6).ToArray();

        var g = new Plot();
        var band = g.Add.FillY(pulses, Micro(s => s.Q05), Micro(s => s.Q95));
        band.LegendText = "5–95 % of devices";
        band.FillStyle.Color = Colors.SteelBlue.WithAlpha(0.3);
        band.LineStyle.Width = 0;
        var median = g.Add.ScatterLine(pulses, Micro(s => s.Q50));
        median.LegendText = "median";
        median.LinePattern = LinePattern.Dashed;
        median.Color = Colors.Navy;
        median.LineWidth = 1.5f;
        var mean = g.Add.ScatterLine(pulses, Micro(s => s.Mean));
        mean.LegendText = "mean";
        mean.Color = Colors.Black;
        g.Title($"{r.Config.Name}: {r.Devices} {r.Config.Devices.Model} devices");
        g.XLabel("pulse number");
        g.YLabel("conductance (µS)");
        g.ShowLegend(Alignment.LowerRight);
        g.SavePng(Path.Combine(outDir, ConductanceFile), 800, 500);

        var e = new Plot();
        double[] k1 = pulses[1..];
        double[] meanPj = r.EnergyStats.Skip(1).Select(s => s.Mean * 1e12).ToArray();
        double[] stdPj = r.EnergyStats.Skip(1).Select(s => s.Std * 1e12).ToArray();
        var bars = e.Add.ErrorBar(k1, meanPj, stdPj);
        bars.Color = Colors.DarkOrange;
        var line = e.Add.Scatter(k1, meanPj);
        line.Color = Colors.DarkOrange;
        line.LegendText = "mean ± std across devices";
        e.Title($"{r.Config.Name}: energy per pulse");
        e.XLabel("pulse number");
        e.YLabel("energy (pJ)");
        e.ShowLegend(Alignment.UpperRight);
        e.SavePng(Path.Combine(outDir, EnergyFile), 800, 500);
    }
}
