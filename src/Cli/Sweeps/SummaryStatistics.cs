namespace CircuitNeuro.Cli.Sweeps;

/// <summary>
/// Mean, spread and quantiles of a set of values (devices of a population, repeats of a sweep point).
/// Std is the sample standard deviation (n − 1; 0 for a single value); quantiles interpolate linearly
/// between order statistics (Hyndman–Fan type 7, the default of R and NumPy), so the numbers can be
/// checked with any of those tools.
/// </summary>
public sealed record SummaryStatistics(int Count, double Mean, double Std, double Min, double Q05, double Q50, double Q95, double Max)
{
    public static SummaryStatistics Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no values to summarise");
        var sorted = values.ToArray();
        Array.Sort(sorted);
        // Shifted by the first value: exact when all values are equal (identical devices), and no cancellation
        // when the spread is tiny against the value.
        double shift = sorted[0], sum = 0;
        foreach (double v in sorted) sum += v - shift;
        double mean = shift + sum / sorted.Length;
        double ss = 0;
        foreach (double v in sorted) ss += (v - mean) * (v - mean);
        double std = sorted.Length > 1 ? Math.Sqrt(ss / (sorted.Length - 1)) : 0;
        return new SummaryStatistics(sorted.Length, mean, std, sorted[0],
            Quantile(sorted, 0.05), Quantile(sorted, 0.5), Quantile(sorted, 0.95), sorted[^1]);
    }

    /// <summary>Type-7 quantile of already sorted values.</summary>
    public static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
