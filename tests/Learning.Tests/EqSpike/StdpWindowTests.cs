using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// Seed 002 §2.6, Alg. 3, Figs 2.14–2.15: on input→hidden synapses during the first 100 training images, ΔW against the
/// effective post−pre timing is an STDP-like curve centred on 0 (depression before, potentiation after) whose amplitude
/// grows with β. The sign of β is fixed here: its random flip (with η_lr) mirrors the curve on half the samples.
/// </summary>
public class StdpWindowTests
{
    private static StdpWindow Measure(double beta)
    {
        var data = RepositoryData.DigitsSet.Slice(0, 100);
        var setup = EqSpikeSetup.EqSpikeDigits with { Parameters = EqSpikeSetup.EqSpikeDigits.Parameters with { RandomBetaSign = false, Beta = beta } };
        var random = new RandomStreams(1);
        var net = setup.Build(64, 10, random);
        var window = new StdpWindow(net);
        for (int i = 0; i < data.Count; i++) net.Train(data.Features[i], data.Labels[i]);
        return window;
    }

    [Fact]
    public void Window_IsCentredOnZeroAndGrowsWithBeta()
    {
        var low = Measure(0.5);
        var high = Measure(1.0);
        foreach (var w in new[] { low, high })
        {
            double before = w.MeanOver(-50, -5), after = w.MeanOver(5, 50), centre = w.MeanOver(-2, 2);
            Assert.True(before < 0 && after > 0, $"ΔW before {before:E2}, after {after:E2}");
            Assert.True(Math.Abs(centre) < 0.3 * Math.Min(-before, after), $"ΔW at 0: {centre:E2} vs {before:E2} / {after:E2}");
        }
        double Amplitude(StdpWindow w) => w.MeanOver(5, 50) - w.MeanOver(-50, -5);
        Assert.True(Amplitude(high) > 1.1 * Amplitude(low), $"amplitude β=1 {Amplitude(high):E2} vs β=0.5 {Amplitude(low):E2}");
    }
}
