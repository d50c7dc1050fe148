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
    public void ColumnsStartAtTheTargetMeanAndClipAtOne()
    {
        // Initial scaling w·(0.25·4 / 2.0); a post spike with no pre spike before it then changes nothing.
        var (weights, rule) = Column([0.2, 0.4, 0.6, 0.8], 0.25, (1.0, true));
        double[] expected = [0.1, 0.2, 0.3, 0.4];
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], weights.Get(i, 0), 14);
        Assert.Equal(0, rule.NormalizationWrites);
        Assert.Equal(0, rule.Ledger.Updates);
        // ×1.5 would take 0.9 to 1.35: clipped at 1, the other weight keeps the exact factor.
        var (clipped, _) = Column([0.9, 0.1], 0.75);
        Assert.Equal(1.0, clipped.Get(0, 0));
        Assert.Equal(0.15, clipped.Get(1, 0), 14);
    }

    [Fact]
    public void PotentiationComesFirstThenTheColumnIsScaledBack()
    {
        // Start [0.6, 0.2] → ×1.25 → [0.75, 0.25] (mean 0.5). Input 0 fires 5 ms before the post spike:
        // Δw = 0.01·(1 − 0.75)·e^{−5/16.8}, then the column is scaled by 1 / (sum) back to mean 0.5.
        var (weights, rule) = Column([0.6, 0.2], 0.5, (1.0, false), (1.005, true));
        double w0 = 0.75 + 0.01 * 0.25 * Math.Exp(-0.005 / 0.0168);
        double scale = 1.0 / (w0 + 0.25);
        Assert.Equal(w0 * scale, weights.Get(0, 0), 14);
        Assert.Equal(0.25 * scale, weights.Get(1, 0), 14);
        Assert.Equal(2, rule.NormalizationWrites);
        Assert.Equal(1, rule.Ledger.Updates);
    }

    [Theory]
    [InlineData(0.005)]
    [InlineData(double.PositiveInfinity)] // input silent so far: only the offset acts
    public void TargetTraceOffsetDepressesAtThePostSpike(double dt)
    {
        // Diehl & Cook Eq. 4 with nearest-spike trace x_pre = e^{−Δt/τ₊}: Δw = η[(1 − w)x_pre − x_tar·w].
        var p = new PairStdpParameters { LearningRate = 0.01, TargetTrace = 0.6 };
        double w = 0.3, pair = double.IsFinite(dt) ? (1 - w) * Math.Exp(-dt / p.TauPotentiation) : 0;
        Assert.Equal(0.01 * (pair - 0.6 * w), p.PostSpikeDelta(w, dt), 15);
        var scheduler = new EventScheduler();
        var pre = scheduler.TypeOf("Spike");
        var post = scheduler.TypeOf("PostSpike");
        var weights = new DenseSynapticWeights(1, 1, w);
        _ = new PairStdpPlasticity(scheduler, pre, 0, post, weights, p);
        if (double.IsFinite(dt)) scheduler.Schedule(1.0, pre);
        scheduler.Schedule(1.0 + (double.IsFinite(dt) ? dt : 0), post);
        scheduler.Run();
        Assert.Equal(w + 0.01 * (pair - 0.6 * w), weights.Get(0, 0), 15);
    }

    [Fact]
    public void OffByDefault()
    {
        var (weights, rule) = Column([0.2, 0.4], 0, (1.0, true));
        Assert.Equal(0.2, weights.Get(0, 0));
        Assert.Equal(0, rule.NormalizationWrites);
    }
}
