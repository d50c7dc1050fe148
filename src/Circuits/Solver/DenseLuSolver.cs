namespace CircuitNeuro.Circuits.Solver;

/// <summary>
/// Dense LU with row partial pivoting for tiny circuits, where sparse bookkeeping and native calls
/// cost more than the O(n³) arithmetic. Buffers are sized on the first Factor; no allocation after.
/// </summary>
public sealed class DenseLuSolver : ILinearSolver
{
    private int _n = -1;
    private double[] _a = Array.Empty<double>();   // row-major n×n, holds L (unit, below) and U
    private int[] _pivots = Array.Empty<int>();     // row swapped with row k at step k
    private double[] _pivotFloor = Array.Empty<double>();
    private bool _valid;

    /// <summary>A pivot is negligible when |u_kk| ≤ tol · max|column k of A| (same default as KLU).</summary>
    public double PivotTolerance { get; set; } = 1e-13;

    public double ReciprocalCondition { get; private set; } = double.NaN;

    public void Factor(MnaMatrix matrix)
    {
        if (!matrix.IsFrozen) throw new InvalidOperationException("Freeze the matrix before factoring.");
        _valid = false;
        int n = matrix.Size;
        if (n != _n)
        {
            _n = n;
            _a = new double[n * n];
            _pivotFloor = new double[n];
            _pivots = new int[n];
        }
        double[] a = _a, pivotFloor = _pivotFloor;
        Array.Clear(a);
        Array.Clear(pivotFloor);
        double[] v = matrix.Values;
        for (int s = 1; s < matrix.SlotCount; s++)
        {
            int r = matrix.RowOf(s), c = matrix.ColOf(s);
            a[r * n + c] = v[s];
            double m = Math.Abs(v[s]);
            if (m > pivotFloor[c]) pivotFloor[c] = m; // column maximum first …
        }
        for (int k = 0; k < n; k++) pivotFloor[k] *= PivotTolerance; // … then scaled to the negligible-pivot level
        int singular = DenseLu.FactorInPlace(a, n, _pivots, pivotFloor, out double minPiv, out double maxPiv);
        if (singular >= 0)
            throw new SingularMatrixException(singular, $"Matrix is singular: negligible pivot at unknown {singular}.");
        ReciprocalCondition = n == 0 ? 1 : minPiv / maxPiv;
        _valid = true;
    }

    public void Solve(double[] rhs)
    {
        if (!_valid) throw new InvalidOperationException("No valid factorization; call Factor first.");
        if (rhs.Length < _n) throw new ArgumentException($"rhs has {rhs.Length} entries, need {_n}.", nameof(rhs));
        DenseLu.SolveInPlace(_a, _n, _pivots, rhs.AsSpan(0, _n));
    }

    public void Dispose() { }
}
