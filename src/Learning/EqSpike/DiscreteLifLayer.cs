using System.Numerics;

namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// The seed's dimensionless, clock-driven LIF (seed 002 Eq. 2.5 [S L1058], Alg. 2 [S L1286]): per step
/// u ← (1 − γ_LIF)·u + α·I, a spike when u &gt; u_th and the neuron is not refractory, then reset by subtraction
/// u ← u − u_th [S L1054]; refractory for T_refract = 2 dt [S L1062], so the rate saturates at f_max = 0.5/step.
/// The discretisation of Eq. 2.5 is not printed; this one matches the integrator's (Eq. 2.7, [S L1178]) [D].
/// It is not <c>Neurons.Lif.LifPopulation</c>: that one is continuous-time with exact spike times and reset to rest.
/// α is the per-neuron gain of the variability study g(x) = f(αx) [S L1876].
/// </summary>
public sealed class DiscreteLifLayer
{
    private readonly double[] _u;
    private readonly int[] _lastSpike;

    public DiscreteLifLayer(int size, double leak, double threshold, double floor = double.NegativeInfinity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _u = new double[size];
        _lastSpike = new int[size];
        Gain = Enumerable.Repeat(1.0, size).ToArray();
        Leak = leak;
        Threshold = threshold;
        Floor = floor;
        Reset();
    }

    public int Size => _u.Length;
    public double Leak { get; }
    public double Threshold { get; }
    /// <summary>Lowest membrane potential (−∞: the seed's unbounded Eq. 2.5; a capacitor neuron stops at its rail [D]).</summary>
    public double Floor { get; }
    /// <summary>α per neuron (1 = nominal).</summary>
    public double[] Gain { get; }
    public ReadOnlySpan<double> Potentials => _u;

    /// <summary>Membrane potentials to 0, no refractory neuron (between samples [S L1335]).</summary>
    public void Reset()
    {
        Array.Clear(_u);
        Array.Fill(_lastSpike, int.MinValue / 2);
    }

    /// <summary>Adds to u directly (the nudge u_o ← u_o − β∇e_o of Alg. 2).</summary>
    public void Add(int i, double du) => _u[i] += du;

    /// <summary>One step at step index <paramref name="step"/>; spiking neurons get spikes[i] = true.</summary>
    public void Step(int step, ReadOnlySpan<double> current, Span<bool> spikes)
    {
        // u ← (1 − γ)u + αI as element-wise IEEE operations (vectorised, no FMA: bit-identical to the scalar form), then
        // the floor, threshold and refractory test per neuron.
        var u = _u.AsSpan();
        var gain = Gain.AsSpan();
        double keep = 1 - Leak;
        var k = new Vector<double>(keep);
        int i0 = 0;
        for (; i0 <= u.Length - Vector<double>.Count; i0 += Vector<double>.Count)
            (k * new Vector<double>(u[i0..]) + new Vector<double>(gain[i0..]) * new Vector<double>(current[i0..])).CopyTo(u[i0..]);
        for (int i = i0; i < u.Length; i++) u[i] = keep * u[i] + gain[i] * current[i];
        bool floored = !double.IsNegativeInfinity(Floor);
        var threshold = new Vector<double>(Threshold);
        for (int i = 0; i < u.Length; i++)
        {
            // Most neurons are below threshold: a whole vector of them is skipped (without a floor nothing changes).
            if (!floored && i % Vector<double>.Count == 0 && i <= u.Length - Vector<double>.Count && !Vector.GreaterThanAny(new Vector<double>(u[i..]), threshold))
            {
                spikes.Slice(i, Vector<double>.Count).Clear();
                i += Vector<double>.Count - 1;
                continue;
            }
            double ui = floored ? Math.Max(Floor, u[i]) : u[i];
            bool fire = ui > Threshold && step - _lastSpike[i] >= EqSpikeParameters.StepsPerRefract;
            if (fire)
            {
                ui -= Threshold;
                _lastSpike[i] = step;
            }
            u[i] = ui;
            spikes[i] = fire;
        }
    }
}
