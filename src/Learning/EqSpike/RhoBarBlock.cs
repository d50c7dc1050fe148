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
    private readonly double[] _history;   // [neuron * (tau + 1) + slot]: V over the last τ + 1 steps
    private readonly double[] _diffs;     // [neuron * nFilt + slot]: d over the last N_filt steps
    private readonly double[] _filterSum;
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
        _history = new double[size * (tauSteps + 1)];
        _diffs = new double[size * filterLength];
        _filterSum = new double[size];
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
        _step = 0;
    }

    /// <summary>
    /// Makes the present V_LI the delayed value for the next τ steps and empties the filter: the block then reports the
    /// change since now (<see cref="EqSpikeParameters.HoldReferenceAtNudge"/>).
    /// </summary>
    public void HoldReference()
    {
        int h = _tau + 1;
        for (int i = 0; i < _v.Length; i++) Array.Fill(_history, _v[i], i * h, h);
        Array.Clear(_diffs);
        Array.Clear(_filterSum);
    }

    public void Step(ReadOnlySpan<bool> spikes)
    {
        int h = _tau + 1, slot = _step % h, delayed = (_step + 1) % h, f = _step % _nFilt;
        for (int i = 0; i < _v.Length; i++)
        {
            double v = _keep * _v[i] + (spikes[i] ? 1 : 0);
            _v[i] = v;
            _history[i * h + slot] = v;
            double d = v - _history[i * h + delayed];   // V(t) − V(t − τ); 0 before the sample started
            ref double old = ref _diffs[i * _nFilt + f];
            _filterSum[i] += d - old;
            old = d;
        }
        _step++;
    }

    public double Value(int i) => _filterSum[i] / _nFilt;
}
