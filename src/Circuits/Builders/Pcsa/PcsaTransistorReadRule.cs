using CircuitNeuro.Circuits.Devices;

namespace CircuitNeuro.Circuits.Builders.Pcsa;

/// <summary>
/// The ternary read of a 2T2R pair by the transistor-level PCSA, replacing <see cref="BehaviouralPcsaReadRule"/>'s fixed
/// frontier. Reads are tabulated once on a log grid of (R_BL, R_BLb); a pair whose grid cell has the same read at its four
/// corners takes that read, any other pair (near the frontier or the diagonal) is simulated. Resistances outside the grid
/// are clamped to it (beyond 10 MΩ and below 1 kΩ the read no longer changes with R in this circuit).
/// </summary>
public sealed class PcsaTransistorReadRule : IPcsaReadRule
{
    private readonly PcsaDesign _design;
    private readonly Func<PcsaDesign, PcsaRead> _read;
    private readonly double[] _grid;
    private readonly int[,] _table;

    public PcsaTransistorReadRule(PcsaDesign design, Func<PcsaDesign, PcsaRead> read, double low = 1e3, double high = 10e6, int points = 25)
    {
        _design = design;
        _read = read;
        _grid = PcsaSearch.LogGrid(low, high, points);
        _table = new int[points, points];
        for (int i = 0; i < points; i++)
            for (int j = 0; j < points; j++)
                _table[i, j] = Simulate(_grid[i], _grid[j]);
    }

    /// <summary>Pairs that needed their own transient.</summary>
    public int Simulated { get; private set; }

    private int Simulate(double bl, double blb) => _read(_design with { BitLineResistance = bl, BitLineBarResistance = blb }).Weight;

    public int Read(double bitLine, double bitLineBar)
    {
        double bl = Math.Clamp(bitLine, _grid[0], _grid[^1]), blb = Math.Clamp(bitLineBar, _grid[0], _grid[^1]);
        int i = Cell(bl), j = Cell(blb);
        int w = _table[i, j];
        if (_table[i + 1, j] == w && _table[i, j + 1] == w && _table[i + 1, j + 1] == w) return w;
        Simulated++;
        return Simulate(bl, blb);
    }

    private int Cell(double r)
    {
        int k = Array.BinarySearch(_grid, r);
        if (k < 0) k = ~k - 1;
        return Math.Clamp(k, 0, _grid.Length - 2);
    }
}
