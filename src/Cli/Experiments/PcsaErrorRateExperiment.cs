using CircuitNeuro.Circuits.Builders.Pcsa;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// `pcsa errors`: seed 000 Table 4.2 through the transistor-level read. 2T2R pairs are programmed to +1, −1 and 0 by the
/// HfO2 filament model with the Fig. 4.7 conditions (100 µs and 1 µs pulses; model, calibration and device spread as in
/// Devices/README and tests/…/HfO2TernaryErrorRateTests: V_set spread 10 %), then read by (a) the behavioural rule with its
/// 50 kΩ frontier and (b) the transistor-level PCSA at each corner. Same streams ⇒ the same programmed resistances in
/// every read. No checkpoint: one run is a few minutes at the default sizes.
/// </summary>
public static class PcsaErrorRateExperiment
{
    public static IReadOnlyList<string> Run(PcsaSetup setup, int zeroPairs, int signedPairs, TextWriter progress)
    {
        var rules = new List<(string Name, IPcsaReadRule Rule)> { ("behavioural R_f = 50 kΩ", new BehaviouralPcsaReadRule()) };
        foreach (var corner in PcsaCorner.Seed)
            rules.Add(($"transistor PCSA {corner.Name} ({corner.SupplyVoltage:F1} V, {corner.TemperatureCelsius:F0} °C)",
                new PcsaTransistorReadRule(corner.Apply(setup.Design), setup.Decide)));
        progress.WriteLine("pcsa errors: read tables done");
        var lines = new List<string>
        {
            $"pcsa errors: seed 000 Table 4.2 with {zeroPairs} zero pairs and {signedPairs} pairs of each of ±1, HfO2 model, {setup.EngineLabel}",
            "  (seed: Type 1 < 1e-6, Type 2 < 1 %, Type 3 = 6.5 % (100 µs) and 18.5 % (1 µs))",
        };
        using var csv = new StreamWriter(setup.OutFile("errors.csv"));
        csv.WriteLine("pulse_s,read,type1,type2,type3,nonzero_pairs,zero_pairs");
        foreach (double width in new[] { 100e-6, 1e-6 })
            foreach (var (name, rule) in rules)
            {
                var experiment = new TernaryWeightErrorExperiment
                {
                    DeviceParameters = new DeviceSampler<HfO2FilamentParameters>(new())
                        .Vary("vset", new NormalDistribution(1, 0.1, 0.5, 1.5), (p, f) => p with { SetVoltage = p.SetVoltage * f }),
                    ReadRule = rule,
                };
                string population = width > 10e-6 ? "fig47a" : "fig47b";
                var c = experiment.Run(new RandomStreams(setup.Seed), population, zeroPairs, signedPairs, TernaryProgrammingConditions.Fig47(width));
                csv.WriteLine($"{PcsaRowLog.F(width)},{name},{c.Type1},{c.Type2},{c.Type3},{c.NonZeroPairs},{c.ZeroPairs}");
                lines.Add($"  {width * 1e6,5:G3} µs, {name,-40}: Type 1 {c.Type1Rate:P3}, Type 2 {c.Type2Rate:P2}, Type 3 {c.Type3Rate:P2}");
                progress.WriteLine($"pcsa errors: {width * 1e6:G3} µs, {name} done");
            }
        lines.Add($"Results: {Path.GetFullPath(setup.OutDir)} (errors.csv)");
        return lines;
    }
}
