using CircuitNeuro.Circuits.Builders.Pcsa;
using CircuitNeuro.EventKernel.Random;
using static CircuitNeuro.Cli.Experiments.PcsaRowLog;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// `pcsa corners`: seed 000 Fig. 4.6 (S L1499–1511). At 1.1 V/0 °C, 1.2 V/27 °C and 1.3 V/60 °C, for each Monte Carlo
/// sample (Pelgrom mismatch on every transistor plus a global shift per type; sample k uses stream "pcsa/mc/k" at every
/// corner, i.e. the same die at three conditions): the decision frontier (R_BL where the read turns from +1 to 0 with
/// R_BLb = 350 kΩ) and the read over a coarse log grid. → corners.csv, corner-maps.csv, corner-&lt;name&gt;.png.
/// </summary>
public static class PcsaCornersExperiment
{
    public static IReadOnlyList<string> Run(PcsaSetup setup, PcsaMismatch mismatch, int samples, int points, TextWriter progress)
    {
        var grid = PcsaSearch.LogGrid(1e3, 1e6, points);
        string settings = setup.Fingerprint($"samples={samples} grid={points} avt={F(mismatch.Avt)} global={F(mismatch.GlobalSigma)}");
        using var frontiers = new PcsaRowLog(setup.OutFile("corners.csv"), settings, "corner,sample,frontier_ohm", 2);
        using var reads = new PcsaRowLog(setup.OutFile("corner-reads.csv"), settings, "corner,sample,r_bl_ohm,r_blb_ohm,weight", 4);
        var streams = new RandomStreams(setup.Seed);
        var shifts = Enumerable.Range(0, samples).Select(k => mismatch.Sample(setup.Design, streams.Get($"pcsa/mc/{k}"))).ToArray();
        var lines = new List<string> { $"pcsa corners: {samples} Monte Carlo samples (A_VT = {mismatch.Avt * 1e9:G3} mV·µm, global σ = {mismatch.GlobalSigma * 1e3:G3} mV), {points}×{points} grid 1 kΩ – 1 MΩ, {setup.EngineLabel}" };
        using var maps = new StreamWriter(setup.OutFile("corner-maps.csv"));
        maps.WriteLine("corner,r_bl_ohm,r_blb_ohm,share_plus,share_minus,share_zero");
        foreach (var corner in PcsaCorner.Seed)
        {
            var f = new List<double>();
            var counts = new Dictionary<(double, double), (int Plus, int Minus)>();
            int plusViolations = 0, zeroViolations = 0;
            for (int k = 0; k < samples; k++)
            {
                var design = corner.Apply(setup.Design) with { ThresholdShifts = shifts[k] };
                string sample = k.ToString();
                f.Add(D(frontiers.GetOrAdd([corner.Name, sample], () => [F(PcsaSearch.Frontier(design, 350e3, setup.Decide, 3e3, 400e3, iterations: 8))])[2]));
                foreach (double rbl in grid)
                    foreach (double rblb in grid)
                    {
                        int w = int.Parse(reads.GetOrAdd([corner.Name, sample, F(rbl), F(rblb)], () =>
                            [setup.Decide(design with { BitLineResistance = rbl, BitLineBarResistance = rblb }).Weight.ToString()])[4]);
                        var c = counts.GetValueOrDefault((rbl, rblb));
                        counts[(rbl, rblb)] = (c.Plus + (w == 1 ? 1 : 0), c.Minus + (w == -1 ? 1 : 0));
                        if (Math.Min(rbl, rblb) < 10e3 && rbl != rblb && w == 0) plusViolations++;
                        if (Math.Min(rbl, rblb) > 100e3 && w != 0) zeroViolations++;
                    }
                progress.WriteLine($"pcsa corners: {corner.Name} sample {k + 1}/{samples}: frontier {f[^1] / 1e3:F1} kΩ");
            }
            var cells = counts.Select(kv => new PcsaMapCell(kv.Key.Item1, kv.Key.Item2, (double)kv.Value.Plus / samples, (double)kv.Value.Minus / samples)).ToList();
            foreach (var c in cells) maps.WriteLine($"{corner.Name},{F(c.BitLine)},{F(c.BitLineBar)},{F(c.PlusShare)},{F(c.MinusShare)},{F(c.ZeroShare)}");
            PcsaMapPlot.Write(setup.OutFile($"corner-{corner.Name}.png"),
                $"{corner.Name}: {corner.SupplyVoltage:G3} V, {corner.TemperatureCelsius:G3} °C, {samples} MC samples ({setup.EngineLabel})", cells);
            double mean = f.Average(), std = Math.Sqrt(f.Select(x => (x - mean) * (x - mean)).Sum() / Math.Max(1, f.Count - 1));
            lines.Add($"  {corner.Name,-8} {corner.SupplyVoltage:F1} V {corner.TemperatureCelsius,3:F0} °C: frontier (R_BLb = 350 kΩ) mean {mean / 1e3:F1} kΩ, σ {std / 1e3:F2} kΩ, " +
                      $"range {f.Min() / 1e3:F1}–{f.Max() / 1e3:F1} kΩ; grid reads violating 'one < 10 kΩ ⇒ ±1': {plusViolations}, 'both > 100 kΩ ⇒ 0': {zeroViolations}");
        }
        lines.Add($"Results: {Path.GetFullPath(setup.OutDir)} (corners.csv, corner-reads.csv, corner-maps.csv, corner-*.png)");
        return lines;
    }
}
