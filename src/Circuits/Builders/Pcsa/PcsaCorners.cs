namespace CircuitNeuro.Circuits.Builders.Pcsa;

/// <summary>A supply/temperature operating condition.</summary>
public sealed record PcsaCorner(string Name, double SupplyVoltage, double TemperatureCelsius)
{
    /// <summary>Seed 000 Fig. 4.6 (S L1499–1505): slow 1.1 V/0 °C, experimental 1.2 V/27 °C, fast 1.3 V/60 °C.</summary>
    public static IReadOnlyList<PcsaCorner> Seed { get; } =
    [
        new("slow", 1.1, 0),
        new("typical", 1.2, 27),
        new("fast", 1.3, 60),
    ];

    public PcsaDesign Apply(PcsaDesign d) => d with { SupplyVoltage = SupplyVoltage, TemperatureCelsius = TemperatureCelsius };
}

/// <summary>Searches over resistances with a read function (either engine, any corner or mismatch sample).</summary>
public static class PcsaSearch
{
    /// <summary><paramref name="count"/> resistances evenly spaced in log from <paramref name="low"/> to <paramref name="high"/>.</summary>
    public static double[] LogGrid(double low, double high, int count)
    {
        if (!(low > 0) || !(high > low) || count < 2) throw new ArgumentException($"log grid needs 0 < low < high and count >= 2 (got {low}, {high}, {count})");
        return Enumerable.Range(0, count).Select(k => low * Math.Pow(high / low, (double)k / (count - 1))).ToArray();
    }

    /// <summary>
    /// The decision frontier: the R_BL (with R_BLb = <paramref name="other"/>) at which the 50 ns read turns from +1 to 0,
    /// by bisection in log R to a ratio of (high/low)^(2^−iterations). +∞ if R_BL = <paramref name="high"/> still reads +1,
    /// NaN if R_BL = <paramref name="low"/> does not.
    /// </summary>
    public static double Frontier(PcsaDesign design, double other, Func<PcsaDesign, PcsaRead> read,
        double low = 1e3, double high = 1e6, int iterations = 10)
    {
        bool Plus(double r) => read(design with { BitLineResistance = r, BitLineBarResistance = other }).Weight == 1;
        if (!Plus(low)) return double.NaN;
        if (Plus(high)) return double.PositiveInfinity;
        for (int k = 0; k < iterations; k++)
        {
            double mid = Math.Sqrt(low * high);
            if (Plus(mid)) low = mid; else high = mid;
        }
        return Math.Sqrt(low * high);
    }
}
