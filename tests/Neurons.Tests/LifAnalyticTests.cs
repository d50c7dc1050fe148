using CircuitNeuro.Neurons.Encoders;
using CircuitNeuro.Neurons.Lif;
using CircuitNeuro.Neurons.Probes;

namespace CircuitNeuro.Neurons.Tests;

/// <summary>LIF against closed-form results (Gerstner et al., Neuronal Dynamics, §1.3).</summary>
public class LifAnalyticTests
{
    private static readonly LifParameters P = new()
    {
        TauMembrane = 20e-3, RestingPotential = -70e-3, ResetPotential = -65e-3, Threshold = -50e-3,
        Resistance = 1e8, RefractoryPeriod = 2e-3,
    };

    // Current at which V∞ = V_th: R·I = V_th − V_rest.
    private static double Rheobase => (P.Threshold - P.RestingPotential) / P.Resistance;

    private static (TestSimulation Sim, LifPopulation Pop) ConstantCurrent(double amperes, LifParameters? p = null)
    {
        var sim = new TestSimulation();
        var pop = sim.Network.AddPopulation("lif", 1, p ?? P);
        new ConstantCurrentInput(sim.Network, pop, 1.0).Step(0, 0.0, amperes);
        return (sim, pop);
    }

    [Fact]
    public void MembranePotential_UnderConstantCurrent_MatchesClosedForm()
    {
        double current = 0.8 * Rheobase;
        var (sim, pop) = ConstantCurrent(current);
        new MembraneProbe(sim.Network, pop, [0], sim.Trace, start: 0, interval: 1e-3, stop: 0.2, probeId: 1);
        sim.Scheduler.RunUntil(0.2);

        var v = sim.Trace.Signal("lif.v[0]");
        Assert.Equal(201, v.Count);
        double vInf = P.RestingPotential + P.Resistance * current;
        for (int k = 0; k < v.Count; k++)
        {
            double t = v.Times[k];
            // Sample at t=0 is taken before the current step (left limit), i.e. V_rest — also the closed form at 0.
            double expected = vInf + (P.RestingPotential - vInf) * Math.Exp(-t / P.TauMembrane);
            Assert.True(Math.Abs(v.Values[k] - expected) < 1e-14, $"t={t}: V={v.Values[k]}, closed form {expected}");
        }
        Assert.Empty(sim.Spikes);
    }

    [Theory]
    [InlineData(1.05)]
    [InlineData(1.5)]
    [InlineData(3.0)]
    [InlineData(10.0)]
    public void FiringRate_UnderSuprathresholdCurrent_MatchesAnalyticFormula(double multipleOfRheobase)
    {
        double current = multipleOfRheobase * Rheobase;
        var (sim, _) = ConstantCurrent(current);
        sim.Scheduler.RunUntil(2.0);

        // From V_reset after the refractory period: V(t) = V∞ + (V_reset − V∞)e^{−t/τ} reaches V_th at
        // t* = τ ln((R I − (V_reset − V_rest)) / (R I − (V_th − V_rest))), so f = 1 / (t_ref + t*).
        double ri = P.Resistance * current;
        double isi = P.RefractoryPeriod + P.TauMembrane * Math.Log((ri - (P.ResetPotential - P.RestingPotential)) / (ri - (P.Threshold - P.RestingPotential)));
        // First spike starts from V_rest instead: t₁ = τ ln(R I / (R I − (V_th − V_rest))).
        double first = P.TauMembrane * Math.Log(ri / (ri - (P.Threshold - P.RestingPotential)));

        var times = sim.SpikeTimes("lif");
        Assert.Equal(1 + (int)Math.Floor((2.0 - first) / isi), times.Length);
        Assert.Equal(first, times[0], 1e-12);
        for (int k = 1; k < times.Length; k++)
            Assert.True(Math.Abs(times[k] - times[k - 1] - isi) < 1e-12, $"ISI {k}: {times[k] - times[k - 1]} vs analytic {isi}");
        double measuredRate = (times.Length - 1) / (times[^1] - times[0]);
        Assert.Equal(1.0 / isi, measuredRate, 1e-9 * measuredRate);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(1.0)] // V∞ = V_th exactly: approached but never reached
    public void NoSpikes_AtOrBelowRheobase(double multipleOfRheobase)
    {
        var (sim, pop) = ConstantCurrent(multipleOfRheobase * Rheobase);
        sim.Scheduler.RunUntil(20.0);
        Assert.Empty(sim.Spikes);
        Assert.True(pop.PotentialAt(0, 20.0) <= P.Threshold);
    }

    [Fact]
    public void JustAboveRheobase_FiresWithLongButFiniteInterval()
    {
        var (sim, _) = ConstantCurrent(1.0001 * Rheobase);
        sim.Scheduler.RunUntil(5.0);
        var times = sim.SpikeTimes("lif");
        double first = P.TauMembrane * Math.Log(1.0001 / 0.0001);
        Assert.NotEmpty(times);
        Assert.Equal(first, times[0], 1e-12);
    }

    [Fact]
    public void RefractoryPeriod_ClampsAtResetAndDropsDeltaInputs()
    {
        var sim = new TestSimulation();
        var pop = sim.Network.AddPopulation("lif", 1, P);
        var input = sim.Network.AddSpikeTimes("in", 1, [(0, 0.010), (0, 0.0105), (0, 0.0130)]);
        sim.Network.Connect(input, pop, new Synapses.DenseSynapticWeights(1, 1, 25e-3)); // 25 mV: one input fires
        sim.Scheduler.RunUntil(0.0105);
        Assert.Equal([0.010], sim.SpikeTimes("lif"));
        Assert.Equal(P.ResetPotential, pop.PotentialAt(0, 0.0115)); // second input fell in the refractory period
        sim.Scheduler.RunUntil(0.05);
        // Third input (after refractoriness) starts from ≈ V_reset + 25 mV > V_th: fires at once.
        Assert.Equal([0.010, 0.0130], sim.SpikeTimes("lif"));
    }
}
