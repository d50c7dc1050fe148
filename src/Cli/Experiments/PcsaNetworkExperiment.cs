using CircuitNeuro.Learning.Ternary;
using CircuitNeuro.Circuits.Builders.Pcsa;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>Weights whose read differs from the stored value, by Table 4.2 type.</summary>
public sealed record WeightReadErrors(int Type1, int Type2, int Type3);

/// <summary>
/// `pcsa network`: the network-level effect of Table 4.2 (seed 000 S L1526–1530: "92.2 %" falling to 92.05 / 92.02 % with
/// the 100 µs / 1 µs error rates). A ternary network (<see cref="TernaryMlp"/>) is trained on Digits; each of its
/// weights is then stored in its own 2T2R pair, programmed by the calibrated HfO2 model with the Fig. 4.7 conditions and
/// read by the typical-corner transistor PCSA (the consistent calibration of `pcsa errors`), and the test accuracy is
/// compared with ideal reads. A control injects 10× the seed's Type 3 rate as independent flips, to show that the injected
/// errors reach the accuracy. No checkpoint: the run takes about a minute.
/// </summary>
public static class PcsaNetworkExperiment
{
    public static (TernaryWeights Read, WeightReadErrors Errors) ReadThroughPairs(TernaryWeights weights, TernaryWeightErrorExperiment chain,
        RandomStreams streams, string population, TernaryProgrammingConditions conditions) =>
        Count(weights, (k, w) => chain.ProgramAndRead(streams, population, k, w, conditions));

    /// <summary>Independent flips: 0 → ±1 (either sign) with <paramref name="type3"/>, ±1 → 0 with <paramref name="type2"/>, ±1 → ∓1 with <paramref name="type1"/>.</summary>
    public static (TernaryWeights Read, WeightReadErrors Errors) ReadWithRates(TernaryWeights weights, double type1, double type2, double type3, RandomStream rng) =>
        Count(weights, (_, w) =>
        {
            double u = rng.NextDouble();
            if (w == 0) return u < type3 ? (rng.NextDouble() < 0.5 ? 1 : -1) : 0;
            return u < type1 ? -w : u < type1 + type2 ? 0 : w;
        });

    private static (TernaryWeights, WeightReadErrors) Count(TernaryWeights weights, Func<int, int, int> read)
    {
        int t1 = 0, t2 = 0, t3 = 0;
        var result = weights.ReadThrough((k, w) =>
        {
            int r = read(k, w);
            if (w == 0) { if (r != 0) t3++; }
            else if (r == 0) t2++;
            else if (r != w) t1++;
            return r;
        });
        return (result, new WeightReadErrors(t1, t2, t3));
    }

    public static IReadOnlyList<string> Run(PcsaSetup setup, string dataFile, int hidden, int epochs, int trials, TextWriter progress)
    {
        var (train, test) = DigitsDataset.Load(dataFile).SplitEvery(5);
        var streams = new RandomStreams(setup.Seed);
        var net = TernaryMlp.Train(train, hidden, epochs, 0.1, streams.Get("pcsa/network/train"));
        var ideal = net.Ternarize();
        int zeros = ideal.Hidden.Concat(ideal.Output).Sum(r => r.Count(w => w == 0));
        double idealAccuracy = net.Accuracy(test, ideal);
        progress.WriteLine($"pcsa network: trained, ideal test accuracy {idealAccuracy:P2}");

        var rule = new PcsaTransistorReadRule(PcsaCorner.Seed.Single(c => c.Name == "typical").Apply(setup.Design), setup.Decide);
        var device = HfO2TernaryCalibration.Fit(rule, new HfO2FilamentParameters(), 3e3).Parameters;
        var chain = new TernaryWeightErrorExperiment
        {
            DeviceParameters = new DeviceSampler<HfO2FilamentParameters>(device)
                .Vary("vset", new NormalDistribution(1, 0.1, 0.5, 1.5), (p, f) => p with { SetVoltage = p.SetVoltage * f }),
            ReadRule = rule,
        };
        var lines = new List<string>
        {
            $"pcsa network: Digits ({train.Count} train / {test.Count} test), 64-{hidden}-10 ternary network, {ideal.Count} weights ({zeros} zeros), {epochs} epochs, {setup.EngineLabel}",
            $"  weights read through 2T2R pairs: HfO2 fit through the typical PCSA, read by the typical PCSA; {trials} programmings each",
            $"  ideal reads: {idealAccuracy:P2} (seed, CIFAR-10 VGG: 92.2 % → 92.05 % at 100 µs, 92.02 % at 1 µs)",
        };
        using var csv = new StreamWriter(setup.OutFile("network.csv"));
        csv.WriteLine($"# settings: {setup.Fingerprint($"hidden={hidden} epochs={epochs} trials={trials}")}");
        csv.WriteLine("condition,trial,type1,type2,type3,accuracy,ideal_accuracy");
        var cases = new List<(string Name, Func<int, (TernaryWeights, WeightReadErrors)> Read)>
        {
            ("100 µs pairs", k => ReadThroughPairs(ideal, chain, streams, $"pcsa/network/fig47a/{k}", TernaryProgrammingConditions.Fig47(100e-6))),
            ("1 µs pairs", k => ReadThroughPairs(ideal, chain, streams, $"pcsa/network/fig47b/{k}", TernaryProgrammingConditions.Fig47(1e-6))),
            ("10x Type 3 (65 %) flips", k => ReadWithRates(ideal, 0, 0, 0.65, streams.Get("pcsa/network/flips", k))),
        };
        foreach (var (name, read) in cases)
        {
            var accuracies = new List<double>();
            var type3 = new List<double>();
            for (int k = 0; k < trials; k++)
            {
                var (weights, errors) = read(k);
                double accuracy = net.Accuracy(test, weights);
                accuracies.Add(accuracy);
                type3.Add((double)errors.Type3 / zeros);
                csv.WriteLine($"{name},{k},{errors.Type1},{errors.Type2},{errors.Type3},{PcsaRowLog.F(accuracy)},{PcsaRowLog.F(idealAccuracy)}");
            }
            lines.Add($"  {name,-24}: accuracy {accuracies.Average():P2} (min {accuracies.Min():P2}, max {accuracies.Max():P2}), " +
                      $"drop {(idealAccuracy - accuracies.Average()) * 100:F2} points; zeros read ±1 {type3.Average():P2}");
            progress.WriteLine($"pcsa network: {name} done");
        }
        lines.Add($"Results: {Path.GetFullPath(setup.OutDir)} (network.csv)");
        return lines;
    }
}
