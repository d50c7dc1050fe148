using CircuitNeuro.Circuits.Builders.Pcsa;
using static CircuitNeuro.Cli.Experiments.PcsaRowLog;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// `pcsa compare`: the same PCSA netlist on our engine with the EKV cards and on ngspice with the BSIM4 cards — resolution
/// times of the seed's pairs at 1.2 V and the decision frontier (R_BLb = 350 kΩ) at the three corners.
/// </summary>
public static class PcsaCompareExperiment
{
    private static readonly (double Bl, double Blb)[] Pairs = [(5e3, 350e3), (30e3, 100e3), (70e3, 100e3), (50e3, 350e3), (100e3, 1e6), (320e3, 350e3)];

    public static IReadOnlyList<string> Run(PcsaSetup ekv, PcsaSetup bsim4, double maxDelay, TextWriter progress)
    {
        using var log = new PcsaRowLog(ekv.OutFile("compare.csv"), ekv.Fingerprint($"bsim4={Path.GetFileName(bsim4.Design.ModelFile)} max={F(maxDelay)}"),
            "quantity,case,ekv_ours,bsim4_ngspice", 2);
        var lines = new List<string> { "pcsa compare: our engine (EKV cards) vs ngspice (BSIM4 cards), same netlist" };
        foreach (var (bl, blb) in Pairs)
        {
            string name = $"{bl / 1e3:G4}k/{blb / 1e3:G4}k";
            var row = log.GetOrAdd(["t_res_s", name], () =>
            {
                var d = ekv.Design with { BitLineResistance = bl, BitLineBarResistance = blb };
                return [F(ekv.Read(d, PcsaRun.Delay(d, maxDelay)).ResolutionTime),
                        F(bsim4.Read(d with { ModelFile = bsim4.Design.ModelFile }, PcsaRun.Delay(d, maxDelay)).ResolutionTime)];
            });
            lines.Add(Line($"t_res {name} at 1.2 V", D(row[2]) * 1e9, D(row[3]) * 1e9, "ns"));
            progress.WriteLine($"pcsa compare: {name} done");
        }
        foreach (var corner in PcsaCorner.Seed)
        {
            var row = log.GetOrAdd(["frontier_ohm", corner.Name], () =>
            [
                F(PcsaSearch.Frontier(corner.Apply(ekv.Design), 350e3, ekv.Decide, 3e3, 400e3, iterations: 8)),
                F(PcsaSearch.Frontier(corner.Apply(bsim4.Design), 350e3, bsim4.Decide, 3e3, 400e3, iterations: 8)),
            ]);
            lines.Add(Line($"frontier {corner.Name} ({corner.SupplyVoltage:F1} V, {corner.TemperatureCelsius:F0} °C)", D(row[2]) / 1e3, D(row[3]) / 1e3, "kΩ"));
            progress.WriteLine($"pcsa compare: frontier {corner.Name} done");
        }
        lines.Add($"Results: {Path.GetFullPath(ekv.OutDir)} (compare.csv)");
        return lines;
    }

    private static string Line(string what, double ours, double reference, string unit) =>
        $"  {what,-34} EKV {ours,8:F1} {unit}   BSIM4 {reference,8:F1} {unit}   EKV/BSIM4 {ours / reference:F3}";
}
