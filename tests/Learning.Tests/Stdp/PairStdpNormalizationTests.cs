using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.Learning.Stdp;
using CircuitNeuro.Neurons.Synapses;

namespace CircuitNeuro.Learning.Tests.Stdp;

/// <summary>Per-neuron sum normalisation of the STDP baseline against the scaling computed by hand.</summary>
public class PairStdpNormalizationTests
{
    private static (DenseSynapticWeights Weights, PairStdpPlasticity Rule) Column(double[] w, double mean, params (double Time, bool Post)[] spikes)
    {
        var scheduler = new EventScheduler();
        var pre = scheduler.TypeOf("Spike");
        var post = scheduler.TypeOf("PostSpike");
        var weights = new DenseSynapticWeights(w.Length, 1);
        for (int i = 0; i < w.Length; i++) weights.Set(i, 0, w[i]);
        var rule = new PairStdpPlasticity(scheduler, pre, 0, post, weights, new PairStdpParameters { LearningRate = 0.01, NormalizeMean = mean });
        foreach (var (time, isPost) in spikes) scheduler.Schedule(time, isPost ? post : pre);
        scheduler.Run();
        return (weights, rule);
    }

    [Fact]
    public void PostSpikeScalesTheColumnToTheTargetMean()
    {
        // No pre spike: the post spike programs nothing, only the normalisation acts: w·(0.25·4 / 2.0).
        var (weights, rule) = Column([0.2, 0.4, 0.6, 0.8], 0.25, (1.0, true));
        double[] expected = [0.1, 0.2, 0.3, 0.4];
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], weights.Get(i, 0), 14);
        Assert.Equal(4, rule.NormalizationWrites);
        Assert.Equal(0, rule.Ledger.Updates);
    }

    [Fact]
    public void PotentiationComesFirstThenScalingThenClipping()
    {
        // Input 0 fires 5 ms before the post spike: Δw = 0.01·(1 − 0.9)·e^{−5/16.8}; then ×(0.75·2 / sum) ≈ ×1.5, so
        // input 0 is clipped at 1 and input 1 keeps the exact scale.
        var (weights, _) = Column([0.9, 0.1], 0.75, (1.0, false), (1.005, true));
        double w0 = 0.9 + 0.01 * 0.1 * Math.Exp(-0.005 / 0.0168);
        double scale = 1.5 / (w0 + 0.1);
        Assert.Equal(1.0, weights.Get(0, 0));
        Assert.Equal(0.1 * scale, weights.Get(1, 0), 14);
        Assert.True(w0 * scale > 1);
    }

    [Fact]
    public void OffByDefault()
    {
        var (weights, rule) = Column([0.2, 0.4], 0, (1.0, true));
        Assert.Equal(0.2, weights.Get(0, 0));
        Assert.Equal(0, rule.NormalizationWrites);
    }
}
