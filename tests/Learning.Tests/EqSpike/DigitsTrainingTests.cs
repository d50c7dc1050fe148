using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// Small Digits runs (64-32-10, a subset, few epochs): each variant must learn well above chance and above its own
/// untrained network, and a robustness knob must move accuracy the way seed 002 §3.7 reports.
/// </summary>
public class DigitsTrainingTests
{
    private static (Dataset Train, Dataset Test) Data
    {
        get
        {
            var (train, test) = RepositoryData.DigitsSplit(5);
            return (train, test.Slice(0, 200));
        }
    }

    private static (double Before, double After) Train(EqSpikeSetup setup, int samples, int epochs, ulong seed = 11)
    {
        var random = new RandomStreams(seed);
        var trainer = new EqSpikeTrainer(setup.Build(64, 10, random), random);
        var (train, test) = Data;
        double before = trainer.Accuracy(test);
        var subset = train.Slice(0, samples);
        for (int e = 0; e < epochs; e++) trainer.TrainEpoch(subset, test);
        return (before, trainer.Accuracy(test));
    }

    [Fact]
    public void EqSpike_LearnsDigits()
    {
        var (before, after) = Train(EqSpikeSetup.EqSpikeDigits, 1000, 3);
        Assert.True(before < 0.25, $"untrained {before:P1}");
        Assert.True(after > 0.75, $"trained {after:P1} (untrained {before:P1})");
    }

    [Fact]
    public void EqSpike_WithFlippedRuleSign_DoesNotLearn()
    {
        // A rule with the wrong sign (anti-EP) must fail the same run: the accuracy check is not free.
        var setup = EqSpikeSetup.EqSpikeDigits with { Parameters = EqSpikeSetup.EqSpikeDigits.Parameters with { LearningRate = -3e-5 } };
        var (_, after) = Train(setup, 600, 2);
        Assert.True(after < 0.4, $"anti-rule reached {after:P1}");
    }

    [Fact]
    public void Memristive_LearnsAndLargeWriteNoiseHurts()
    {
        // §3.7.2: σ_noise well above 1e-3 of the range degrades accuracy (Fig. 3.10).
        var (before, clean) = Train(EqSpikeSetup.MemristiveDigits, 1000, 3);
        var noisy = EqSpikeSetup.MemristiveDigits with { Memristor = new MemristorSynapseOptions { WriteNoise = 0.02 } };
        var (_, degraded) = Train(noisy, 1000, 3);
        Assert.True(clean > 0.6 && clean > before + 0.4, $"memristive {clean:P1} (untrained {before:P1})");
        Assert.True(degraded < clean - 0.15, $"noise 0.02: {degraded:P1} vs clean {clean:P1}");
    }

    [Fact]
    public void AEqSpike_Learns()
    {
        var (before, after) = Train(EqSpikeSetup.AEqSpikeDigits, 500, 2);
        Assert.True(after > 0.4 && after > before + 0.25, $"A-EqSpike {after:P1} (untrained {before:P1})");
    }

    [Fact]
    public void Checkpoint_ResumesBitIdentically()
    {
        var setup = EqSpikeSetup.MemristiveDigits with { Memristor = new MemristorSynapseOptions { WriteNoise = 1e-3 } };
        var (train, test) = Data;
        var subset = train.Slice(0, 150);
        var r1 = new RandomStreams(5);
        var straight = new EqSpikeTrainer(setup.Build(64, 10, r1), r1);
        straight.TrainEpoch(subset, test);
        byte[] saved = Checkpoint.Capture(straight);
        var last = straight.TrainEpoch(subset, test);
        var r2 = new RandomStreams(5);
        var resumed = new EqSpikeTrainer(setup.Build(64, 10, r2), r2);
        Checkpoint.Restore(saved, resumed);
        var again = resumed.TrainEpoch(subset, test);
        Assert.Equal(last.TestAccuracy, again.TestAccuracy);
        Assert.Equal(last.Writes, again.Writes);
        Assert.Equal(straight.Network.Weights[0], resumed.Network.Weights[0]);
        Assert.Equal(straight.Network.Weights[1], resumed.Network.Weights[1]);
    }

    /// <summary>
    /// Stopped between two samples of the second epoch, checkpointed with the epoch in progress and resumed in a fresh
    /// process-like copy: the epoch's figures (running energy and tail-energy sums included) and the final state equal an
    /// uninterrupted run's, bit for bit; stopping in the first or at the last sample as well.
    /// </summary>
    [Theory]
    [InlineData("memristive", 1, 37)]
    [InlineData("a-eqspike", 1, 1)]
    [InlineData("a-eqspike", 0, 79)]
    public void Checkpoint_WithinAnEpoch_ResumesBitIdentically(string variant, int epochsBefore, int stopAt)
    {
        var setup = variant == "memristive"
            ? EqSpikeSetup.MemristiveDigits with { Memristor = new MemristorSynapseOptions { WriteNoise = 1e-3 } }
            : EqSpikeSetup.AEqSpikeDigits;
        var (train, test) = Data;
        var subset = train.Slice(0, 80);
        var r1 = new RandomStreams(5);
        var straight = new EqSpikeTrainer(setup.Build(64, 10, r1), r1);
        for (int e = 0; e < epochsBefore; e++) straight.TrainEpoch(subset, test);
        var reference = straight.TrainEpoch(subset, test);

        var r2 = new RandomStreams(5);
        var stopped = new EqSpikeTrainer(setup.Build(64, 10, r2), r2);
        for (int e = 0; e < epochsBefore; e++) stopped.TrainEpoch(subset, test);
        Assert.Null(stopped.TrainUntil(subset, test, () => stopped.SamplesDone == stopAt));
        Assert.Equal(stopAt, stopped.SamplesDone);
        byte[] saved = Checkpoint.Capture(stopped, stopped.Progress);

        var r3 = new RandomStreams(5);
        var resumed = new EqSpikeTrainer(setup.Build(64, 10, r3), r3);
        Checkpoint.Restore(saved, resumed, resumed.Progress);
        Assert.Equal(stopAt, resumed.SamplesDone);
        var again = resumed.TrainEpoch(subset, test);
        Assert.Equal(reference with { Seconds = 0 }, again with { Seconds = 0 });
        Assert.True(reference.Energy > 0 && (variant == "memristive" || reference.TailEnergy > 0));
        Assert.Equal(Checkpoint.Capture(straight, straight.Progress), Checkpoint.Capture(resumed, resumed.Progress));
    }
}
