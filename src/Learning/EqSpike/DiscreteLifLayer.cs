using System.Numerics;
using System.Runtime.InteropServices;

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
    public void Step(int step, ReadOnlySpan<double> current, Span<bool> spikes) => Step(step, current, spikes, []);

    /// <summary>One step; also lists the spiking neurons (ascending) in <paramref name="fired"/> (if not empty) and returns their number.</summary>
    public int Step(int step, ReadOnlySpan<double> current, Span<bool> spikes, Span<int> fired)
    {
        // u ← (1 − γ)u + αI as element-wise IEEE operations (vectorised, no FMA: bit-identical to the scalar form), then the
        // floor, threshold and refractory test per neuron. A vector of neurons at u = +0 without current stays at +0 (α > 0,
        // floor ≤ 0 < threshold: unstimulated inputs), and a vector below threshold without a floor cannot fire: both skip
        // the per-neuron test.
        ref double u = ref MemoryMarshal.GetArrayDataReference(_u);
        ref double gain = ref MemoryMarshal.GetArrayDataReference(Gain);
        ref double cur = ref MemoryMarshal.GetReference(current);
        double keep = 1 - Leak;
        int n = _u.Length, count = 0, vec = Vector<double>.Count;
        if (current.Length < n) throw new ArgumentException($"current has {current.Length} values, the layer {n} neurons");
        var (k, threshold) = (new Vector<double>(keep), new Vector<double>(Threshold));
        bool floored = !double.IsNegativeInfinity(Floor);
        int i0 = 0;
        for (; i0 <= n - vec; i0 += vec)
        {
            nuint j = (nuint)i0;
            var ui = Vector.LoadUnsafe(ref u, j);
            var ci = Vector.LoadUnsafe(ref cur, j);
            if (Vector.AsVectorInt64(ui) == Vector<long>.Zero && Vector.AsVectorInt64(ci) == Vector<long>.Zero)
            {
                ClearVector(spikes, i0);
                continue;
            }
            ui = k * ui + Vector.LoadUnsafe(ref gain, j) * ci;
            ui.StoreUnsafe(ref u, j);
            if (!floored && !Vector.GreaterThanAny(ui, threshold))
            {
                ClearVector(spikes, i0);
                continue;
            }
            for (int i = i0; i < i0 + vec; i++) count += Fire(i, step, spikes, fired, count);
        }
        for (int i = i0; i < n; i++)
        {
            _u[i] = keep * _u[i] + Gain[i] * current[i];
            count += Fire(i, step, spikes, fired, count);
        }
        return count;
    }

    private static void ClearVector(Span<bool> spikes, int i)
    {
        for (int j = i; j < i + Vector<double>.Count; j++) spikes[j] = false;
    }

    /// <summary>Floor, threshold, reset by subtraction and refractory test of neuron i; 1 if it fires (listed at fired[count]).</summary>
    private int Fire(int i, int step, Span<bool> spikes, Span<int> fired, int count)
    {
        double v = Math.Max(Floor, _u[i]);   // −∞: the unbounded Eq. 2.5
        bool fire = v > Threshold && step - _lastSpike[i] >= EqSpikeParameters.StepsPerRefract;
        spikes[i] = fire;
        if (!fire)
        {
            _u[i] = v;
            return 0;
        }
        _u[i] = v - Threshold;
        _lastSpike[i] = step;
        if (!fired.IsEmpty) fired[count] = i;
        return 1;
    }
}
