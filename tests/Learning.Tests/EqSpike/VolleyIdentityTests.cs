using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// The volley path (one event per population and step, input→hidden weights input-major during a sample) must be
/// bit-identical to the reference path of one Spike event per spike (deliver, then the rule, in id order): weights,
/// predictions, gate decisions, spike and write counts after training on Digits samples with the random sign of β,
/// sparse programming and the nudge gate. Hidden sizes that are not multiples of the vector width exercise the tails.
/// </summary>
public class VolleyIdentityTests
{
    private static readonly Lazy<Dataset> Train = new(() => DigitsDataset.Load(RepositoryData.Digits).SplitEvery(5).Train);

    public static TheoryData<string> Cases => ["dense", "probabilistic", "every-nth", "gate", "floor-spread", "negative-zero"];

    private static EqSpikeSetup SetupOf(string name)
    {
        var digits = EqSpikeSetup.EqSpikeDigits;
        return name switch
        {
            "probabilistic" => digits with { Hidden = 30, Sparse = new SparseProgramming(SparseMode.Probabilistic, 0.3) },
            "every-nth" => digits with { Hidden = 33, Sparse = new SparseProgramming(SparseMode.EveryNth, N: 3) },
            // 0.6 of f_max: a gate that skips part of the samples within the first epoch (per-step nudge units; the other cases per f_max).
            "gate" => digits with { Parameters = digits.Parameters with { NudgeGate = 0.6, NudgeRateUnits = NudgeRateUnits.PerStep }, Sparse = new SparseProgramming(SparseMode.Probabilistic, 0.5) },
            "floor-spread" => digits with { Hidden = 31, NeuronSpread = 0.2, Parameters = digits.Parameters with { MembraneFloor = -2 } },
            _ => digits,
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void VolleyPath_IsBitIdenticalToPerSpikeEvents(string name)
    {
        var setup = SetupOf(name);
        var fast = setup.Build(64, 10, new RandomStreams(5));
        var reference = setup.Build(64, 10, new RandomStreams(5));
        reference.PerSpikeEvents = true;
        if (name == "negative-zero")   // −0 weights of never-stimulated pixels: the per-spike path's W += +0 makes them +0
            foreach (var net in new[] { fast, reference })
                for (int h = 0; h < net.Hidden; h++) net.Weights[0][h * 65] = net.Weights[0][h * 65 + 32] = -0.0;
        var data = Train.Value;
        int skipped = 0;
        for (int k = 0; k < 120; k++)
        {
            int i = (k * 37) % data.Count;
            int a = fast.Train(data.Features[i], data.Labels[i]), b = reference.Train(data.Features[i], data.Labels[i]);
            Assert.True(fast.LastSampleOnVolleys && !reference.LastSampleOnVolleys, "the two paths must differ");
            Assert.Equal(b, a);
            Assert.Equal(reference.LastNudgeSkipped, fast.LastNudgeSkipped);
            Assert.Equal(reference.SampleSpikes, fast.SampleSpikes);
            for (int l = 0; l < 3; l++)   // the delivered sums to the last bit, not only the spikes they cause
                AssertBitEqual(reference.Layer(l).Potentials, fast.Layer(l).Potentials, $"sample {k} layer {l} potential");
            if (fast.LastNudgeSkipped) skipped++;
        }
        for (int l = 0; l < 2; l++) AssertBitEqual(reference.Weights[l], fast.Weights[l], $"layer {l} synapse");
        Assert.Equal(reference.Writer.Writes, fast.Writer.Writes);
        Assert.True(fast.Writer.Writes > 0);
        for (int i = 0; i < 40; i++) Assert.Equal(reference.Infer(data.Features[i]), fast.Infer(data.Features[i]));
        if (name == "gate") Assert.InRange(skipped, 1, 119);   // the gate both skipped and nudged
        else Assert.Equal(0, skipped);
    }

    private static void AssertBitEqual(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[k]) == BitConverter.DoubleToInt64Bits(actual[k]), $"{what} {k}: {actual[k]:R} vs {expected[k]:R}");
    }

    [Fact]
    public void PerSpikeProbe_TakesTheReferencePath()
    {
        var net = EqSpikeSetup.EqSpikeDigits.Build(64, 10, new RandomStreams(5));
        var x = Train.Value.Features[0];
        net.Train(x, 0);
        Assert.True(net.LastSampleOnVolleys);
        int spikes = 0;
        net.OnSpike = (_, _) => spikes++;
        net.Train(x, 0);
        Assert.False(net.LastSampleOnVolleys);
        Assert.Equal(net.SampleSpikes, spikes);
    }
}
