using CircuitNeuro.Circuits.Builders.Pcsa;
using CircuitNeuro.EventKernel.Random;
using ScottPlot;
using static CircuitNeuro.Cli.Experiments.PcsaRowLog;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>`pcsa delay` (resolution time against R_BL and R_BLb, seed 000 Figs. 4.3/4.4) and `pcsa supply` (delay against V_DD, S L1511).</summary>
public static class PcsaDelayExperiments
{
    public static IReadOnlyList<string> Delay(PcsaSetup setup, double[] bitLine, double[] bitLineBar, double maxDelay, TextWriter progress)
    {
        using var log = new PcsaRowLog(setup.OutFile("delay.csv"),
            setup.Fingerprint($"r_bl={string.Join(":", bitLine.Select(F))} r_blb={string.Join(":", bitLineBar.Select(F))} max={F(maxDelay)}"),
            "r_bl_ohm,r_blb_ohm,t_res_s,weight_at_window", 2);
        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var lines = new List<string> { $"pcsa delay: {setup.Design.SupplyVoltage:G3} V, {setup.Design.TemperatureCelsius:G3} °C, {setup.EngineLabel}; resolution time (ns, '>' = not resolved within {maxDelay * 1e9:G4} ns)" };
        for (int j = 0; j < bitLineBar.Length; j++)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            var text = new List<string>();
            foreach (double rbl in bitLine)
            {
                var row = log.GetOrAdd([F(rbl), F(bitLineBar[j])], () =>
                {
                    var d = setup.Design with { BitLineResistance = rbl, BitLineBarResistance = bitLineBar[j] };
                    var r = setup.Read(d, PcsaRun.Delay(d, maxDelay));
                    return [F(r.ResolutionTime), r.Weight.ToString()];
                });
                double t = D(row[2]);
                text.Add(double.IsNaN(t) ? $">{maxDelay * 1e9:G4}" : $"{t * 1e9:F1}");
                if (!double.IsNaN(t)) { xs.Add(Math.Log10(rbl / 1e3)); ys.Add(Math.Log10(t * 1e9)); }
            }
            lines.Add($"  R_BLb = {bitLineBar[j] / 1e3:G4} kΩ: " + string.Join("  ", bitLine.Select((r, i) => $"{r / 1e3:G4}k:{text[i]}")));
            var s = plt.Add.Scatter(xs.ToArray(), ys.ToArray());
            s.Color = palette.GetColor(j);
            s.LegendText = $"R_BLb = {bitLineBar[j] / 1e3:G4} kΩ";
            progress.WriteLine($"pcsa delay: R_BLb = {bitLineBar[j] / 1e3:G4} kΩ done");
        }
        var window = plt.Add.HorizontalLine(Math.Log10(setup.Design.SenseWindow * 1e9));
        window.LinePattern = LinePattern.Dashed;
        window.LegendText = $"{setup.Design.SenseWindow * 1e9:G3} ns window";
        LogTicks(plt.Axes.Bottom, -1, 4);
        LogTicks(plt.Axes.Left, -1, 5);
        plt.XLabel("R_BL (kΩ, log scale)");
        plt.YLabel("resolution time (ns, log scale)");
        plt.Title($"PCSA resolution time, {setup.Design.SupplyVoltage:G3} V, {setup.Design.TemperatureCelsius:G3} °C ({setup.EngineLabel})");
        plt.ShowLegend(Alignment.UpperLeft);
        plt.SavePng(setup.OutFile("delay.png"), 800, 550);
        lines.Add($"Results: {Path.GetFullPath(setup.OutDir)} (delay.csv, delay.png)");
        return lines;
    }

    private static void LogTicks(IAxis axis, int from, int to)
    {
        var positions = Enumerable.Range(from, to - from + 1).Select(e => (double)e).ToArray();
        axis.SetTicks(positions, positions.Select(e => Math.Pow(10, e).ToString("G4", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>Mean resolution time over Monte Carlo samples at each supply; the seed's ±0.1 V at 0.7 V ratios.</summary>
    public static IReadOnlyList<string> Supply(PcsaSetup setup, double[] supplies, PcsaMismatch mismatch, int samples, double maxDelay, TextWriter progress)
    {
        using var log = new PcsaRowLog(setup.OutFile("supply.csv"),
            setup.Fingerprint($"supplies={string.Join(":", supplies.Select(F))} samples={samples} avt={F(mismatch.Avt)} global={F(mismatch.GlobalSigma)} max={F(maxDelay)}"),
            "vdd_v,sample,t_res_s,energy_j", 2);
        var streams = new RandomStreams(setup.Seed);
        var shifts = Enumerable.Range(0, samples).Select(k => mismatch.Sample(setup.Design, streams.Get($"pcsa/mc/{k}"))).ToArray();
        var mean = new Dictionary<double, double>();
        var lines = new List<string> { $"pcsa supply: R_BL = {setup.Design.BitLineResistance / 1e3:G4} kΩ, R_BLb = {setup.Design.BitLineBarResistance / 1e3:G4} kΩ, {setup.Design.TemperatureCelsius:G3} °C, {samples} MC samples, {setup.EngineLabel}" };
        foreach (double v in supplies)
        {
            var times = new List<double>();
            for (int k = 0; k < samples; k++)
            {
                var row = log.GetOrAdd([F(v), k.ToString()], () =>
                {
                    var d = setup.Design with { SupplyVoltage = v, ThresholdShifts = shifts[k] };
                    var r = setup.Read(d, PcsaRun.Delay(d, maxDelay));
                    return [F(r.ResolutionTime), F(r.SupplyEnergy)];
                });
                times.Add(D(row[2]));
            }
            mean[v] = times.Any(double.IsNaN) ? double.NaN : times.Average();
            lines.Add($"  {v:F2} V: mean resolution time {mean[v] * 1e9:F1} ns (min {times.Min() * 1e9:F1}, max {times.Max() * 1e9:F1})");
            progress.WriteLine($"pcsa supply: {v:F2} V done");
        }
        if (mean.TryGetValue(0.6, out var t6) && mean.TryGetValue(0.7, out var t7) && mean.TryGetValue(0.8, out var t8))
            lines.Add($"  ±0.1 V around 0.7 V: t(0.6)/t(0.7) = {t6 / t7:F2}, t(0.7)/t(0.8) = {t7 / t8:F2} (seed S L1511: about 2)");
        if (mean.TryGetValue(1.1, out var t11) && mean.TryGetValue(1.2, out var t12) && mean.TryGetValue(1.3, out var t13))
            lines.Add($"  ±0.1 V around 1.2 V: t(1.1)/t(1.2) = {t11 / t12:F2}, t(1.2)/t(1.3) = {t12 / t13:F2}");
        lines.Add($"Results: {Path.GetFullPath(setup.OutDir)} (supply.csv)");
        return lines;
    }
}
