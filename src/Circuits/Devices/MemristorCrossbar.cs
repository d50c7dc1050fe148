using CircuitNeuro.Circuits.Builders;
using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Elements;

namespace CircuitNeuro.Circuits.Devices;

/// <summary>Write-bias schemes for a passive crossbar (selected row at V, selected column at 0).</summary>
public enum HalfSelectScheme
{
    /// <summary>Unselected rows and columns at V/2: half-selected cells see V/2, the others 0.</summary>
    VOverTwo,
    /// <summary>Unselected rows at V/3, unselected columns at 2V/3: every unselected cell sees ±V/3.</summary>
    VOverThree,
}

/// <summary>
/// A passive (1R) memristor crossbar in a <see cref="Circuit"/>, named as <see cref="Builders.Crossbar"/>: row driver
/// "vin{i}" on "in{i}", word-line segments "rwl{i}_{j}" to nodes "w{i}_{j}", cell "yc{i}_{j}" from w{i}_{j} to
/// "b{i}_{j}", bit-line segments "rbl{i}_{j}" down to "s{j}", column source "vsense{j}" (0 V: the sense virtual ground;
/// a write drives it). <see cref="Write"/> applies one programming pulse to one cell under a half-select scheme in
/// a transient and returns every cell's state change.
/// </summary>
public sealed class MemristorCrossbar
{
    private readonly MemristorElement[,] _cells;
    private readonly VoltageSource[] _rows, _columns;

    private MemristorCrossbar(Circuit circuit, MemristorElement[,] cells, VoltageSource[] rows, VoltageSource[] columns)
    {
        Circuit = circuit;
        _cells = cells;
        _rows = rows;
        _columns = columns;
    }

    public Circuit Circuit { get; }
    public int Rows => _rows.Length;
    public int Columns => _columns.Length;
    public MemristorElement Cell(int row, int column) => _cells[row, column];

    public static MemristorCrossbar Build(int rows, int columns, Func<int, int, IMemristorModel> model, Func<int, int, double> initialState,
        double lineSegment = 1, double maxStateChangeFraction = 0.01)
    {
        // The layout (line segments, drivers, 0 V column sources) is the crossbar builder's; only the cell differs.
        var layout = Crossbar.Build(new CrossbarSpec
        {
            Rows = rows,
            Columns = columns,
            WordLineSegment = lineSegment,
            BitLineSegment = lineSegment,
            RowVoltage = _ => 0,
            CellElement = (i, j, word, bit) => new MemristorElement($"yc{i}_{j}", word, bit, model(i, j), initialState(i, j))
                { MaxStateChangeFraction = maxStateChangeFraction },
        }, new Circuit($"memristor crossbar {rows}x{columns}"));
        var c = layout.Circuit;
        var cells = new MemristorElement[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) cells[i, j] = (MemristorElement)layout.CellElement(i, j);
        var rowSources = Enumerable.Range(0, rows).Select(layout.Driver).ToArray();
        var columnSources = Enumerable.Range(0, columns).Select(layout.Sense).ToArray();
        return new MemristorCrossbar(c, cells, rowSources, columnSources);
    }

    /// <summary>Bias of a row and of a column, as fractions of the write amplitude.</summary>
    public static (double Row, double Column) Bias(HalfSelectScheme scheme, bool selectedRow, bool selectedColumn) => scheme switch
    {
        HalfSelectScheme.VOverTwo => (selectedRow ? 1 : 0.5, selectedColumn ? 0 : 0.5),
        _ => (selectedRow ? 1 : 1.0 / 3, selectedColumn ? 0 : 2.0 / 3),
    };

    /// <summary>
    /// Programs cell (row, column) with <paramref name="pulse"/>: every line is driven by the same shape scaled by its
    /// bias, starting after <paramref name="delay"/>. Returns each cell's state change and the energy the drivers delivered.
    /// </summary>
    public (double[,] StateChange, double DeliveredEnergy) Write(int row, int column, ProgrammingPulse pulse, HalfSelectScheme scheme, double delay = 0)
    {
        for (int i = 0; i < Rows; i++)
        {
            _rows[i].DcValue = double.NaN;
            _rows[i].Waveform = pulse.Scaled(Bias(scheme, i == row, false).Row).ToWaveform(delay);
        }
        for (int j = 0; j < Columns; j++)
        {
            _columns[j].DcValue = double.NaN;
            _columns[j].Waveform = pulse.Scaled(Bias(scheme, false, j == column).Column).ToWaveform(delay);
        }
        var before = States();
        using var system = new MnaSystem(Circuit);
        double stop = delay + 1.05 * pulse.Width;
        var (_, sim) = Analyses.Transient(system, pulse.Width / 100, stop);
        var after = States();
        var change = new double[Rows, Columns];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Columns; j++) change[i, j] = after[i, j] - before[i, j];
        foreach (var s in _rows.Concat(_columns)) { s.Waveform = null; s.DcValue = 0; }
        return (change, sim.Energy.Delivered());
    }

    public double[,] States()
    {
        var s = new double[Rows, Columns];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Columns; j++) s[i, j] = _cells[i, j].State;
        return s;
    }
}
