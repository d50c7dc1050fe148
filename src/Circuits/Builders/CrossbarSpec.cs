using CircuitNeuro.Circuits.Models;

namespace CircuitNeuro.Circuits.Builders;

public enum CrossbarCell { OneR, OneT1R }

/// <summary>
/// An N×M resistive crossbar: word lines (rows) driven from the left through per-segment line
/// resistance, bit lines (columns) sensed at the bottom by 0 V sources that act as virtual
/// grounds (a transimpedance amplifier's input), whose branch currents are the column currents.
/// </summary>
public sealed record CrossbarSpec
{
    public required int Rows { get; init; }
    public required int Columns { get; init; }
    /// <summary>Cell resistance (Ω) at (row, column) of a resistor cell.</summary>
    public Func<int, int, double>? CellResistance { get; init; }
    /// <summary>
    /// Builds any other two-terminal cell (a memristor, for instance) between the word-line node
    /// and the bit-line node (row, column, word node, bit node); replaces the resistor of 1R cells.
    /// </summary>
    public Func<int, int, string, string, Elements.Element>? CellElement { get; init; }
    /// <summary>Word-line wire resistance per segment between neighbouring cells (and from the driver to the first cell).</summary>
    public double WordLineSegment { get; init; } = 1;
    /// <summary>Bit-line wire resistance per segment (and from the last cell to the sense amplifier).</summary>
    public double BitLineSegment { get; init; } = 1;
    /// <summary>Output resistance of each row driver (0: ideal source straight on the line).</summary>
    public double DriverResistance { get; init; }
    /// <summary>Input voltage of each row.</summary>
    public required Func<int, double> RowVoltage { get; init; }
    public CrossbarCell Cell { get; init; } = CrossbarCell.OneR;
    /// <summary>Access transistor of 1T1R cells (gate on a per-row select line).</summary>
    public Mosfet1Model? AccessTransistor { get; init; }
    public double AccessWidth { get; init; } = 1e-6;
    public double AccessLength { get; init; } = 1e-6;
    /// <summary>Select-line voltage of each row (1T1R only).</summary>
    public Func<int, double> SelectVoltage { get; init; } = _ => 1.2;

    public void Validate()
    {
        if (Rows < 1 || Columns < 1) throw new ArgumentException($"crossbar needs at least 1×1 cells (got {Rows}×{Columns})");
        if (!(WordLineSegment > 0) || !(BitLineSegment > 0))
            throw new ArgumentException("line segment resistances must be > 0 (use a tiny value for ideal lines)");
        if ((CellResistance is null) == (CellElement is null))
            throw new ArgumentException("give exactly one of CellResistance and CellElement");
        if (Cell == CrossbarCell.OneT1R && CellElement is not null)
            throw new ArgumentException("custom cell elements are 1R cells (no access transistor)");
        if (Cell == CrossbarCell.OneT1R && AccessTransistor is null)
            throw new ArgumentException("a 1T1R crossbar needs an access transistor model");
    }
}
