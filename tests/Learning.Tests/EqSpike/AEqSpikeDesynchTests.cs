using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// Seed 002 §4.4: the desynchronised A-EqSpike variants on one synapse written through the threshold memristor (Eq. 3.2),
/// against closed forms of the clipped, superposed pulses; and, in a network, that the variants' switches act.
/// Device speed: η_lr = 1e-3 of the weight range per V_th of overshoot (Table 4.2).
/// </summary>
public class AEqSpikeDesynchTests
{
    private const double Eta = 1e-3;

    /// <summary>A one-synapse A-EqSpike writer at weight <paramref name="w"/> (range [−0.5, 0.5]).</summary>
    private static (MemristiveSynapseWriter Writer, double[] Weights) Synapse(double w)
    {
        var setup = EqSpikeSetup.AEqSpikeDesynchDigits(AEqSpikeMode.Desynch);
        var d = setup.Memristor.Device;
        double slope = Eta * (d.Gmax - d.Gmin) / (setup.Memristor.PulseWidth * d.ThresholdPositive);
        var options = setup.Memristor with { Device = d with { SlopePositive = slope, SlopeNegative = slope } };
        var writer = new MemristiveSynapseWriter(options, new RandomStreams(1).Get("d2d"), new RandomStreams(1).Get("noise"));
        double[] weights = [w];
        writer.Attach([weights]);
        return (writer, weights);
    }

    private static double Write(double w, params (double Plus, double Minus)[] pulses)
    {
        var (writer, weights) = Synapse(w);
        foreach (var (plus, minus) in pulses) writer.WritePulse(0, 0, plus, minus);
        return weights[0] - w;
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(-0.9)]
    [InlineData(1.6)]
    public void Desynch_ANeuronAloneNeverWrites_WhileTheUnclippedPulseWritesItsOwnTail(double ownTail)
    {
        // Eq. 4.3: unclipped, a neuron's own tails over its ±V_th pulse write ∝ its own ρ̇ (the self-write of Fig. 4.4).
        Assert.Equal(Eta * ownTail, Write(0, (1 + ownTail, -1 + ownTail)), 12);
        // Clipped to |s| ≤ V_th [S L2118]: nothing crosses the threshold.
        Assert.Equal(0, Write(0, DesynchPulses.Alone(ownTail, 0)), 15);
    }

    [Theory]
    [InlineData(0.3, 0.5)]    // both accelerating: the partner's tail is written, as in synch
    [InlineData(0.3, -0.5)]   // own tail ≥ 0 leaks into the negative half: min(0, a_n + a_m) instead of a_m
    [InlineData(-0.4, 0.6)]   // own tail < 0 lowers the positive half: max(0, a_n + a_m)
    [InlineData(-0.4, -0.2)]
    public void Desynch_AlonePulse_WritesTheClippedSuperposition(double own, double partner)
    {
        double synch = Write(0, (1 + partner, -1 + partner));
        Assert.Equal(Eta * partner, synch, 12);
        double expected = own >= 0
            ? Eta * (Math.Max(0, partner) + Math.Min(0, own + partner))
            : Eta * (Math.Max(0, own + partner) + Math.Min(0, partner));
        Assert.Equal(expected, Write(0, DesynchPulses.Alone(own, partner)), 12);
    }

    [Theory]
    [InlineData(0.3, 0.2)]
    [InlineData(-0.3, 0.45)]
    public void Collision_InsideTheWindow_NetsTheSumButNearABoundDiffersFromTwoSeparatePulses(double a, double b)
    {
        // Two simultaneous programming pulses: 2V_th + ε then −2V_th + ε [S L2134]. A linear device inside its window
        // nets ε = a + b (the separate writes' sum) ...
        var collision = DesynchPulses.Collision(a, b);
        Assert.Equal(Eta * (a + b), Write(0, collision), 12);
        // ... but the first half moves it by η·(V_th + min parts): next to Gmax that saturates, the second half then
        // pulls it down by η·(V_th − max parts), so the net is the closed form below, not the separate pulses' result.
        double w0 = 0.5 - 2e-4;
        double afterPlus = Math.Min(0.5, w0 + Eta * (1 + Math.Min(a, 0) + Math.Min(b, 0)));
        double expected = afterPlus - Eta * (1 - Math.Max(a, 0) - Math.Max(b, 0)) - w0;
        Assert.Equal(expected, Write(w0, collision), 12);
        double separate = Write(w0, DesynchPulses.Alone(a, b), DesynchPulses.Alone(b, a));
        Assert.True(Math.Abs(expected - separate) > 1e-4, $"collision {expected} vs separate {separate}");
    }

    private static double[][] TrainFew(EqSpikeSetup setup)
    {
        var (train, _) = RepositoryData.DigitsSplit(5);
        var random = new RandomStreams(5);
        var net = setup.Build(64, 10, random);
        for (int i = 0; i < 6; i++) net.Train(train.Features[i], train.Labels[i]);
        return net.Weights;
    }

    [Fact]
    public void Network_CollisionAndProgramProbabilities_SwitchBetweenTheVariants()
    {
        static EqSpikeSetup Variant(AEqSpikeMode mode, double pColl = 1.0 / 6, double pProg = 0.5)
        {
            var s = EqSpikeSetup.AEqSpikeDesynchDigits(mode);
            return s with { Tail = s.Tail with { CollisionProbability = pColl, ProgramProbability = pProg } };
        }
        var desynch = TrainFew(Variant(AEqSpikeMode.Desynch));
        // p_collision = 1 is desynch; p = 1 of desynch_proba is desynch (bit for bit: the draws use their own stream).
        Assert.Equal(desynch, TrainFew(Variant(AEqSpikeMode.DesynchCollision, pColl: 1)));
        Assert.Equal(desynch, TrainFew(Variant(AEqSpikeMode.DesynchProba, pProg: 1)));
        // Collisions and pulse draws happen, so p_collision = 0 and p = 0.5 change the written weights.
        Assert.NotEqual(desynch, TrainFew(Variant(AEqSpikeMode.DesynchCollision, pColl: 0)));
        Assert.NotEqual(desynch, TrainFew(Variant(AEqSpikeMode.DesynchProba, pProg: 0.5)));
    }
}
