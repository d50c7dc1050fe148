using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.EqSpike;
using Xunit.Abstractions;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// The hold of the ρ̄ reference at the nudge start (<see cref="EqSpikeParameters.HoldReferenceAtNudge"/>, not in Alg. 2):
/// the block must then report V(t) − V(T_free) (analytic for a silent neuron after a hold). In a network with β = 0 —
/// where EP prescribes no update at all — the literal block writes little (the free phase is nearly settled at
/// T_free − τ, [S L1391]) and the hold writes more (it samples V_LI's sawtooth at one instant): measured, README.
/// </summary>
public class NudgeReferenceHoldTests(ITestOutputHelper output)
{
    private const double Leak = 0.1;
    private const int Tau = 100, Filter = 10, HoldAt = 60;

    /// <summary>Spikes every 4 steps until <see cref="HoldAt"/>, then silence; returns the block and V_LI at the hold.</summary>
    private static (RhoBarBlock Block, double Held) RunUntilHold(bool hold)
    {
        var block = new RhoBarBlock(1, Leak, Tau, Filter);
        for (int t = 0; t < HoldAt; t++) block.Step([t % 4 == 0]);
        double held = block.Integrator(0);
        if (hold) block.HoldReference();
        return (block, held);
    }

    [Fact]
    public void HeldBlock_EveryNeuronOfALayerReportsItsOwnChangeSinceTheHold()
    {
        // Neurons with different trains in one block (more than a vector of them): each one's output after the hold is
        // the analytic value of its own V_hold, whatever its neighbours did.
        const int size = 11;
        var block = new RhoBarBlock(size, Leak, Tau, Filter);
        var spikes = new bool[size];
        for (int t = 0; t < HoldAt; t++)
        {
            for (int i = 0; i < size; i++) spikes[i] = i > 0 && t % (i + 1) == 0;
            block.Step(spikes);
        }
        var vHold = Enumerable.Range(0, size).Select(block.Integrator).ToArray();
        block.HoldReference();
        Array.Clear(spikes);
        double keep = 1 - Leak;
        for (int k = 0; k < 2 * Filter; k++)
        {
            block.Step(spikes);
            if (k < Filter - 1) continue;
            for (int i = 0; i < size; i++)
            {
                double expected = 0;
                for (int j = k - Filter + 1; j <= k; j++) expected += vHold[i] * (Math.Pow(keep, j + 1) - 1);
                Assert.Equal(expected / Filter, block.Value(i), 12);
            }
        }
    }

    [Fact]
    public void HeldBlock_ReportsTheChangeSinceTheHold()
    {
        var (held, vHold) = RunUntilHold(hold: true);
        var (free, _) = RunUntilHold(hold: false);
        double keep = 1 - Leak, freeEarly = 0, heldEarly = 0;
        for (int k = 0; k < Tau - 1; k++)
        {
            held.Step([false]);
            free.Step([false]);
            if (k == 20) (freeEarly, heldEarly) = (free.Value(0), held.Value(0));
            if (k < Filter - 1) continue;
            // Silent after the hold: V(T + k) = V_hold·(1 − γ_LI)^(k+1), d = V − V_hold, output = mean of the last N_filt d.
            double expected = 0;
            for (int j = k - Filter + 1; j <= k; j++) expected += vHold * (Math.Pow(keep, j + 1) - 1);
            expected /= Filter;
            Assert.Equal(expected, held.Value(0), 12);
        }
        // Without the hold the block differences against the start of the train (V(t − τ) = 0 before step 0): ≈ V(t) ≥ 0.
        Assert.True(freeEarly > heldEarly + 1 && freeEarly >= 0, $"free {freeEarly:F3} vs held {heldEarly:F3}");
    }

    /// <summary>Sums each synapse's requests over a sample without applying them (the network stays as built).</summary>
    private sealed class RecordingWriter : ISynapseWriter
    {
        private double[][] _sums = [];
        public double Drift { get; private set; }
        public long Writes { get; private set; }
        public double Energy => 0;
        public void Attach(IReadOnlyList<double[]> weights) => _sums = weights.Select(w => new double[w.Length]).ToArray();
        public void Write(int layer, int k, double request) { _sums[layer][k] += request; Writes++; }
        public void ResetCounters() => Writes = 0;
        public void RestoreCounters(long writes, double energy) => Writes = writes;

        public void EndSample()
        {
            foreach (var s in _sums)
            {
                Drift += s.Sum(Math.Abs);
                Array.Clear(s);
            }
        }
    }

    private static double SummedUpdate(double beta, bool hold, double freeTime = 75)
    {
        var data = RepositoryData.DigitsSet.Slice(0, 40);
        var p = EqSpikeSetup.EqSpikeDigits.Parameters with
        {
            Beta = beta, RandomBetaSign = false, LearningRate = 1, NudgeTime = 62.5, FreeTime = freeTime, HoldReferenceAtNudge = hold,
        };
        var writer = new RecordingWriter();
        var net = new EqSpikeNetwork(64, 32, 10, p, n => new RhoBarBlock(n, p.LeakIntegrator, p.TauSteps, p.FilterLength), writer, new RandomStreams(3));
        for (int i = 0; i < data.Count; i++)
        {
            net.Train(data.Features[i], data.Labels[i]);
            writer.EndSample();
        }
        return writer.Drift / data.Count;
    }

    [Fact]
    public void WithoutNudge_LiteralDriftIsSmallAndTheHoldAddsSamplingNoise()
    {
        // β = 0: EP prescribes ΔW = 0, so what is written is the free phase still moving at T_free − τ plus the noise of
        // the estimate (measured 751 at T_free 75, 432 at 125, vs 8985 at β = 0.5). Literal Alg. 2: V(t) − V(t − τ) with τ = 100 steps averages V's sawtooth over whole periods.
        // Held: V(T_free) is one instantaneous sample of that sawtooth (between ρ/γ·(1 ± ~0.2) at ρ = 0.25), whose
        // offset from the mean is written at every partner spike for τ steps.
        double driftLiteral = SummedUpdate(0, hold: false), driftHeld = SummedUpdate(0, hold: true);
        double signalLiteral = SummedUpdate(0.5, hold: false), driftSettled = SummedUpdate(0, hold: false, freeTime: 125);
        output.WriteLine($"Σ|ΔW|/sample (η = 1): β = 0: literal {driftLiteral:F1}, held {driftHeld:F1}, literal at T_free 125 {driftSettled:F1}; β = 0.5: literal {signalLiteral:F1}");
        Assert.True(driftLiteral < 0.15 * signalLiteral, $"β = 0 literal drift {driftLiteral:F1} vs β = 0.5 {signalLiteral:F1}");
        Assert.True(driftHeld > 3 * driftLiteral, $"β = 0 drift held {driftHeld:F1} vs literal {driftLiteral:F1}");
        // A longer free phase puts T_free − τ where single neurons have settled: part of the literal drift is their settling.
        Assert.True(driftSettled < 0.75 * driftLiteral, $"β = 0 drift at T_free 125 {driftSettled:F1} vs 75 {driftLiteral:F1}");
    }
}
