namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// In-place LU with partial pivoting of a small dense row-major matrix (Golub &amp; Van Loan, Alg. 3.4.1),
/// the row updates vectorised; for the ~100–150 unknowns of the layered EP equilibrium.
/// </summary>
internal static class DenseLu
{
    public static void FactorInPlace(Span<double> a, int n, Span<int> pivots)
    {
        for (int k = 0; k < n; k++)
        {
            int pivot = k;
            double best = Math.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Math.Abs(a[i * n + k]);
                if (v > best) { best = v; pivot = i; }
            }
            if (!(best > 0)) throw new InvalidOperationException($"layered EP equilibrium: singular Jacobian at column {k} (a node without any conductance?)");
            pivots[k] = pivot;
            if (pivot != k)
                for (int j = 0; j < n; j++) (a[k * n + j], a[pivot * n + j]) = (a[pivot * n + j], a[k * n + j]);
            double inverse = 1 / a[k * n + k];
            var pivotRow = a.Slice(k * n + k + 1, n - k - 1);
            for (int i = k + 1; i < n; i++)
            {
                double l = a[i * n + k] * inverse;
                a[i * n + k] = l;
                if (l != 0) VectorKernels.AddScaled(a.Slice(i * n + k + 1, n - k - 1), pivotRow, -l);
            }
        }
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
}
