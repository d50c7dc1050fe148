using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// The volley path (one event per population and step; ideal synapses: input→hidden weights input-major during a sample;
/// device synapses: one <see cref="ISynapseWriter.WriteRun"/> per spike) must be bit-identical to the reference path of
/// one Spike event per spike (deliver, then the rule, in id order, one Write per synapse): weights, predictions, gate
/// decisions, spike and write counts after training on Digits samples with the random sign of β, sparse programming and
/// the nudge gate; with memristors (memristive EqSpike, A-EqSpike synch) also every conductance, the programming energy
/// and the tail energy, with C2C write noise, D2D slope/threshold spread, non-linearity η in both conventions and devices
/// at their bounds. Hidden sizes that are not multiples of the vector width exercise the tails.
/// </summary>
public class VolleyIdentityTests
{
    private static Dataset Train => RepositoryData.DigitsSplit(5).Train;

    public static TheoryData<string> Cases => ["dense", "probabilistic", "every-nth", "gate", "floor-spread", "negative-zero",
        "memristive-noise", "memristive-spread-every-nth", "memristive-eta-printed", "memristive-eta-saturating", "memristive-bounds", "memristive-gate",
        "aeqspike-noise-spread", "aeqspike-saw-probabilistic", "aeqspike-eta-every-nth", "aeqspike-ideal-bounds",
        "desynch-noise-spread", "desynch-collision-eta", "desynch-proba-noise"];

    private static EqSpikeSetup SetupOf(string name)
    {
        var digits = EqSpikeSetup.EqSpikeDigits;
        var mem = EqSpikeSetup.MemristiveDigits;
        var aeq = EqSpikeSetup.AEqSpikeDigits;
        var device = mem.Memristor.Device;
        return name switch
        {
            // MemristiveDigits: probabilistic sparse programming, p = 1/15.
            "memristive-noise" => mem with { Memristor = mem.Memristor with { WriteNoise = 0.02 } },
            "memristive-spread-every-nth" => mem with
            {
                Hidden = 30, Sparse = new SparseProgramming(SparseMode.EveryNth, N: 3),
                Memristor = mem.Memristor with { SlopeSpread = 0.2, ThresholdSpread = 0.1, WriteNoise = 0.01 },
            },
            "memristive-eta-printed" => mem with
            {
                Hidden = 31, Sparse = SparseProgramming.Dense,
                Memristor = mem.Memristor with { Device = device with { EtaPositive = 1, EtaNegative = 0.5, Convention = NonLinearityConvention.AsPrinted } },
            },
            "memristive-eta-saturating" => mem with
            {
                Memristor = mem.Memristor with
                {
                    Device = device with { EtaPositive = 1.5, EtaNegative = 1.5, Convention = NonLinearityConvention.Saturating },
                    SlopeSpread = 0.1, SlopeSymmetric = true, WriteNoise = 0.005,
                },
            },
            // A learning rate 100× the preset's: drives beyond 2 V_th write in both halves and push devices to Gmin/Gmax.
            "memristive-bounds" => mem with { Parameters = mem.Parameters with { LearningRate = 2e-3 }, Sparse = new SparseProgramming(SparseMode.Probabilistic, 0.5) },
            "memristive-gate" => mem with
            {
                Parameters = mem.Parameters with { NudgeGate = 0.6, NudgeRateUnits = NudgeRateUnits.PerStep },
                Memristor = mem.Memristor with { WriteNoise = 0.01 },
            },
            "aeqspike-noise-spread" => aeq with { Hidden = 30, Memristor = aeq.Memristor with { WriteNoise = 0.01, ThresholdSpread = 0.02, SlopeSpread = 0.1 } },
            "aeqspike-saw-probabilistic" => aeq with
            {
                Tail = aeq.Tail with { Shape = TailShape.Saw }, Sparse = new SparseProgramming(SparseMode.Probabilistic, 0.4),
                Memristor = aeq.Memristor with { Device = device with { EtaPositive = 0.7, EtaNegative = 0.7, Convention = NonLinearityConvention.Saturating } },
            },
            "aeqspike-eta-every-nth" => aeq with
            {
                Hidden = 33, Sparse = new SparseProgramming(SparseMode.EveryNth, N: 2),
                Memristor = aeq.Memristor with { Device = device with { EtaPositive = 2, EtaNegative = 1, Convention = NonLinearityConvention.AsPrinted }, WriteNoise = 0.003 },
            },
            // device.ideal: clamped numeric weights on the input-major path; 300× the rate drives weights to ±0.5.
            "aeqspike-ideal-bounds" => aeq with
            {
                Hidden = 31, Parameters = aeq.Parameters with { LearningRate = 300 }, Memristor = aeq.Memristor with { Ideal = true },
            },
            // The desynchronised variants: clipped signals, colliding pairs written by the lower id, collision and pulse draws.
            "desynch-noise-spread" => Desynch(AEqSpikeMode.Desynch) with { Hidden = 30, Memristor = aeq.Memristor with { WriteNoise = 0.01, ThresholdSpread = 0.02, SlopeSpread = 0.1 } },
            "desynch-collision-eta" => Desynch(AEqSpikeMode.DesynchCollision) with
            {
                Hidden = 33, Memristor = aeq.Memristor with { Device = device with { EtaPositive = 1.5, EtaNegative = 1, Convention = NonLinearityConvention.Saturating } },
            },
            "desynch-proba-noise" => Desynch(AEqSpikeMode.DesynchProba) with { Memristor = aeq.Memristor with { WriteNoise = 0.005 } },
            "probabilistic" => digits with { Hidden = 30, Sparse = new SparseProgramming(SparseMode.Probabilistic, 0.3) },
            "every-nth" => digits with { Hidden = 33, Sparse = new SparseProgramming(SparseMode.EveryNth, N: 3) },
            // 0.6 of f_max: a gate that skips part of the samples within the first epoch (per-step nudge units; the other cases per f_max).
            "gate" => digits with { Parameters = digits.Parameters with { NudgeGate = 0.6, NudgeRateUnits = NudgeRateUnits.PerStep }, Sparse = new SparseProgramming(SparseMode.Probabilistic, 0.5) },
            "floor-spread" => digits with { Hidden = 31, NeuronSpread = 0.2, Parameters = digits.Parameters with { MembraneFloor = -2 } },
            _ => digits,
        };
    }

