using CircuitNeuro.Learning.Ternary;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.Cli.Experiments;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Cli.Tests.Support;
using Xunit.Abstractions;

namespace CircuitNeuro.Cli.Tests;

/// <summary>A small ternary Digits network trained once and shared (64-32-10, 30 epochs).</summary>
public sealed class TrainedTernaryNetwork
{
    public Dataset Test { get; }
    public TernaryMlp Net { get; }
    public TernaryWeights Ideal { get; }

    public TrainedTernaryNetwork()
    {
        var (train, test) = DigitsDataset.Load(RepoPaths.Data("digits.csv.gz")).SplitEvery(5);
        Test = test;
        Net = TernaryMlp.Train(train, 32, 30, 0.1, new RandomStreams(3).Get("train"));
        Ideal = Net.Ternarize();
    }
}

/// <summary>
/// Network-level effect of Table 4.2 (seed 000 S L1571: accuracy "degraded from 92.2 % to 92.05 ± 0.14 %" / "92.02 ± 0.17 %").
/// Weights are stored in 2T2R pairs programmed by the HfO2 model and read by the behavioural rule it was calibrated through
/// (the same Table 4.2 rates as the transistor chain of `pcsa network`, at a fraction of the cost). Checked: the ternary
/// network learns (≥ 90 %); the pairs really misread zeros at the Table 4.2 rates; the drop with those rates stays within
/// 4 points (a 64-input network; the README gives the measured drop, larger than CIFAR-10's 0.15 points); and the same
/// injection at 10× the 100 µs Type 3 rate costs clearly more than the Table 4.2 rate.
/// </summary>
public class PcsaNetworkTests(TrainedTernaryNetwork trained, ITestOutputHelper output) : IClassFixture<TrainedTernaryNetwork>
{
    [Fact]
    public void Table_4_2_errors_cost_little_and_ten_times_the_rate_costs_clearly_more()
    {
        double ideal = trained.Net.Accuracy(trained.Test, trained.Ideal);
        Assert.True(ideal >= 0.90, $"ideal ternary accuracy {ideal:P2}");
        int zeros = trained.Ideal.Hidden.Concat(trained.Ideal.Output).Sum(r => r.Count(w => w == 0));
        Assert.InRange(zeros, trained.Ideal.Count / 5, trained.Ideal.Count * 4 / 5);

        var chain = new TernaryWeightErrorExperiment
        {
            DeviceParameters = new DeviceSampler<HfO2FilamentParameters>(new())
                .Vary("vset", new NormalDistribution(1, 0.1, 0.5, 1.5), (p, f) => p with { SetVoltage = p.SetVoltage * f }),
        };
        var streams = new RandomStreams(11);
        double pairs = 0, flips = 0, type3 = 0;
        const int Trials = 4;
        for (int k = 0; k < Trials; k++)
        {
            var (read, errors) = PcsaNetworkExperiment.ReadThroughPairs(trained.Ideal, chain, streams, $"net/{k}", TernaryProgrammingConditions.Fig47(100e-6));
            pairs += trained.Net.Accuracy(trained.Test, read) / Trials;
            type3 += (double)errors.Type3 / zeros / Trials;
            Assert.Equal(0, errors.Type1);
            var (flipped, _) = PcsaNetworkExperiment.ReadWithRates(trained.Ideal, 0, 0, 0.65, streams.Get("flips", k));
            flips += trained.Net.Accuracy(trained.Test, flipped) / Trials;
        }
        output.WriteLine($"ideal {ideal:P2}, 100 µs pairs {pairs:P2} (zeros misread {type3:P2}), 10× Type 3 {flips:P2}");
        Assert.InRange(type3, 0.065 - 0.02, 0.065 + 0.02);
        Assert.True(ideal - pairs < 0.04, $"drop with Table 4.2 errors {ideal - pairs:P2}");
        Assert.True(ideal - flips > 3 * Math.Max(ideal - pairs, 0.01), $"10× drop {ideal - flips:P2} vs {ideal - pairs:P2}");
    }

    [Fact]
    public void Bernoulli_reads_hit_their_rates()
    {
        var (_, e) = PcsaNetworkExperiment.ReadWithRates(trained.Ideal, 0.1, 0.2, 0.3, new RandomStream(5));
        int zeros = trained.Ideal.Hidden.Concat(trained.Ideal.Output).Sum(r => r.Count(w => w == 0)), nonzero = trained.Ideal.Count - zeros;
        Assert.InRange((double)e.Type3 / zeros, 0.27, 0.33);
        Assert.InRange((double)e.Type1 / nonzero, 0.07, 0.13);
        Assert.InRange((double)e.Type2 / nonzero, 0.17, 0.23);
    }
}
