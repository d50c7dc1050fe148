using System.Numerics;
using System.Runtime.InteropServices;

namespace CircuitNeuro.Circuits.Solver;

/// <summary>
/// In-place LU with row partial pivoting of a small dense row-major matrix (Golub &amp; Van Loan, Alg. 3.4.1), row
/// updates vectorised, no allocation. Shared by <see cref="DenseLuSolver"/> (tiny circuits) and the layered
/// resistive-EP equilibrium (its ~100–150-unknown Newton systems).
/// </summary>
public static class DenseLu
{
    /// <summary>
    /// Factors <paramref name="a"/> (n×n) into unit-lower L and U in place; <paramref name="pivots"/>[k] is the row swapped
    /// with row k at step k. A pivot is negligible when its magnitude is not above <paramref name="pivotFloor"/>[k]
    /// (this also catches zero columns and NaN). Returns the column of the first negligible pivot, or −1 on success,
    /// with the smallest and largest pivot magnitudes (their ratio estimates the reciprocal condition).
    /// </summary>
    public static int FactorInPlace(Span<double> a, int n, Span<int> pivots, ReadOnlySpan<double> pivotFloor,
        out double minPivot, out double maxPivot)
    {
        minPivot = double.PositiveInfinity;
        maxPivot = 0;
        for (int k = 0; k < n; k++)
        {
            int pivot = k;
            double best = Math.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Math.Abs(a[i * n + k]);
                if (v > best) { best = v; pivot = i; }
            }
            if (!(best > pivotFloor[k])) return k;
            minPivot = Math.Min(minPivot, best);
            maxPivot = Math.Max(maxPivot, best);
            pivots[k] = pivot;
            if (pivot != k)
                for (int j = 0; j < n; j++) (a[k * n + j], a[pivot * n + j]) = (a[pivot * n + j], a[k * n + j]);
            double inverse = 1 / a[k * n + k];
            var pivotRow = a.Slice(k * n + k + 1, n - k - 1);
            for (int i = k + 1; i < n; i++)
            {
                double l = a[i * n + k] * inverse;
                a[i * n + k] = l;
                if (l != 0) SubtractScaled(a.Slice(i * n + k + 1, n - k - 1), pivotRow, l);
            }
        }
        return -1;
    }

    /// <summary>Solves A·x = b with the factors of <see cref="FactorInPlace"/>; b is overwritten by x.</summary>
    public static void SolveInPlace(ReadOnlySpan<double> lu, int n, ReadOnlySpan<int> pivots, Span<double> b)
    {
        for (int k = 0; k < n; k++)
        {
            if (pivots[k] != k) (b[k], b[pivots[k]]) = (b[pivots[k]], b[k]);
            double s = b[k];
            for (int j = 0; j < k; j++) s -= lu[k * n + j] * b[j];
            b[k] = s;
        }
        for (int k = n - 1; k >= 0; k--)
        {
            double s = b[k];
            for (int j = k + 1; j < n; j++) s -= lu[k * n + j] * b[j];
            b[k] = s / lu[k * n + k];
        }
    }

    /// <summary>y −= l·x.</summary>
    private static void SubtractScaled(Span<double> y, ReadOnlySpan<double> x, double l)
    {
        int n = y.Length, k = 0, w = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && n >= w)
        {
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
            var vl = new Vector<double>(l);
            for (int v = 0; v < vy.Length; v++) vy[v] -= vl * vx[v];
            k = vy.Length * w;
        }
        for (; k < n; k++) y[k] -= l * x[k];
    }
}
