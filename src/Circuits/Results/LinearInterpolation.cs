namespace CircuitNeuro.Circuits.Results;

/// <summary>Linear interpolation of y(x) on a monotonic scale (time, or a DC sweep in either direction), by bisection; constant beyond the ends.</summary>
public static class LinearInterpolation
{
    public static double At(IReadOnlyList<double> x, IReadOnlyList<double> y, double at)
    {
        int n = x.Count;
        if (n == 0) throw new InvalidOperationException("empty vector");
        bool ascending = x[n - 1] >= x[0];
        if (ascending ? at <= x[0] : at >= x[0]) return y[0];
        if (ascending ? at >= x[n - 1] : at <= x[n - 1]) return y[n - 1];
        int lo = 0, hi = n - 1; // x[lo] is before at, x[hi] at or past it
        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (ascending ? x[mid] < at : x[mid] > at) lo = mid; else hi = mid;
        }
        if (x[hi] == at || x[hi] == x[lo]) return y[hi];
        return y[lo] + (y[hi] - y[lo]) * (at - x[lo]) / (x[hi] - x[lo]);
    }
}
