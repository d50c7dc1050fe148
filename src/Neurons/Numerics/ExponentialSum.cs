namespace CircuitNeuro.Neurons.Numerics;

/// <summary>
/// Roots of f(t) = c₀ + Σ cₖ·e^{−rₖ t} with rₖ &gt; 0. Such a sum with n exponentials has at most n real
/// roots (generalized Descartes rule), and multiplying f′ by e^{r_min t} gives a sum of the same form
/// with n−1 exponentials, so critical points are found recursively; between consecutive critical points
/// f is monotone and bisection is safe. This makes threshold crossings exact (to rounding) even with
/// synaptic currents and an adaptive threshold, without time stepping.
/// </summary>
public static class ExponentialSum
{
    private const int MaxTerms = 8;

    public static double Evaluate(double constant, ReadOnlySpan<double> coefficients, ReadOnlySpan<double> rates, double t)
    {
        double sum = constant;
        for (int k = 0; k < coefficients.Length; k++) sum += coefficients[k] * System.Math.Exp(-rates[k] * t);
        return sum;
    }

    /// <summary>
    /// Smallest t &gt; 0 with f(t) ≥ 0, given f(0) &lt; 0; +∞ if f stays negative. Returned as the upper end of
    /// the final bisection bracket, so f(result) ≥ 0 as evaluated.
    /// </summary>
    public static double FirstUpCrossing(double constant, ReadOnlySpan<double> coefficients, ReadOnlySpan<double> rates)
    {
        Span<double> c = stackalloc double[MaxTerms];
        Span<double> r = stackalloc double[MaxTerms];
        int n = Normalize(coefficients, rates, c, r);
        c = c[..n]; r = r[..n];

        if (n == 0) return constant >= 0 ? 0 : double.PositiveInfinity;
        if (n == 1) return SingleTermRoot(constant, c[0], r[0]);

        double minRate = double.PositiveInfinity;
        foreach (double rate in r) minRate = System.Math.Min(minRate, rate);
        double horizon = 40.0 / minRate; // beyond this every term is below e^{-40} of its size
        Span<double> breakpoints = stackalloc double[MaxTerms + 1];
        int count = CriticalPoints(c, r, horizon, breakpoints);
        breakpoints[count++] = horizon;

        double a = 0;
        double fa = Evaluate(constant, c, r, 0);
        if (fa >= 0) return 0;
        for (int i = 0; i < count; i++)
        {
            double b = breakpoints[i];
            if (b <= a) continue;
            double fb = Evaluate(constant, c, r, b);
            if (fb >= 0) return Bisect(constant, c, r, a, b);
            a = b;
        }
        // Past the horizon f is c₀ plus negligible terms; if c₀ > 0 it still crosses: walk out and bisect.
        if (constant <= 0) return double.PositiveInfinity;
        for (int doubling = 0; doubling < 64; doubling++)
        {
            double b = a * 2;
            if (Evaluate(constant, c, r, b) >= 0) return Bisect(constant, c, r, a, b);
            a = b;
        }
        return double.PositiveInfinity;
    }

    // c0 + c1·e^{−r t} = 0  ⇒  t = ln(−c1/c0)/r
    private static double SingleTermRoot(double c0, double c1, double rate)
    {
        if (c0 + c1 >= 0) return 0;
        if (c0 <= 0) return double.PositiveInfinity; // f rises at most to c0 ≤ 0 (or falls)
        double t = System.Math.Log(-c1 / c0) / rate;
        return t > 0 ? t : 0;
    }

