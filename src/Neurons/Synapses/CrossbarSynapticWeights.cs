using CircuitNeuro.Circuits.Builders;
using CircuitNeuro.Circuits.CoSimulation;

namespace CircuitNeuro.Neurons.Synapses;

/// <summary>
/// Synaptic weights held by a resistive crossbar in the circuit engine. A presynaptic spike is a
/// read pulse on its row (the other rows at 0 V); the charge each column's virtual ground
/// collects during the pulse, I_j·t_read, is turned into the postsynaptic voltage jump
/// ΔV_j = I_j·t_read / C_membrane. Line resistance, sneak paths and device values all show up in
/// I_j because the crossbar is solved, not multiplied. Each read is charged to the "read" energy
/// activity (quasi-static: power at the read's operating point × t_read).
/// </summary>
public sealed class CrossbarSynapticWeights : ISynapticWeights
{
    private readonly Crossbar _crossbar;
    private readonly CircuitCoSimulation _cosim;

    public CrossbarSynapticWeights(Crossbar crossbar, CircuitCoSimulation cosim, double readVoltage, double readDuration, double membraneCapacitance)
    {
        if (cosim.Mode != CoSimulationMode.QuasiStatic) throw new ArgumentException("crossbar reads are quasi-static pulses");
        if (!(readDuration > 0) || !(membraneCapacitance > 0)) throw new ArgumentOutOfRangeException(nameof(readDuration), "read duration and membrane capacitance must be > 0");
        _crossbar = crossbar;
        _cosim = cosim;
        ReadVoltage = readVoltage;
        ReadDuration = readDuration;
        MembraneCapacitance = membraneCapacitance;
    }

    public double ReadVoltage { get; }
    public double ReadDuration { get; }
    public double MembraneCapacitance { get; }
    public int PreCount => _crossbar.Spec.Rows;
    public int PostCount => _crossbar.Spec.Columns;
    public long Reads { get; private set; }

    /// <summary>Cell conductance (S).</summary>
    public double Get(int pre, int post) => _crossbar.Cell(pre, post).Conductance;

    /// <summary>Programs a cell to a conductance (ideal programming; device models program through pulses).</summary>
    public void Set(int pre, int post, double conductance)
    {
        _crossbar.Cell(pre, post).Conductance = conductance;
        _cosim.MarkChanged();
    }

    /// <summary>Column current (A) with row voltages <paramref name="rowDrive"/> (V), solved on the circuit.</summary>
    public double ColumnCurrent(int post, ReadOnlySpan<double> rowDrive)
    {
        if (rowDrive.Length != PreCount) throw new ArgumentException($"row drive has {rowDrive.Length} entries, expected {PreCount}");
        var drive = rowDrive.ToArray();
        double current = 0;
        _cosim.QuasiStaticPulse("read", ReadDuration,
            apply: () => { for (int i = 0; i < PreCount; i++) _crossbar.Driver(i).DcValue = drive[i]; },
            measure: system => current = system.Solution[_crossbar.Sense(post).Branch],
            restore: () => { for (int i = 0; i < PreCount; i++) _crossbar.Driver(i).DcValue = 0; });
        Reads++;
        return current;
    }

    /// <summary>Voltage jumps of every postsynaptic neuron for one spike on row <paramref name="pre"/>.</summary>
    public void ReadRow(int pre, Span<double> destination)
    {
        var currents = new double[PostCount];
        _cosim.QuasiStaticPulse("read", ReadDuration,
            apply: () => _crossbar.Driver(pre).DcValue = ReadVoltage,
            measure: system => { for (int j = 0; j < PostCount; j++) currents[j] = system.Solution[_crossbar.Sense(j).Branch]; },
            restore: () => _crossbar.Driver(pre).DcValue = 0);
        Reads++;
        // The sense source's branch current flows from s_j into the source: positive current into the virtual ground.
        for (int j = 0; j < PostCount; j++) destination[j] = currents[j] * ReadDuration / MembraneCapacitance;
    }
}
