using CircuitNeuro.Circuits.Builders.Pcsa;
using static CircuitNeuro.Cli.Experiments.PcsaRowLog;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// `pcsa energy`: energy drawn from V_DD, ∫ V_DD·I_DD dt over one read cycle (sense for the window, then SEN low and
/// precharge again, so the outputs are restored as for the next read), for the four programmings at the three corners.
/// The seed gives no read energy (notes 000 §1.13): these are model outputs.
/// </summary>
public static class PcsaEnergyExperiment
{
    private static readonly (string Name, double Bl, double Blb)[] Configurations =
    [
        ("LRS/HRS (+1)", 5e3, 350e3), ("HRS/LRS (-1)", 350e3, 5e3), ("HRS/HRS (0)", 320e3, 350e3), ("LRS/LRS (avoided)", 5e3, 5e3),
    ];

    public static IReadOnlyList<string> Run(PcsaSetup setup, TextWriter progress)
    {
        using var log = new PcsaRowLog(setup.OutFile("energy.csv"), setup.Fingerprint("cycle"),
            "corner,configuration,r_bl_ohm,r_blb_ohm,weight,energy_j", 2);
        var lines = new List<string> { $"pcsa energy per read cycle ({setup.Design.SenseWindow * 1e9:G3} ns sense + {setup.Design.PrechargeTime * 1e9:G3} ns precharge), fJ, {setup.EngineLabel}" };
        foreach (var corner in PcsaCorner.Seed)
        {
            var parts = new List<string>();
            foreach (var (name, bl, blb) in Configurations)
            {
                var row = log.GetOrAdd([corner.Name, name], () =>
                {
                    var d = corner.Apply(setup.Design) with { BitLineResistance = bl, BitLineBarResistance = blb };
                    var r = setup.Read(d, PcsaRun.Cycle(d));
                    return [F(bl), F(blb), r.Weight.ToString(), F(r.SupplyEnergy)];
                });
                parts.Add($"{name}: {D(row[5]) * 1e15:F1}");
            }
            lines.Add($"  {corner.Name,-8} {corner.SupplyVoltage:F1} V {corner.TemperatureCelsius,3:F0} °C: {string.Join(", ", parts)}");
            progress.WriteLine($"pcsa energy: {corner.Name} done");
        }
        lines.Add($"Results: {Path.GetFullPath(setup.OutDir)} (energy.csv)");
        return lines;
    }
}
