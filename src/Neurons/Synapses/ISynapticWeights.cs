namespace CircuitNeuro.Neurons.Synapses;

/// <summary>
/// Weight matrix of a projection, rows = presynaptic units, columns = postsynaptic neurons.
/// This is the seam for crossbar hardware: a device-backed implementation stores conductances in a
/// crossbar, where driving the rows and reading a column yields Σᵢ Gᵢⱼ·Vᵢ — exactly
/// <see cref="ColumnCurrent"/> — and a column's current feeds neuron j. Get/Set map to device read and
/// program operations (which such an implementation may turn into Read / PulseStart / PulseEnd events).
/// </summary>
public interface ISynapticWeights
{
    int PreCount { get; }
    int PostCount { get; }

    double Get(int pre, int post);
    void Set(int pre, int post, double value);

    /// <summary>Σ over rows of weight[pre, post]·rowDrive[pre]: the column output for the given row drive.</summary>
    double ColumnCurrent(int post, ReadOnlySpan<double> rowDrive);

    /// <summary>Weights of one row (one presynaptic spike driving a single row) into <paramref name="destination"/>.</summary>
    void ReadRow(int pre, Span<double> destination);
}
