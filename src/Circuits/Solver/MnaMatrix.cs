namespace CircuitNeuro.Circuits.Solver;

/// <summary>
/// Square sparse matrix of a modified-nodal-analysis system. Devices register the (row, col)
/// positions they stamp once, at setup, and get a slot handle; at every Newton iteration they
/// add into slots. Index -1 is ground: its slot is a trash slot that the solver ignores.
/// The pattern is frozen before the first factorization so the solver can reuse its symbolic
/// analysis for every later refactorization (values change, pattern does not).
/// </summary>
public sealed class MnaMatrix
{
    /// <summary>Slot that absorbs every stamp touching ground.</summary>
    public const int TrashSlot = 0;

    // long.GetHashCode folds row ^ col, which collides for every near-diagonal entry of a large
    // matrix; a multiplicative mix keeps lookups O(1).
    private readonly Dictionary<long, int> _slotOf = new(MixedKeyComparer.Instance);
    private readonly List<int> _rows = new() { -1 };
    private readonly List<int> _cols = new() { -1 };
    private double[] _values = new double[16];

    public MnaMatrix(int size)
    {
        if (size < 0) throw new ArgumentOutOfRangeException(nameof(size));
        Size = size;
        NodeRows = size;
    }

    /// <summary>Rows given at construction (the circuit's nodes); rows added later are branch currents and internal unknowns.</summary>
    public int NodeRows { get; }

    /// <summary>Number of unknowns (rows = columns).</summary>
    public int Size { get; private set; }

    public bool IsFrozen { get; private set; }

    /// <summary>Number of slots including the trash slot.</summary>
    public int SlotCount => _rows.Count;

    /// <summary>Values indexed by slot handle; slot 0 is the trash slot.</summary>
    public double[] Values => _values;

    /// <summary>Adds one unknown (a branch current) and returns its index; only before freezing.</summary>
    public int AddUnknown()
    {
        if (IsFrozen) throw new InvalidOperationException("Matrix pattern is frozen.");
        return Size++;
    }

    /// <summary>Registers position (row, col) and returns its slot. Ground (-1) on either side gives the trash slot.</summary>
    public int Slot(int row, int col)
    {
        if (row < 0 || col < 0) return TrashSlot;
        if (row >= Size || col >= Size) throw new ArgumentOutOfRangeException($"({row},{col}) outside {Size}x{Size}");
        long key = ((long)row << 32) | (uint)col;
        if (_slotOf.TryGetValue(key, out int slot)) return slot;
        if (IsFrozen) throw new InvalidOperationException($"Matrix pattern is frozen; ({row},{col}) was not registered at setup.");
        slot = _rows.Count;
        _rows.Add(row);
        _cols.Add(col);
        _slotOf[key] = slot;
        if (slot >= _values.Length) Array.Resize(ref _values, _values.Length * 2);
        return slot;
    }

    /// <summary>Ends setup: from now on only values change.</summary>
    public void Freeze()
    {
        // Every node row gets a diagonal entry so a floating node shows up as a zero pivot (named
        // in the error) rather than as a structurally singular pattern with no culprit. Branch rows
        // get none: a structural zero on a voltage source's diagonal would let KLU's block-triangular
        // pre-ordering pair the branch row with its own column and merge every grounded source into
        // one big block (a 784-100-10 resistive network stayed a single block of 3,458 unknowns).
        for (int i = 0; i < NodeRows; i++) Slot(i, i);
        Array.Resize(ref _values, _rows.Count);
        IsFrozen = true;
    }

    public void Clear() => Array.Clear(_values);

    public void Add(int slot, double value) => _values[slot] += value;

    public int RowOf(int slot) => _rows[slot];
    public int ColOf(int slot) => _cols[slot];

    /// <summary>residual = b − A·x over the registered slots (ground slots excluded).</summary>
    public void Residual(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> residual)
    {
        b.CopyTo(residual);
        var rows = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rows);
        var cols = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_cols);
        for (int s = 1; s < rows.Length; s++) residual[rows[s]] -= _values[s] * x[cols[s]];
    }

    /// <summary>Value at (row, col), 0 when the position is not in the pattern. For tests and diagnostics.</summary>
    public double this[int row, int col] =>
        _slotOf.TryGetValue(((long)row << 32) | (uint)col, out int s) ? _values[s] : 0.0;
}

internal sealed class MixedKeyComparer : IEqualityComparer<long>
{
    public static readonly MixedKeyComparer Instance = new();
    public bool Equals(long a, long b) => a == b;
    public int GetHashCode(long key)
    {
        ulong h = (ulong)key * 0x9E3779B97F4A7C15UL;
        return (int)(h >> 32) ^ (int)h;
    }
}
