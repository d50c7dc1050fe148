using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// The ρ̄ block of seed 002 Fig. 2.4, one per neuron: a leaky integrator V ← (1 − γ_LI)·V + S(t) (Eq. 2.7, discrete
/// form [S L1178]; V → ρ/γ_LI, Eq. 2.9), a delay-and-subtract d = V(t) − V(t − τ) ≈ (τ/γ_LI)·ρ̇ (Eq. 2.10) and a
/// moving average over N_filt steps (Eq. 2.11) at the block output. History before the sample start is 0
/// (all reset between samples), so the integrator also runs in the free phase, as Alg. 2 requires [S L1329].
/// </summary>
public sealed class RhoBarBlock : IDerivativeEstimator
{
    private readonly double[] _v;
    private readonly double[] _spike;     // this step's spikes as 0/1, for the vector loop
    private readonly double[] _history;   // [slot * size + neuron]: V over the last τ + 1 steps (one contiguous row per step)
    private readonly double[] _diffs;     // [slot * size + neuron]: d over the last N_filt steps
    private readonly double[] _filterSum;
    private readonly bool[] _live;        // per vector of neurons: one of them spiked since the reset (else its state is all +0)
    private readonly int _tau, _nFilt;
    private readonly double _keep;
    private int _step;

    public RhoBarBlock(int size, double leak, int tauSteps, int filterLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tauSteps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(filterLength);
        _tau = tauSteps;
        _nFilt = filterLength;
        _keep = 1 - leak;
        _v = new double[size];
        _spike = new double[size];
        _history = new double[size * (tauSteps + 1)];
        _diffs = new double[size * filterLength];
        _filterSum = new double[size];
        _live = new bool[size / Vector<double>.Count];
    }

    public int Size => _v.Length;

    /// <summary>The integrator's present value V_LI of neuron i.</summary>
    public double Integrator(int i) => _v[i];

    public void Reset()
    {
        Array.Clear(_v);
        Array.Clear(_history);
        Array.Clear(_diffs);
        Array.Clear(_filterSum);
        Array.Clear(_live);
        _step = 0;
    }

    /// <summary>
    /// Makes the present V_LI the delayed value for the next τ steps and empties the filter: the block then reports the
    /// change since now (<see cref="EqSpikeParameters.HoldReferenceAtNudge"/>).
    /// </summary>
    public void HoldReference()
    {
        for (int slot = 0; slot <= _tau; slot++) _v.CopyTo(_history, slot * _v.Length);
        Array.Clear(_diffs);
        Array.Clear(_filterSum);
    }

    public void Step(ReadOnlySpan<bool> spikes)
    {
        for (int i = 0; i < _spike.Length; i++) _spike[i] = Unsafe.BitCast<bool, byte>(spikes[i]);
        Advance();
    }

    public void Step(ReadOnlySpan<bool> spikes, ReadOnlySpan<int> fired)
    {
        Array.Clear(_spike);
        foreach (int i in fired) _spike[i] = 1;
        Advance();
    }

    private void Advance()
    {
        int n = _v.Length, h = _tau + 1, width = Vector<double>.Count;
        // Element-wise IEEE operations in the scalar order (no FMA): the vector loop is bit-identical to a scalar one.
        ref double v = ref MemoryMarshal.GetArrayDataReference(_v);
        ref double spike = ref MemoryMarshal.GetArrayDataReference(_spike);
        ref double now = ref _history[_step % h * n];
        ref double delayed = ref _history[(_step + 1) % h * n];   // V(t − τ); 0 before the sample started
        ref double old = ref _diffs[_step % _nFilt * n];
        ref double sum = ref MemoryMarshal.GetArrayDataReference(_filterSum);
        var keep = new Vector<double>(_keep);
        int i0 = 0;
        for (; i0 <= n - width; i0 += width)
        {
            nuint k = (nuint)i0;
            var s = Vector.LoadUnsafe(ref spike, k);
            // A quiet vector (no spike since the reset) stays at +0 everywhere: V = (1 − γ)·0 + 0, d = 0 − 0.
            ref bool live = ref _live[i0 / width];
            if (!live && !(live = s != Vector<double>.Zero)) continue;
            var vi = keep * Vector.LoadUnsafe(ref v, k) + s;
            vi.StoreUnsafe(ref v, k);
            var d = vi - Vector.LoadUnsafe(ref delayed, k);
            vi.StoreUnsafe(ref now, k);
            (Vector.LoadUnsafe(ref sum, k) + (d - Vector.LoadUnsafe(ref old, k))).StoreUnsafe(ref sum, k);
            d.StoreUnsafe(ref old, k);
        }
        for (int i = i0; i < n; i++)
        {
            double vi = _keep * Unsafe.Add(ref v, i) + Unsafe.Add(ref spike, i);
            Unsafe.Add(ref v, i) = vi;
            double d = vi - Unsafe.Add(ref delayed, i);
            Unsafe.Add(ref now, i) = vi;
            Unsafe.Add(ref sum, i) += d - Unsafe.Add(ref old, i);
            Unsafe.Add(ref old, i) = d;
        }
        _step++;
    }

    public double Value(int i) => _filterSum[i] / _nFilt;

    public void ScaledValues(double scale, Span<double> values)
    {
        var sum = _filterSum.AsSpan();
        var (k, nf) = (new Vector<double>(scale), new Vector<double>((double)_nFilt));
        int i0 = 0;
        for (; i0 <= sum.Length - Vector<double>.Count; i0 += Vector<double>.Count)
            (k * (new Vector<double>(sum[i0..]) / nf)).CopyTo(values[i0..]);
        for (int i = i0; i < sum.Length; i++) values[i] = scale * (sum[i] / _nFilt);
    }
}
