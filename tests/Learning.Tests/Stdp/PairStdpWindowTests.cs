using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.Learning.Stdp;
using CircuitNeuro.Neurons.Synapses;

namespace CircuitNeuro.Learning.Tests.Stdp;

/// <summary>The STDP window produced by the event handlers against the exponential closed form.</summary>
public class PairStdpWindowTests
{
    private static double Change(double tPre, double tPost, PairStdpParameters p, double w0 = 0.4)
    {
        var scheduler = new EventScheduler();
        var pre = scheduler.TypeOf("Spike");
        var post = scheduler.TypeOf("PostSpike");
        var weights = new DenseSynapticWeights(1, 1, w0);
        _ = new PairStdpPlasticity(scheduler, pre, 0, post, weights, p);
        scheduler.Schedule(tPre, pre);
        scheduler.Schedule(tPost, post);
        scheduler.Run();
        return weights.Get(0, 0) - w0;
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.0168)]
    [InlineData(0.05)]
    [InlineData(-0.002)]
    [InlineData(-0.0337)]
    [InlineData(-0.1)]
    public void WindowIsTheExponentialOfBiAndPoo(double dt)
    {
        var p = new PairStdpParameters { LearningRate = 0.01, DepressionRatio = 1.05, WindowCutoff = double.PositiveInfinity };
        double w = 0.4;
        double expected = dt > 0 ? 0.01 * (1 - w) * Math.Exp(-dt / 0.0168) : -0.01 * 1.05 * w * Math.Exp(dt / 0.0337);
        Assert.Equal(expected, Change(1.0, 1.0 + dt, p, w), 14);
        var hard = p with { SoftBounds = false };
        Assert.Equal(expected / (dt > 0 ? 1 - w : w), Change(1.0, 1.0 + dt, hard, w), 14);
    }

    [Fact]
    public void PairsBeyondTheCutoffAreNotUpdated()
    {
        var p = new PairStdpParameters { WindowCutoff = 2 };
        Assert.NotEqual(0.0, Change(1.0, 1.0 + 1.9 * p.TauPotentiation, p));
        Assert.Equal(0.0, Change(1.0, 1.0 + 2.1 * p.TauPotentiation, p));
        Assert.Equal(0.0, Change(1.0 + 2.1 * p.TauDepression, 1.0, p));
    }

    [Fact]
    public void OnlyTheNearestPreSpikePairsWithAPostSpike()
    {
        var scheduler = new EventScheduler();
        var pre = scheduler.TypeOf("Spike");
        var post = scheduler.TypeOf("PostSpike");
        var weights = new DenseSynapticWeights(1, 1, 0.5);
        var p = new PairStdpParameters { LearningRate = 0.01, WindowCutoff = double.PositiveInfinity };
        var rule = new PairStdpPlasticity(scheduler, pre, 0, post, weights, p);
        scheduler.Schedule(1.000, pre);
        scheduler.Schedule(1.010, pre); // depresses nothing: no post spike yet
        scheduler.Schedule(1.015, post);
        scheduler.Run();
        Assert.Equal(0.5 + 0.01 * 0.5 * Math.Exp(-0.005 / 0.0168), weights.Get(0, 0), 14);
        Assert.Equal(1, rule.Ledger.Updates);
        Assert.Equal(1, rule.Ledger.PostTriggers);
        Assert.Equal(0, rule.Ledger.PreTriggers);
    }
}
