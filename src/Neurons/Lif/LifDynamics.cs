using CircuitNeuro.Neurons.Numerics;

namespace CircuitNeuro.Neurons.Lif;

/// <summary>
/// Exact solution of the LIF equations between events (exact integration in the sense of Rotter &amp; Diesmann,
/// Biol. Cybern. 81, 1999; event-driven scheme as in Brette et al., J. Comput. Neurosci. 23, 2007).
/// With V∞ = V_rest + R·I_ext and an exponential synaptic current I_s(t) = I_s0·e^{−t/τ_s}:
///   V(t) = V∞ + (V0 − V∞ − K)·e^{−t/τ_m} + K·e^{−t/τ_s},   K = R·I_s0·τ_s/(τ_s − τ_m).
/// For I_s0 = 0 this is the familiar V(t) = V∞ + (V0 − V∞)·e^{−t/τ_m}.
/// </summary>
public static class LifDynamics
{
    public static double AsymptoticPotential(LifParameters p, in LifNeuronState s) =>
        p.RestingPotential + p.Resistance * s.InputCurrent;

    public static double EffectiveThreshold(LifParameters p, in LifNeuronState s) =>
        p.Threshold + s.HomeostaticOffset + s.Adaptation;

    /// <summary>Moves the state forward to <paramref name="time"/> (≥ LastUpdate), honouring the refractory clamp.</summary>
    public static void Advance(LifParameters p, ref LifNeuronState s, double time)
    {
        double t0 = s.LastUpdate;
        if (!(time > t0)) return;
        if (t0 < s.RefractoryUntil)
        {
            // While refractory V is held at reset; currents and adaptation keep relaxing.
            double until = System.Math.Min(time, s.RefractoryUntil);
            DecayAuxiliary(p, ref s, until - t0);
            s.Potential = p.ResetPotential;
            t0 = until;
        }
        if (time > t0)
        {
            double dt = time - t0;
            s.Potential = MembraneAfter(p, s.Potential, s.SynapticCurrent, AsymptoticPotential(p, s), dt);
            DecayAuxiliary(p, ref s, dt);
        }
        s.LastUpdate = time;
    }

    /// <summary>V after <paramref name="dt"/> of free evolution (not refractory) from <paramref name="v0"/>.</summary>
    public static double MembraneAfter(LifParameters p, double v0, double synapticCurrent, double vInfinity, double dt)
    {
        double membraneDecay = System.Math.Exp(-dt / p.TauMembrane);
        double v = vInfinity + (v0 - vInfinity) * membraneDecay;
        if (synapticCurrent != 0)
        {
            double k = SynapticAmplitude(p, synapticCurrent);
            v += k * (System.Math.Exp(-dt / p.TauSynapse) - membraneDecay);
        }
        return v;
    }

    /// <summary>Membrane potential at <paramref name="time"/> without changing the stored state.</summary>
    public static double PotentialAt(LifParameters p, LifNeuronState s, double time)
    {
        Advance(p, ref s, time);
        return s.Potential;
    }

    /// <summary>
    /// Time of the next threshold crossing assuming no further input, or +∞. Solves
    /// V(t) − Θ(t) = 0 with Θ(t) = V_th + θ_h + a·e^{−t/τ_a}; for constant current and no synaptic or
    /// adaptation terms this reduces to t* = τ_m·ln((V0 − V∞)/(V_th − V∞)) (requires V∞ &gt; V_th).
    /// </summary>
    public static double NextThresholdCrossing(LifParameters p, LifNeuronState s)
    {
        double start = System.Math.Max(s.LastUpdate, s.RefractoryUntil);
        Advance(p, ref s, start);
        double vInfinity = AsymptoticPotential(p, s);
        double threshold = p.Threshold + s.HomeostaticOffset;
        double k = s.SynapticCurrent != 0 ? SynapticAmplitude(p, s.SynapticCurrent) : 0;

        Span<double> coefficients = [s.Potential - vInfinity - k, k, -s.Adaptation];
        Span<double> rates = [1.0 / p.TauMembrane, p.HasExponentialSynapses ? 1.0 / p.TauSynapse : 1.0, p.HasAdaptation ? 1.0 / p.TauAdaptation : 1.0];
        double constant = vInfinity - threshold;
        if (constant + coefficients[0] + coefficients[1] + coefficients[2] >= 0) return start; // already at threshold
        double delay = ExponentialSum.FirstUpCrossing(constant, coefficients, rates);
        return start + delay;
    }

    private static double SynapticAmplitude(LifParameters p, double synapticCurrent) =>
        p.Resistance * synapticCurrent * p.TauSynapse / (p.TauSynapse - p.TauMembrane);

    private static void DecayAuxiliary(LifParameters p, ref LifNeuronState s, double dt)
    {
        if (s.SynapticCurrent != 0) s.SynapticCurrent *= System.Math.Exp(-dt / p.TauSynapse);
        if (s.Adaptation != 0) s.Adaptation *= System.Math.Exp(-dt / p.TauAdaptation);
    }
}
