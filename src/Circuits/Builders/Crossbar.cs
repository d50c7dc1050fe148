using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Elements;

namespace CircuitNeuro.Circuits.Builders;

/// <summary>
/// A crossbar laid out in a <see cref="Circuit"/>. Names (shared with the SPICE export so both
/// engines can be compared element by element): driver "vin{i}", word-line node "w{i}_{j}",
/// bit-line node "b{i}_{j}", cell "rc{i}_{j}" (1T1R: cell node "m{i}_{j}", transistor "mc{i}_{j}",
/// select source "vsel{i}"), sense source "vsense{j}" on node "s{j}".
/// </summary>
public sealed class Crossbar
{
    private readonly Element[,] _cells;
    private readonly VoltageSource[] _drivers;
    private readonly VoltageSource[] _sense;

    private Crossbar(CrossbarSpec spec, Circuit circuit, Element[,] cells, VoltageSource[] drivers, VoltageSource[] sense)
    {
        Spec = spec;
        Circuit = circuit;
        _cells = cells;
        _drivers = drivers;
        _sense = sense;
    }

    public CrossbarSpec Spec { get; }
    public Circuit Circuit { get; }
    /// <summary>The resistor of a resistor cell.</summary>
    public Resistor Cell(int row, int column) =>
        _cells[row, column] as Resistor ?? throw new InvalidOperationException($"cell ({row}, {column}) is a {_cells[row, column].GetType().Name}, not a resistor");

    /// <summary>The cell element, whatever its kind.</summary>
    public Element CellElement(int row, int column) => _cells[row, column];
    public VoltageSource Driver(int row) => _drivers[row];
    public VoltageSource Sense(int column) => _sense[column];

    public static string WordLineNode(int i, int j) => $"w{i}_{j}";
    public static string BitLineNode(int i, int j) => $"b{i}_{j}";

    /// <summary>Builds the crossbar into a new circuit (or adds it to <paramref name="into"/>).</summary>
    public static Crossbar Build(CrossbarSpec spec, Circuit? into = null)
    {
        spec.Validate();
        var c = into ?? new Circuit($"crossbar {spec.Rows}x{spec.Columns}");
        int n = spec.Rows, m = spec.Columns;
        var cells = new Element[n, m];
        var drivers = new VoltageSource[n];
        var sense = new VoltageSource[m];
        for (int i = 0; i < n; i++)
        {
            drivers[i] = c.Add(new VoltageSource($"vin{i}", spec.DriverResistance > 0 ? $"d{i}" : $"in{i}", "0", spec.RowVoltage(i)));
            if (spec.DriverResistance > 0) c.Add(new Resistor($"rdrv{i}", $"d{i}", $"in{i}", spec.DriverResistance));
            if (spec.Cell == CrossbarCell.OneT1R)
                c.Add(new VoltageSource($"vsel{i}", $"sel{i}", "0", spec.SelectVoltage(i)));
        }
        // Cell by cell (its word-line segment, the cell, its bit-line segment): the node numbering
        // this gives keeps neighbours close, and KLU's AMD ordering then fills less (256×256:
        // 4.9 M nonzeros in L+U instead of 5.5 M with lines numbered one after the other).
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                c.Add(new Resistor($"rwl{i}_{j}", j == 0 ? $"in{i}" : WordLineNode(i, j - 1), WordLineNode(i, j), spec.WordLineSegment));
                if (spec.CellElement is not null)
                    cells[i, j] = c.Add(spec.CellElement(i, j, WordLineNode(i, j), BitLineNode(i, j)));
                else if (spec.Cell == CrossbarCell.OneR)
                    cells[i, j] = c.Add(new Resistor($"rc{i}_{j}", WordLineNode(i, j), BitLineNode(i, j), spec.CellResistance!(i, j)));
                else
                {
                    cells[i, j] = c.Add(new Resistor($"rc{i}_{j}", WordLineNode(i, j), $"m{i}_{j}", spec.CellResistance!(i, j)));
                    c.Add(new Mosfet1($"mc{i}_{j}", $"m{i}_{j}", $"sel{i}", BitLineNode(i, j), "0",
                        spec.AccessTransistor!, spec.AccessWidth, spec.AccessLength));
                }
                if (i > 0) c.Add(new Resistor($"rbl{i}_{j}", BitLineNode(i - 1, j), BitLineNode(i, j), spec.BitLineSegment));
            }
        for (int j = 0; j < m; j++)
        {
            c.Add(new Resistor($"rbl{n}_{j}", BitLineNode(n - 1, j), $"s{j}", spec.BitLineSegment));
            sense[j] = c.Add(new VoltageSource($"vsense{j}", $"s{j}", "0", 0));
        }
        return new Crossbar(spec, c, cells, drivers, sense);
    }

    /// <summary>Column currents flowing into the virtual grounds, from a solved system.</summary>
    public double[] ColumnCurrents(MnaSystem system) =>
        _sense.Select(s => system.Solution[s.Branch]).ToArray();

    /// <summary>Ideal column currents Σ_i V_i / R_ij with no line resistance: the vector–matrix product the array approximates.</summary>
    public double[] IdealColumnCurrents()
    {
        var result = new double[Spec.Columns];
        for (int j = 0; j < Spec.Columns; j++)
            for (int i = 0; i < Spec.Rows; i++)
                result[j] += _drivers[i].DcValue / Cell(i, j).Resistance;
        return result;
    }
}
