namespace CircuitNeuro.Learning.Ising.Model;

/// <summary>
/// Ising problem in the seed's (D-Wave) sign convention, Eq. 2.9 / Eq. 5.3:
/// E(σ) = Σ_{i&lt;j} J_ij σ_i σ_j + Σ_i h_i σ_i, σ ∈ {−1, +1}, minimised. J &gt; 0 is antiferromagnetic,
/// J &lt; 0 ferromagnetic (chains use negative J). Each unordered pair is stored once.
/// </summary>
public sealed class IsingModel
{
    private readonly Dictionary<(int, int), int> _slot = new();
    private readonly List<(int I, int J)> _pairs = new();
    private readonly List<double> _values = new();

    public IsingModel(int spinCount)
    {
        if (spinCount < 0) throw new ArgumentOutOfRangeException(nameof(spinCount));
        SpinCount = spinCount;
        H = new double[spinCount];
    }

    public int SpinCount { get; }

    /// <summary>Local fields h_i (writable in place).</summary>
    public double[] H { get; }

    public int CouplingCount => _pairs.Count;

    /// <summary>Couplings in insertion order (deterministic).</summary>
    public IEnumerable<(int I, int J, double Value)> Couplings
    {
        get { for (int s = 0; s < _pairs.Count; s++) yield return (_pairs[s].I, _pairs[s].J, _values[s]); }
    }

    public double GetCoupling(int i, int j) => _slot.TryGetValue(Key(i, j), out int s) ? _values[s] : 0.0;

    public void SetCoupling(int i, int j, double value) => _values[SlotOf(i, j)] = value;

    public void AddCoupling(int i, int j, double value) => _values[SlotOf(i, j)] += value;

    /// <summary>Energy of a ±1 configuration.</summary>
    public double Energy(ReadOnlySpan<sbyte> spins)
    {
        if (spins.Length != SpinCount) throw new ArgumentException($"Expected {SpinCount} spins, got {spins.Length}.");
        double e = 0;
        for (int i = 0; i < SpinCount; i++) e += H[i] * spins[i];
        for (int s = 0; s < _pairs.Count; s++) e += _values[s] * spins[_pairs[s].I] * spins[_pairs[s].J];
        return e;
    }

    public double MaxAbsCoupling() => _values.Count == 0 ? 0 : _values.Max(Math.Abs);

    /// <summary>Compressed sparse rows (both directions) for samplers; zero couplings are kept (structure is fixed).</summary>
    public CsrIsing ToCsr()
    {
        var degree = new int[SpinCount + 1];
        foreach (var (i, j) in _pairs) { degree[i + 1]++; degree[j + 1]++; }
        for (int i = 0; i < SpinCount; i++) degree[i + 1] += degree[i];
        var fill = (int[])degree.Clone();
        var cols = new int[degree[SpinCount]];
        var w = new double[degree[SpinCount]];
        for (int s = 0; s < _pairs.Count; s++)
        {
            var (i, j) = _pairs[s];
            cols[fill[i]] = j; w[fill[i]++] = _values[s];
            cols[fill[j]] = i; w[fill[j]++] = _values[s];
        }
        return new CsrIsing(SpinCount, (double[])H.Clone(), degree, cols, w);
    }

    public IsingModel Clone()
    {
        var c = new IsingModel(SpinCount);
        H.CopyTo(c.H, 0);
        foreach (var (i, j, v) in Couplings) c.SetCoupling(i, j, v);
        return c;
    }

    private int SlotOf(int i, int j)
    {
        var key = Key(i, j);
        if (_slot.TryGetValue(key, out int s)) return s;
        _slot.Add(key, _pairs.Count);
        _pairs.Add(key);
        _values.Add(0.0);
        return _pairs.Count - 1;
    }

    private (int, int) Key(int i, int j)
    {
        if (i == j) throw new ArgumentException($"Self-coupling on spin {i}.");
        if ((uint)i >= SpinCount || (uint)j >= SpinCount) throw new ArgumentOutOfRangeException(nameof(i), $"Spin pair ({i},{j}) outside 0..{SpinCount - 1}.");
        return i < j ? (i, j) : (j, i);
    }
}

/// <summary>Immutable CSR form of an <see cref="IsingModel"/>: row i's neighbours are Columns[RowStart[i]..RowStart[i+1]).</summary>
public sealed record CsrIsing(int SpinCount, double[] H, int[] RowStart, int[] Columns, double[] Weights)
{
    /// <summary>Local field f_i = h_i + Σ_j J_ij σ_j; flipping σ_i changes E by −2 σ_i f_i.</summary>
    public void LocalFields(ReadOnlySpan<sbyte> spins, Span<double> fields)
    {
        for (int i = 0; i < SpinCount; i++)
        {
            double f = H[i];
            for (int p = RowStart[i]; p < RowStart[i + 1]; p++) f += Weights[p] * spins[Columns[p]];
            fields[i] = f;
        }
    }

    /// <summary>E = ½ Σ σ_i (f_i + h_i), exact given consistent fields.</summary>
    public double Energy(ReadOnlySpan<sbyte> spins)
    {
        double e = 0;
        for (int i = 0; i < SpinCount; i++)
        {
            double f = 0;
            for (int p = RowStart[i]; p < RowStart[i + 1]; p++) f += Weights[p] * spins[Columns[p]];
            e += spins[i] * (H[i] + 0.5 * f);
        }
        return e;
    }
}
