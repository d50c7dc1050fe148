namespace CircuitNeuro.Learning.Ising.Sampling;

/// <summary>Summaries of repeated reads (seed Figs. 5.11–5.12: energy histograms before and after training).</summary>
public static class SampleStatistics
{
    public static double MeanEnergy(SampleSet set) => set.Energies.Average();

    /// <summary>Population standard deviation of the read energies.</summary>
    public static double EnergySpread(SampleSet set)
    {
        double mean = MeanEnergy(set);
        return Math.Sqrt(set.Energies.Sum(e => (e - mean) * (e - mean)) / set.Reads);
    }

    /// <summary>Fraction of reads whose value under <paramref name="classify"/> equals the most frequent value.</summary>
    public static double ModalFraction(SampleSet set, Func<ReadOnlySpan<sbyte>, int> classify)
    {
        var counts = new Dictionary<int, int>();
        for (int r = 0; r < set.Reads; r++)
        {
            int c = classify(set.State(r));
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }
        return counts.Values.Max() / (double)set.Reads;
    }
}
