using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Model;

namespace CircuitNeuro.Learning.Ising.Sampling;

/// <summary>
/// Metropolis simulated annealing (seed Alg. 2, L1250; notes §1.9) on a CSR copy of the model. Sequential sweeps
/// over spins; each spin keeps its local field f_i = h_i + Σ J_ij σ_j, updated incrementally on every accepted flip,
/// so a proposal costs O(1) and a flip O(degree). No allocation inside sweeps. Each read uses its own xoshiro256**
/// seeded from the caller's <see cref="RandomStream"/>, so results are bit-for-bit reproducible.
/// Acceptance of an uphill move, u ≤ e^{−βΔE} with u uniform on (0, 1], is decided without an exponential in all but
/// ~1/2048 of the cases: the top 11 bits b of u bracket −ln u in [−ln((b+1)/K), −ln(b/K)) (a β-independent table,
/// K = 2048), so βΔE below the bracket accepts and above it rejects; only inside it is e^{−βΔE} evaluated. The
/// decisions are those of the direct comparison (except probabilities below 2^−32, rounded to 0). Measured with
/// `circuitneuro ising bench`: see the README.
/// </summary>
public sealed class SimulatedAnnealingSampler
{
    // βΔE ≥ 32 ln 2: acceptance probability < 2^−32 ≈ 2.3e−10 is rounded to 0, which saves the random draw for most
    // uphill proposals in the cold half of a schedule (the error is far below any sampling noise).
    private const double RejectBeyond = 22.18;
    private const double TwoPow53Inverse = 1.0 / (1UL << 53);

    private readonly CsrIsing _csr;
    private readonly double[] _fields;
    private readonly sbyte[] _spins;

    public SimulatedAnnealingSampler(IsingModel model) : this(model.ToCsr()) { }

    public SimulatedAnnealingSampler(CsrIsing csr)
    {
        _csr = csr;
        _fields = new double[csr.SpinCount];
        _spins = new sbyte[csr.SpinCount];
    }

    public int SpinCount => _csr.SpinCount;

    /// <summary>Total spin-update proposals made so far (reads × sweeps × spins).</summary>
    public long SpinUpdates { get; private set; }

    /// <summary>Forward anneal: every read starts from an independent uniformly random state.</summary>
    public SampleSet Anneal(BetaSchedule schedule, int reads, RandomStream random) => Run(schedule, reads, random, null);

    /// <summary>
    /// Reverse anneal (seed Sec. 5.3.1 RQA, L2569–2598, used for the nudge): every read starts from
    /// <paramref name="initialState"/> and follows <paramref name="schedule"/> (typically <see cref="BetaSchedule.Reverse"/>).
    /// </summary>
    public SampleSet ReverseAnneal(ReadOnlySpan<sbyte> initialState, BetaSchedule schedule, int reads, RandomStream random)
    {
        if (initialState.Length != SpinCount) throw new ArgumentException($"Initial state has {initialState.Length} spins, model {SpinCount}.");
        foreach (sbyte s in initialState) if (s != 1 && s != -1) throw new ArgumentException("Spins must be ±1.");
        return Run(schedule, reads, random, initialState.ToArray());
    }

    private SampleSet Run(BetaSchedule schedule, int reads, RandomStream random, sbyte[]? initial)
    {
        if (reads < 1) throw new ArgumentOutOfRangeException(nameof(reads));
        int n = SpinCount;
        var states = new sbyte[reads * n];
        var energies = new double[reads];
        for (int r = 0; r < reads; r++)
        {
            var rng = new Xoshiro256StarStar(random.NextUInt64());
            if (initial is null)
                for (int i = 0; i < n; i++) _spins[i] = (rng.NextUInt64() >> 63) == 0 ? (sbyte)-1 : (sbyte)1;
            else initial.CopyTo(_spins, 0);
            _csr.LocalFields(_spins, _fields);
            Sweeps(schedule.Betas, ref rng);
            _spins.CopyTo(states, r * n);
            energies[r] = _csr.Energy(_spins);
        }
        SpinUpdates += (long)reads * schedule.Sweeps * n;
        return new SampleSet(n, states, energies);
    }

    private const int LogBinBits = 11;
    // NegLogBin[b] = −ln(b / K), K = 2^LogBinBits, NegLogBin[0] = +∞, NegLogBin[K] = 0: −ln u of a u in bin b lies in
    // [NegLogBin[b + 1], NegLogBin[b]).
    private static readonly double[] NegLogBin = BuildNegLogBins();

    private static double[] BuildNegLogBins()
    {
        int k = 1 << LogBinBits;
        var t = new double[k + 1];
        t[0] = double.PositiveInfinity;
        for (int b = 1; b <= k; b++) t[b] = -Math.Log(b / (double)k);
        return t;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Sweeps(double[] betas, ref Xoshiro256StarStar rng)
    {
        int n = _csr.SpinCount;
        ref double field0 = ref MemoryMarshal.GetArrayDataReference(_fields);
        ref sbyte spin0 = ref MemoryMarshal.GetArrayDataReference(_spins);
        ref int row0 = ref MemoryMarshal.GetArrayDataReference(_csr.RowStart);
        ref int col0 = ref MemoryMarshal.GetArrayDataReference(_csr.Columns);
        ref double w0 = ref MemoryMarshal.GetArrayDataReference(_csr.Weights);
        ref double log0 = ref MemoryMarshal.GetArrayDataReference(NegLogBin);
        var g = rng; // local copy (NextUInt64 is inlined): the generator state stays in registers
        foreach (double beta in betas)
        {
            double limit = beta > 0 ? RejectBeyond / beta : double.PositiveInfinity;
            for (int i = 0; i < n; i++)
            {
                double s = Unsafe.Add(ref spin0, i);
                double dE = -2.0 * s * Unsafe.Add(ref field0, i);
                if (dE > 0)
                {
                    if (dE >= limit) continue;
                    double bdE = beta * dE;
                    ulong r = g.NextUInt64() >> 11; // u = (r + 1)·2^−53 ∈ (0, 1]
                    int b = (int)(r >> (53 - LogBinBits));
                    if (bdE > Unsafe.Add(ref log0, b + 1))
                    {
                        if (bdE >= Unsafe.Add(ref log0, b)) continue;
                        if ((r + 1) * TwoPow53Inverse > FastExp.NegativeRange(-bdE)) continue;
                    }
                }
                Unsafe.Add(ref spin0, i) = (sbyte)(-s);
                double twoS = -2.0 * s;
                int end = Unsafe.Add(ref row0, i + 1);
                for (int p = Unsafe.Add(ref row0, i); p < end; p++)
                    Unsafe.Add(ref field0, Unsafe.Add(ref col0, p)) += twoS * Unsafe.Add(ref w0, p);
            }
        }
        rng = g;
    }
}
