using CircuitNeuro.Circuits.Builders.Pcsa;
using static CircuitNeuro.Cli.Experiments.PcsaRowLog;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// `pcsa map`: the read at t_SEN + window over a log grid of (R_BL, R_BLb) (seed 000 Figs. 4.5/4.6) → map.csv, map.png,
/// and the seed's rules checked on the grid: one device below 10 kΩ reads ±1, both above 100 kΩ read 0 (S L1484).
/// </summary>
public static class PcsaMapExperiment
{
    public static IReadOnlyList<string> Run(PcsaSetup setup, double low, double high, int points, TextWriter progress)
    {
        var grid = PcsaSearch.LogGrid(low, high, points);
        string csv = setup.OutFile("map.csv");
        using var log = new PcsaRowLog(csv, setup.Fingerprint($"grid={F(low)}:{F(high)}:{points}"),
            "r_bl_ohm,r_blb_ohm,weight,v_q_minus_v_qb_v,t_res_s", keyColumns: 2);
        if (log.Resumed > 0) progress.WriteLine($"pcsa map: resuming, {log.Resumed} of {points * points} reads already in {csv}");
        var cells = new List<PcsaMapCell>();
        int plusViolations = 0, zeroViolations = 0;
        foreach (double rbl in grid)
            foreach (double rblb in grid)
            {
                var row = log.GetOrAdd([F(rbl), F(rblb)], () =>
                {
                    var r = setup.Decide(setup.Design with { BitLineResistance = rbl, BitLineBarResistance = rblb });
                    return [r.Weight.ToString(), F(r.OutputDifference), F(r.ResolutionTime)];
                });
                int w = int.Parse(row[2]);
                cells.Add(new PcsaMapCell(rbl, rblb, w == 1 ? 1 : 0, w == -1 ? 1 : 0));
                if (Math.Min(rbl, rblb) < 10e3 && rbl != rblb && w == 0) plusViolations++;
                if (Math.Min(rbl, rblb) > 100e3 && w != 0) zeroViolations++;
            }
        var d = setup.Design;
        string title = $"PCSA read at {d.SenseWindow * 1e9:G3} ns, {d.SupplyVoltage:G3} V, {d.TemperatureCelsius:G3} °C ({setup.EngineLabel})";
        PcsaMapPlot.Write(setup.OutFile("map.png"), title, cells);
        return
        [
            $"pcsa map: {points}×{points} grid {low / 1e3:G3} kΩ – {high / 1e3:G4} kΩ, {title}",
            $"  reads +1: {cells.Count(c => c.PlusShare == 1)}, −1: {cells.Count(c => c.MinusShare == 1)}, 0: {cells.Count(c => c.ZeroShare == 1)}",
            $"  seed rule 'one device < 10 kΩ ⇒ ±1' violated at {plusViolations} grid points; 'both > 100 kΩ ⇒ 0' violated at {zeroViolations}",
            $"  frontier along R_BLb = {grid[^1] / 1e3:G4} kΩ: largest R_BL reading +1 = {Largest(cells, grid[^1]) / 1e3:G4} kΩ",
            $"Results: {Path.GetFullPath(setup.OutDir)} (map.csv, map.png)",
        ];
    }

    private static double Largest(List<PcsaMapCell> cells, double rblb) =>
        cells.Where(c => c.BitLineBar == rblb && c.PlusShare == 1).Select(c => c.BitLine).DefaultIfEmpty(double.NaN).Max();
}
