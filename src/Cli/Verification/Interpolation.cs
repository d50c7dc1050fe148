namespace CircuitNeuro.Cli.Verification;

/// <summary>Linear interpolation on a sampled waveform, with an estimate of its own error.</summary>
public static class Interpolation
{
    /// <summary>
    /// Value at <paramref name="t"/> by linear interpolation between the bracketing samples, and an
    /// error estimate: how far the parabola through the bracket and one neighbour departs from the
    /// chord at t, i.e. (t−x0)(t−x1)·y[x0,x1,x2]. Both neighbours are tried and the smaller is kept,
    /// because a corner (source breakpoint, switch event) on one side is not curvature.
    /// </summary>
    public static (double Value, double ErrorEstimate) Linear(IReadOnlyList<double> x, IReadOnlyList<double> y, double t)
    {
        int n = x.Count;
        if (n == 0) throw new ArgumentException("empty waveform");
        if (n == 1 || t <= x[0]) return (y[0], 0);
        if (t >= x[n - 1]) return (y[n - 1], 0);
        int lo = 0, hi = n - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (x[mid] <= t) lo = mid; else hi = mid;
        }
        double x0 = x[lo], x1 = x[hi];
        if (x1 == x0) return (y[hi], 0);
        double value = y[lo] + (y[hi] - y[lo]) * (t - x0) / (x1 - x0);
        if (t == x0) return (value, 0);
        double left = lo > 0 ? ParabolaMinusChord(x, y, lo, hi, lo - 1, t) : double.PositiveInfinity;
        double right = hi < n - 1 ? ParabolaMinusChord(x, y, lo, hi, hi + 1, t) : double.PositiveInfinity;
        double estimate = Math.Min(left, right);
        return (value, double.IsInfinity(estimate) ? 0 : estimate);
    }

    /// <summary>|(t−x_lo)(t−x_hi)·y[x_lo, x_hi, x_k]|: parabola through the bracket and sample k, minus the chord.</summary>
    private static double ParabolaMinusChord(IReadOnlyList<double> x, IReadOnlyList<double> y, int lo, int hi, int k, double t)
    {
        double slope = (y[hi] - y[lo]) / (x[hi] - x[lo]);
        double slopeToK = (y[k] - y[hi]) / (x[k] - x[hi]);
        double secondDivided = (slopeToK - slope) / (x[k] - x[lo]);
        return double.IsFinite(secondDivided) ? Math.Abs((t - x[lo]) * (t - x[hi]) * secondDivided) : double.PositiveInfinity;
    }
}
