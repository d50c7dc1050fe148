using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.ResistiveEp;
using Xunit.Abstractions;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>
/// Device variability in the EP loop on Digits (64(×2)-32-10(×2), fast path): zero variability reproduces the
/// ideal run bit for bit; realistic spreads and write noise cost little accuracy; every device stays in its own window.
/// </summary>
public class DeviceVariabilityTests(ITestOutputHelper output)
{
    internal const ulong Seed = 64;
    internal static readonly ResistiveEpSpec Spec = new()
    {
        Inputs = 64, Hidden = [32], Outputs = 10, InputScale = 4, UpperClampRail = -0.4, LowerClampRail = 0.4, BackwardCurrentGain = 0.25,
    };
    private static readonly EpTrainingOptions Options = new() { Beta = 1e-6, LearningRate = 4 };

    internal static (double Accuracy, LayeredEpTrainer Trainer, EpEpochReport Last) Train(EpVariability? variability, int epochs = 2, PulseProgramming? programming = null)
    {
        var (train, test) = RepositoryData.DigitsSplit(4);
        var streams = new RandomStreams(Seed);
        var layout = ResistiveEpCircuit.Build(Spec, streams.Get("weights"));
        var devices = variability is null ? null : EpDeviceArray.WithVariability(Spec, layout.Weights.Count, variability, streams);
        var trainer = new LayeredEpTrainer(Spec, Options, layout.Conductances(), devices: devices, programming: programming);
        var samples = Samples(train);
        EpEpochReport? last = null;
        for (int e = 1; e <= epochs; e++)
        {
            var order = streams.Get("order", e);
            last = trainer.TrainEpoch(samples.OrderBy(_ => order.NextDouble()).ToList());
        }
        int correct = Enumerable.Range(0, test.Count).Count(i => LayeredEpTrainer.ArgMax(trainer.Predict(test.Features[i])) == test.Labels[i]);
        return ((double)correct / test.Count, trainer, last!);
    }

    internal static List<(double[] X, double[] Y)> Samples(Dataset train) => Enumerable.Range(0, train.Count)
        .Select(i => (train.Features[i], Enumerable.Range(0, 10).Select(c => c == train.Labels[i] ? 0.5 : 0.0).ToArray())).ToList();

    [Fact]
    public void Zero_variability_reproduces_the_ideal_run_bit_for_bit()
    {
        var ideal = Train(null);
        var zero = Train(new EpVariability());
        output.WriteLine($"ideal devices: test accuracy {ideal.Accuracy:P1}; zero-variability devices: {zero.Accuracy:P1}");
        Assert.Equal(ideal.Trainer.Conductances, zero.Trainer.Conductances);
        Assert.Equal(ideal.Last.MeanFreeLoss, zero.Last.MeanFreeLoss);
        Assert.True(ideal.Accuracy > 0.85, $"ideal accuracy {ideal.Accuracy:P1}");
    }

    [Fact]
    public void Accuracy_degrades_gracefully_with_spread_and_write_noise_and_devices_stay_in_their_windows()
    {
        var ideal = Train(null);
        var moderate = new EpVariability
        {
            WindowSpread = 0.1, StepSpread = 0.2,
            CycleToCycle = new Nonidealities { WriteNoise = 1e-3, RelativeUpdateNoise = 0.2 },
        };
        var heavy = moderate with { StepSpread = 0.5, CycleToCycle = new Nonidealities { WriteNoise = 1e-2, RelativeUpdateNoise = 0.5 } };
        var m = Train(moderate);
        var h = Train(heavy);
        output.WriteLine($"test accuracy: ideal {ideal.Accuracy:P1}, moderate variability {m.Accuracy:P1}, heavy {h.Accuracy:P1}");

        foreach (var run in new[] { m, h })
        {
            var g = run.Trainer.Conductances;
            for (int k = 0; k < g.Length; k++)
                Assert.InRange(g[k], run.Trainer.Devices.Lower(k), run.Trainer.Devices.Upper(k));
        }
        Assert.Contains(Enumerable.Range(0, 200), k => m.Trainer.Devices.Upper(k) != Spec.ConductanceMax);
        Assert.NotEqual(ideal.Trainer.Conductances, m.Trainer.Conductances);
        Assert.True(m.Accuracy > ideal.Accuracy - 0.05, $"moderate variability costs {ideal.Accuracy - m.Accuracy:P1}");
        Assert.True(h.Accuracy < ideal.Accuracy, "heavy write noise should cost accuracy");
        Assert.True(h.Accuracy > 0.5, $"heavy variability collapses training ({h.Accuracy:P1})");
    }
}
