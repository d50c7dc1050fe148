using CircuitNeuro.EventKernel.Checkpointing;

namespace CircuitNeuro.Neurons.Synapses;

/// <summary>Plain row-major double matrix; checkpointable so plastic weights survive a save/restore.</summary>
public sealed class DenseSynapticWeights : ISynapticWeights, ICheckpointable
{
    private readonly double[] _values;

    public DenseSynapticWeights(int preCount, int postCount, double initialValue = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(preCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(postCount);
        PreCount = preCount;
        PostCount = postCount;
        _values = new double[preCount * postCount];
        if (initialValue != 0) Array.Fill(_values, initialValue);
    }

    public static DenseSynapticWeights FromRows(double[,] weights)
    {
        var w = new DenseSynapticWeights(weights.GetLength(0), weights.GetLength(1));
        for (int i = 0; i < w.PreCount; i++)
            for (int j = 0; j < w.PostCount; j++) w.Set(i, j, weights[i, j]);
        return w;
    }

    public int PreCount { get; }
    public int PostCount { get; }

    public double Get(int pre, int post) => _values[Index(pre, post)];

    public void Set(int pre, int post, double value) => _values[Index(pre, post)] = value;

    public double ColumnCurrent(int post, ReadOnlySpan<double> rowDrive)
    {
        if (rowDrive.Length != PreCount) throw new ArgumentException($"Row drive has {rowDrive.Length} entries, expected {PreCount}.");
        double sum = 0;
        for (int pre = 0; pre < PreCount; pre++) sum += _values[pre * PostCount + post] * rowDrive[pre];
        return sum;
    }

    public void ReadRow(int pre, Span<double> destination) => _values.AsSpan(Index(pre, 0), PostCount).CopyTo(destination);

    public void SaveState(BinaryWriter writer)
    {
        writer.Write(_values.Length);
        foreach (double v in _values) writer.Write(v);
    }

    public void RestoreState(BinaryReader reader)
    {
        int length = reader.ReadInt32();
        if (length != _values.Length) throw new InvalidDataException($"Weight matrix size {length} in checkpoint, {_values.Length} here.");
        for (int i = 0; i < length; i++) _values[i] = reader.ReadDouble();
    }

    private int Index(int pre, int post)
    {
        if ((uint)pre >= (uint)PreCount) throw new ArgumentOutOfRangeException(nameof(pre), pre, $"Presynaptic index must be < {PreCount}.");
        if ((uint)post >= (uint)PostCount) throw new ArgumentOutOfRangeException(nameof(post), post, $"Postsynaptic index must be < {PostCount}.");
        return pre * PostCount + post;
    }
}
