namespace CircuitNeuro.Circuits.Solver;

/// <summary>
/// Dense LU with row partial pivoting for tiny circuits, where sparse bookkeeping and native calls
/// cost more than the O(n³) arithmetic. Buffers are sized on the first Factor; no allocation after.
/// </summary>
public sealed class DenseLuSolver : ILinearSolver
{
    private int _n = -1;
    private double[] _a = Array.Empty<double>();   // row-major n×n, holds L (unit, below) and U
    private double[] _colMax = Array.Empty<double>();
    private int[] _perm = Array.Empty<int>();       // _perm[k] = original row in position k
    private double[] _y = Array.Empty<double>();
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
            _colMax = new double[n];
            _perm = new int[n];
            _y = new double[n];
        }
        double[] a = _a, colMax = _colMax;
        Array.Clear(a);
        Array.Clear(colMax);
        double[] v = matrix.Values;
        for (int s = 1; s < matrix.SlotCount; s++)
        {
            int r = matrix.RowOf(s), c = matrix.ColOf(s);
            a[r * n + c] = v[s];
            double m = Math.Abs(v[s]);
            if (m > colMax[c]) colMax[c] = m;
        }
        for (int i = 0; i < n; i++) _perm[i] = i;

        double minPiv = double.PositiveInfinity, maxPiv = 0;
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double best = Math.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double m = Math.Abs(a[i * n + k]);
                if (m > best) { best = m; p = i; }
            }
            if (!(best > PivotTolerance * colMax[k])) // also catches zero columns and NaN
                throw new SingularMatrixException(k, $"Matrix is singular: negligible pivot at unknown {k}.");
            if (p != k) SwapRows(k, p);
            minPiv = Math.Min(minPiv, best);
            maxPiv = Math.Max(maxPiv, best);

            double inv = 1.0 / a[k * n + k];
            for (int i = k + 1; i < n; i++)
            {
                int ri = i * n;
                double l = a[ri + k];
                if (l == 0) continue;
                l *= inv;
                a[ri + k] = l;
                int rk = k * n;
                for (int j = k + 1; j < n; j++) a[ri + j] -= l * a[rk + j];
            }
        }
        ReciprocalCondition = n == 0 ? 1 : minPiv / maxPiv;
        _valid = true;
    }

    public void Solve(double[] rhs)
    {
        if (!_valid) throw new InvalidOperationException("No valid factorization; call Factor first.");
        int n = _n;
        if (rhs.Length < n) throw new ArgumentException($"rhs has {rhs.Length} entries, need {n}.", nameof(rhs));
        double[] a = _a, y = _y;
        for (int i = 0; i < n; i++)
        {
            double s = rhs[_perm[i]];
            int ri = i * n;
            for (int j = 0; j < i; j++) s -= a[ri + j] * y[j];
            y[i] = s;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = y[i];
            int ri = i * n;
            for (int j = i + 1; j < n; j++) s -= a[ri + j] * y[j];
            y[i] = s / a[ri + i];
        }
        Array.Copy(y, rhs, n);
    }

    public void Dispose() { }

    private void SwapRows(int k, int p)
    {
        int n = _n;
        Span<double> rk = _a.AsSpan(k * n, n), rp = _a.AsSpan(p * n, n);
        for (int j = 0; j < n; j++) (rk[j], rp[j]) = (rp[j], rk[j]);
        (_perm[k], _perm[p]) = (_perm[p], _perm[k]);
    }
}
