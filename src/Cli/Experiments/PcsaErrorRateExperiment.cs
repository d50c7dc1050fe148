using CircuitNeuro.Circuits.Builders.Pcsa;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>Which read rule the HfO2 RESET law (c_ref, R_c) is fitted through (HfO2TernaryCalibration).</summary>
public enum PcsaCalibration
{
    /// <summary>Each read rule with a device fitted through it: the behavioural rule with the 50 kΩ fit, the transistor PCSA
    /// (every corner) with the fit through its typical-corner read, the seed's experimental condition.</summary>
    Consistent,
    /// <summary>Every read with the 50 kΩ behavioural fit (the model defaults).</summary>
    Behavioural,
    /// <summary>Every read with the fit through the typical-corner transistor read.</summary>
    Transistor,
}

/// <summary>
/// `pcsa errors`: seed 000 Table 4.2 through the transistor-level read. 2T2R pairs are programmed to +1, −1 and 0 by the
/// HfO2 filament model with the Fig. 4.7 conditions (100 µs and 1 µs pulses; model and device spread as in Devices/README
/// and tests/…/HfO2TernaryErrorRateTests: V_set spread 10 %), then read by (a) the behavioural rule with its 50 kΩ frontier
/// and (b) the transistor-level PCSA at each corner, tabulated as its zero frontier (PcsaTransistorReadRule). The RESET law is
/// calibrated per <see cref="PcsaCalibration"/>; the two Table 4.2 rates are fitted at the calibration's read, every other
/// number (other corners, Types 1 and 2) is a prediction. Same streams ⇒ the same device draws in every row. No checkpoint:
/// one run is a few minutes at the default sizes.
/// </summary>
public static class PcsaErrorRateExperiment
{
    private const double CompliantLrs = 3e3; // V_set/I_cc of the Fig. 4.7 SET (0.6 V / 200 µA), the RESET start

    public static IReadOnlyList<string> Run(PcsaSetup setup, PcsaCalibration calibration, int zeroPairs, int signedPairs, TextWriter progress)
    {
        var behavioural = new BehaviouralPcsaReadRule();
        var corners = PcsaCorner.Seed.Select(corner => (corner, rule: new PcsaTransistorReadRule(corner.Apply(setup.Design), setup.Decide))).ToList();
        progress.WriteLine("pcsa errors: read tables done");
        var behaviouralFit = HfO2TernaryCalibration.Fit(behavioural, new HfO2FilamentParameters(), CompliantLrs);
        var transistorFit = HfO2TernaryCalibration.Fit(corners.Single(c => c.corner.Name == "typical").rule, new HfO2FilamentParameters(), CompliantLrs);
        HfO2Calibration DeviceFor(bool transistorRead) => calibration switch
        {
            PcsaCalibration.Behavioural => behaviouralFit,
            PcsaCalibration.Transistor => transistorFit,
            _ => transistorRead ? transistorFit : behaviouralFit,
        };
        var rows = new List<(string Read, string Fit, HfO2Calibration Device, IPcsaReadRule Rule)> { ("behavioural R_f = 50 kΩ", Label(DeviceFor(false)), DeviceFor(false), behavioural) };
        foreach (var (corner, rule) in corners)
            rows.Add(($"PCSA {corner.Name} ({corner.SupplyVoltage:F1} V, {corner.TemperatureCelsius:F0} °C), a*(350k) = {rule.ZeroFrontier(350e3) / 1e3:F1} kΩ",
                Label(DeviceFor(true)), DeviceFor(true), rule));
        string Label(HfO2Calibration fit) => fit == transistorFit ? "transistor (typical)" : "behavioural (50 kΩ)";

        var lines = new List<string>
        {
            $"pcsa errors: seed 000 Table 4.2 with {zeroPairs} zero pairs and {signedPairs} pairs of each of ±1, HfO2 model, {setup.EngineLabel}",
            $"  calibration {calibration.ToString().ToLowerInvariant()}: the Type 3 rates are fitted through the named read at 1.2 V/27 °C, other rows are predictions",
            $"  fit through behavioural 50 kΩ: R_c = {behaviouralFit.Parameters.ResetLogScale / 1e3:F3} kΩ, c_ref = {behaviouralFit.Parameters.ResetRate:G4} Ω/s, HRS medians {behaviouralFit.LongMedian / 1e3:F1} / {behaviouralFit.ShortMedian / 1e3:F1} kΩ",
            $"  fit through typical PCSA:      R_c = {transistorFit.Parameters.ResetLogScale / 1e3:F3} kΩ, c_ref = {transistorFit.Parameters.ResetRate:G4} Ω/s, HRS medians {transistorFit.LongMedian / 1e3:F1} / {transistorFit.ShortMedian / 1e3:F1} kΩ",
            "  (seed: Type 1 < 1e-6, Type 2 < 1 %, Type 3 = 6.5 % (100 µs) and 18.5 % (1 µs))",
        };
        using var csv = new StreamWriter(setup.OutFile("errors.csv"));
        csv.WriteLine($"# settings: {setup.Fingerprint($"calibration={calibration} zero={zeroPairs} signed={signedPairs}")}");
        csv.WriteLine("pulse_s,read,calibration,r_c,c_ref,type1,type2,type3,nonzero_pairs,zero_pairs");
        foreach (double width in new[] { 100e-6, 1e-6 })
            foreach (var (read, fit, device, rule) in rows)
            {
                var experiment = new TernaryWeightErrorExperiment
                {
                    DeviceParameters = new DeviceSampler<HfO2FilamentParameters>(device.Parameters)
                        .Vary("vset", new NormalDistribution(1, 0.1, 0.5, 1.5), (p, f) => p with { SetVoltage = p.SetVoltage * f }),
                    ReadRule = rule,
                };
                string population = width > 10e-6 ? "fig47a" : "fig47b";
                var c = experiment.Run(new RandomStreams(setup.Seed), population, zeroPairs, signedPairs, TernaryProgrammingConditions.Fig47(width));
                csv.WriteLine($"{PcsaRowLog.F(width)},\"{read}\",{fit},{PcsaRowLog.F(device.Parameters.ResetLogScale)},{PcsaRowLog.F(device.Parameters.ResetRate)},{c.Type1},{c.Type2},{c.Type3},{c.NonZeroPairs},{c.ZeroPairs}");
                lines.Add($"  {width * 1e6,5:G3} µs, {read,-52} device fit {fit,-20}: Type 1 {c.Type1Rate:P3}, Type 2 {c.Type2Rate:P2}, Type 3 {c.Type3Rate:P2}");
                progress.WriteLine($"pcsa errors: {width * 1e6:G3} µs, {read} done");
            }
        lines.Add($"Results: {Path.GetFullPath(setup.OutDir)} (errors.csv)");
        return lines;
    }
}
