using CircuitNeuro.Circuits.Devices;

namespace CircuitNeuro.Circuits.Builders.Pcsa;

/// <summary>
/// The ternary read of a 2T2R pair by the transistor-level PCSA (no mismatch, so the circuit is symmetric), tabulated once as
/// its zero frontier: for each higher resistance R_hi on a log grid, a*(R_hi) is the lower resistance at which the 50 ns read
/// turns from ±1 to 0 (bisection in log R with transients). A pair reads ±1 (the sign of the lower branch) when
/// min(R) &lt; a*(max(R)), a* interpolated linearly in log–log; else 0. Outside the grid a* is clamped to its end values
/// (above 10 MΩ the higher branch barely conducts in 50 ns, so a* no longer moves). Checked against direct reads in
/// PcsaCalibratedTable42Tests.
/// </summary>
public sealed class PcsaTransistorReadRule : IPcsaZeroFrontier
{
    private readonly double[] _lnHigh;
    private readonly double[] _lnFrontier;

    /// <param name="iterations">bisection steps on [<paramref name="floor"/>, R_hi]: 14 gives a* to ≈ 0.1 % in R.</param>
    public PcsaTransistorReadRule(PcsaDesign design, Func<PcsaDesign, PcsaRead> read,
        double low = 2e3, double high = 10e6, int points = 24, int iterations = 14, double floor = 200)
    {
        var grid = PcsaSearch.LogGrid(low, high, points);
        _lnHigh = grid.Select(r => Math.Log(r)).ToArray();
        _lnFrontier = grid.Select(hi => Math.Log(FrontierAt(design, read, hi, floor, iterations))).ToArray();
        Simulated = points * (iterations + 2);
    }

    /// <summary>Transients run to build the table.</summary>
    public int Simulated { get; }

    /// <summary>The tabulated (R_hi, a*) nodes, ohms.</summary>
    public IEnumerable<(double Higher, double Frontier)> Nodes => _lnHigh.Zip(_lnFrontier, (h, f) => (Math.Exp(h), Math.Exp(f)));

    private static double FrontierAt(PcsaDesign design, Func<PcsaDesign, PcsaRead> read, double higher, double floor, int iterations)
    {
        bool Resolves(double lower) => read(design with { BitLineResistance = lower, BitLineBarResistance = higher }).Weight == 1;
        if (Resolves(higher)) return higher;
        if (!Resolves(floor)) return floor;
        double lo = Math.Log(floor), hi = Math.Log(higher);
        for (int k = 0; k < iterations; k++)
        {
            double mid = (lo + hi) / 2;
            if (Resolves(Math.Exp(mid))) lo = mid; else hi = mid;
        }
        return Math.Exp((lo + hi) / 2);
    }

    public double ZeroFrontier(double higher)
    {
        double x = Math.Log(higher);
        if (x <= _lnHigh[0]) return Math.Min(higher, Math.Exp(_lnFrontier[0]));
        if (x >= _lnHigh[^1]) return Math.Exp(_lnFrontier[^1]);
        int k = Array.BinarySearch(_lnHigh, x);
        if (k >= 0) return Math.Exp(_lnFrontier[k]);
        k = ~k - 1;
        double u = (x - _lnHigh[k]) / (_lnHigh[k + 1] - _lnHigh[k]);
        return Math.Min(higher, Math.Exp(_lnFrontier[k] + u * (_lnFrontier[k + 1] - _lnFrontier[k])));
    }

    public int Read(double bitLine, double bitLineBar)
    {
        double lower = Math.Min(bitLine, bitLineBar), higher = Math.Max(bitLine, bitLineBar);
        if (!(lower < ZeroFrontier(higher))) return 0;
        return bitLine < bitLineBar ? 1 : -1;
    }
}