    private static EqSpikeSetup Desynch(AEqSpikeMode mode) => EqSpikeSetup.AEqSpikeDesynchDigits(mode);

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
        var data = Train;
        int skipped = 0, samples = setup.Variant == EqSpikeVariant.EqSpike ? 120 : 50;
        for (int k = 0; k < samples; k++)
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
        AssertBitEqual([reference.Writer.Energy, reference.TailEnergy], [fast.Writer.Energy, fast.TailEnergy], "programming, tail energy");
        if (fast.Writer is MemristiveSynapseWriter device) AssertSameDevices((MemristiveSynapseWriter)reference.Writer, device, fast, name);
        if (name.EndsWith("bounds")) Assert.Contains(fast.Weights.SelectMany(w => w), w => Math.Abs(w) == 0.5);
        for (int i = 0; i < 40; i++) Assert.Equal(reference.Infer(data.Features[i]), fast.Infer(data.Features[i]));
        if (name.EndsWith("gate")) Assert.InRange(skipped, 1, samples - 1);   // the gate both skipped and nudged
        else Assert.Equal(0, skipped);
    }

    private static void AssertSameDevices(MemristiveSynapseWriter reference, MemristiveSynapseWriter fast, EqSpikeNetwork net, string name)
    {
        var p = fast.Options.Device;
        int atBound = 0;
        for (int l = 0; l < 2; l++)
        {
            var (expected, actual) = (new double[net.Weights[l].Length], new double[net.Weights[l].Length]);
            for (int k = 0; k < actual.Length; k++)
            {
                (expected[k], actual[k]) = (reference.Conductance(l, k), fast.Conductance(l, k));
                if (actual[k] == p.Gmin || actual[k] == p.Gmax) atBound++;
            }
            AssertBitEqual(expected, actual, $"layer {l} device");
        }
        Assert.True(fast.Energy > 0);
        if (net.Estimator(0) is TailAccumulator) Assert.True(net.TailEnergy > 0);
        if (name.EndsWith("bounds")) Assert.True(atBound > 0, "no device reached a bound");
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
        var x = Train.Features[0];
        net.Train(x, 0);
        Assert.True(net.LastSampleOnVolleys);
        int spikes = 0;
        net.OnSpike = (_, _) => spikes++;
        net.Train(x, 0);
        Assert.False(net.LastSampleOnVolleys);
        Assert.Equal(net.SampleSpikes, spikes);
    }
}
