using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.Vdsp;

namespace CircuitNeuro.Learning.Tests.Vdsp;

/// <summary>Small Digits versions of the MNIST experiment: 64 inputs, 20 WTA neurons, one epoch.</summary>
public class DigitsLearningTests
{
    // 64 inputs instead of 784: the output gain is raised so the summed drive is of the same order as on MNIST.
    internal static readonly VdspNetworkOptions Options = new() { Outputs = 20, Output = new WtaLayerParameters { Gain = 10 } };

    // The MNIST default η (0.002) was selected after 50,000 images; Digits trains on 1,437, where the larger η of the first
    // round learns faster (README Digits row, 0.005).
    internal const double DigitsLearningRate = 0.005;

    private static (Dataset Train, Dataset Test) Data => RepositoryData.DigitsSplit(5);

    // Inputs of the 2025 device study (notes 003 §2.4): threshold 1.8, reset −1.8, resting drive at 98 % of threshold,
    // so |V_pre| reaches beyond the fitted switching thresholds (0.8–1.6 V).
    internal static readonly VdspNetworkOptions DeviceOptions = Options with { InputThreshold = 1.8, InputReset = -1.8, InputBias = 0.98 * 1.8 };

    internal static VdspExperiment Experiment(PlasticitySpec spec, int trainCount = 0, ulong seed = 7, VdspNetworkOptions? options = null)
    {
        var (train, test) = Data;
        if (trainCount > 0) train = train.Slice(0, trainCount);
        var net = spec.BuildNetwork(options ?? Options, train.FeatureCount, seed);
        return new VdspExperiment(net, train, train, test, epochs: 1, shuffle: true, seed);
    }

    [Fact]
    public void VdspLearnsDigitsWellAboveChanceAndAboveTheUntrainedNetwork()
    {
        var trained = Experiment(new PlasticitySpec { Rule = "vdsp", LearningRate = DigitsLearningRate });
        trained.RunToEnd();
        var untrained = Experiment(new PlasticitySpec { Rule = "none" });
        untrained.RunToEnd();
        double acc = trained.TestAccuracy!.Value, baseline = untrained.TestAccuracy!.Value;
        Assert.True(acc > 0.6, $"VDSP accuracy {acc:P1}");
        Assert.True(acc > baseline + 0.25, $"VDSP {acc:P1} vs untrained {baseline:P1}");
        // Every post spike during training programmed its column; nothing was programmed while labelling or testing.
        var ledger = trained.Network.Plasticity!.Ledger;
        Assert.Equal(0, ledger.PreTriggers);
        Assert.True(ledger.PostTriggers > 1000);
        Assert.True(ledger.PostTriggers < trained.Network.OutputSpikes);
        Assert.InRange(ledger.Updates, 0.95 * 64 * ledger.PostTriggers, 64 * ledger.PostTriggers);
    }

    [Fact]
    public void StdpWithTargetTraceLearnsAndProgramsOnBothSpikeKinds()
    {
        // Pair STDP alone does not learn here (README); with the Diehl & Cook post-spike offset x_tar it does, and it still
        // programs on pre spikes (r = 0.1), so it stays a two-trigger rule for the update counts.
        var stdp = new Learning.Stdp.PairStdpParameters { LearningRate = 0.01, DepressionRatio = 0.1, TargetTrace = 0.6 };
        var run = Experiment(new PlasticitySpec { Rule = "stdp", Stdp = stdp });
        run.RunToEnd();
        Assert.True(run.TestAccuracy > 0.6, $"STDP accuracy {run.TestAccuracy:P1}");
        var ledger = run.Network.Plasticity!.Ledger;
        Assert.True(ledger.PreTriggers > 10 * ledger.PostTriggers, $"{ledger.PreTriggers} pre vs {ledger.PostTriggers} post triggers");
    }

    [Fact]
    public void DeviceVariantLearnsAndReportsProgrammingEnergy()
    {
        // HfO2 filamentary fit (notes 003 §2.4, Vth 0.80 / 0.85 V, HRS/LRS 4) on the ±1.8 V input network.
        var spec = new PlasticitySpec { Rule = "vdsp", Device = "hfo2", LearningRate = 0.01 };
        var run = Experiment(spec, options: DeviceOptions);
        run.RunToEnd();
        var ledger = run.Network.Plasticity!.Ledger;
        Assert.True(run.TestAccuracy > 0.6, $"HfO2 VDSP accuracy {run.TestAccuracy:P1}");
        Assert.True(ledger.Updates > 0 && ledger.Updates < 64 * ledger.PostTriggers, "the dead zone must skip some synapses");
        // Energy per update: V² G t with 0.8 V < |V_app| ≤ 2.8 V, G ≤ 100 µS, t = η·20 ns = 0.2 ns.
        Assert.InRange(ledger.EnergyPerUpdate, 0.8 * 0.8 * 25e-6 * 0.2e-9, 2.8 * 2.8 * 1e-4 * 0.2e-9);
        Assert.True(ledger.PulseEnergy > ledger.SwitchingEnergy);
    }

    [Theory]
    [InlineData("vdsp", false)]
    [InlineData("stdp", false)]
    [InlineData("vdsp", true)]
    public void CheckpointResumesBitIdentically(string rule, bool shadow)
    {
        var spec = new PlasticitySpec { Rule = rule, ShadowStdp = shadow };
        var straight = Experiment(spec, trainCount: 200);
        straight.RunChunk(120);
        straight.RunChunk(200);
        var first = Experiment(spec, trainCount: 200);
        first.RunChunk(120);
        byte[] saved = Checkpoint.Capture(first);
        var resumed = Experiment(spec, trainCount: 200);
        Checkpoint.Restore(saved, resumed);
        resumed.RunChunk(200);
        Assert.Equal(Checkpoint.Capture(straight), Checkpoint.Capture(resumed));
        Assert.Equal(straight.Network.Plasticity!.Ledger.Updates, resumed.Network.Plasticity!.Ledger.Updates);
    }

    [Fact]
    public void ShadowStdpCountsWithoutChangingTheNetwork()
    {
        var plain = Experiment(new PlasticitySpec(), trainCount: 300);
        plain.RunChunk(300);
        var counted = Experiment(new PlasticitySpec { ShadowStdp = true }, trainCount: 300);
        counted.RunChunk(300);
        for (int i = 0; i < 64; i++)
            for (int j = 0; j < Options.Outputs; j++) Assert.Equal(plain.Network.Weights.Get(i, j), counted.Network.Weights.Get(i, j));
        var shadow = counted.Network.Shadow!.Ledger;
        Assert.True(shadow.PreTriggers > 0 && shadow.PostTriggers > 0);
        Assert.Equal(plain.Network.Plasticity!.Ledger.Updates, counted.Network.Plasticity!.Ledger.Updates);
    }
}