    /// <summary>Sorted zeros of f′ in (0, horizon); f′·e^{r_min t} is again a constant plus n−1 decaying exponentials.</summary>
    private static int CriticalPoints(ReadOnlySpan<double> c, ReadOnlySpan<double> r, double horizon, Span<double> output)
    {
        int n = c.Length;
        int minIndex = 0;
        for (int k = 1; k < n; k++) if (r[k] < r[minIndex]) minIndex = k;
        double derivativeConstant = -c[minIndex] * r[minIndex];
        Span<double> dc = stackalloc double[n - 1];
        Span<double> dr = stackalloc double[n - 1];
        for (int k = 0, j = 0; k < n; k++)
        {
            if (k == minIndex) continue;
            dc[j] = -c[k] * r[k];
            dr[j] = r[k] - r[minIndex];
            j++;
        }
        return AllRoots(derivativeConstant, dc, dr, horizon, output);
    }

    private static int AllRoots(double constant, ReadOnlySpan<double> c, ReadOnlySpan<double> r, double horizon, Span<double> output)
    {
        int n = c.Length;
        if (n == 0) return 0;
        if (n == 1)
        {
            double ratio = -constant / c[0];
            if (!(ratio > 0)) return 0;
            double t = -System.Math.Log(ratio) / r[0];
            if (t > 0 && t < horizon) { output[0] = t; return 1; }
            return 0;
        }
        Span<double> critical = stackalloc double[MaxTerms + 1];
        int count = CriticalPoints(c, r, horizon, critical);
        critical[count++] = horizon;
        int found = 0;
        double a = 0;
        double fa = Evaluate(constant, c, r, a);
        for (int i = 0; i < count; i++)
        {
            double b = critical[i];
            if (b <= a) continue;
            double fb = Evaluate(constant, c, r, b);
            if (fa < 0 && fb >= 0) output[found++] = Bisect(constant, c, r, a, b);
            else if (fa > 0 && fb <= 0) output[found++] = BisectDown(constant, c, r, a, b);
            a = b; fa = fb;
        }
        return found;
    }

    /// <summary>f(a) &lt; 0 ≤ f(b), f monotone on [a, b]: shrink to adjacent doubles, return b.</summary>
    private static double Bisect(double constant, ReadOnlySpan<double> c, ReadOnlySpan<double> r, double a, double b)
    {
        for (int i = 0; i < 2000; i++)
        {
            double mid = a + 0.5 * (b - a);
            if (mid <= a || mid >= b) break;
            if (Evaluate(constant, c, r, mid) >= 0) b = mid; else a = mid;
        }
        return b;
    }

    private static double BisectDown(double constant, ReadOnlySpan<double> c, ReadOnlySpan<double> r, double a, double b)
    {
        for (int i = 0; i < 2000; i++)
        {
            double mid = a + 0.5 * (b - a);
            if (mid <= a || mid >= b) break;
            if (Evaluate(constant, c, r, mid) <= 0) b = mid; else a = mid;
        }
        return b;
    }

    /// <summary>Drops zero terms and merges equal rates (e.g. τ_a = τ_s) so rates are distinct.</summary>
    private static int Normalize(ReadOnlySpan<double> coefficients, ReadOnlySpan<double> rates, Span<double> c, Span<double> r)
    {
        if (coefficients.Length != rates.Length) throw new ArgumentException("Coefficient and rate counts differ.");
        if (coefficients.Length > MaxTerms) throw new ArgumentException($"At most {MaxTerms} exponential terms are supported.");
        int n = 0;
        for (int k = 0; k < coefficients.Length; k++)
        {
            if (coefficients[k] == 0) continue;
            if (!(rates[k] > 0) || double.IsInfinity(rates[k])) throw new ArgumentException("Rates must be positive and finite.");
            int same = -1;
            for (int j = 0; j < n; j++) if (r[j] == rates[k]) same = j;
            if (same >= 0) c[same] += coefficients[k];
            else { c[n] = coefficients[k]; r[n] = rates[k]; n++; }
        }
        // A merge may have cancelled a term exactly.
        int kept = 0;
        for (int j = 0; j < n; j++) if (c[j] != 0) { c[kept] = c[j]; r[kept] = r[j]; kept++; }
        return kept;
    }
}
