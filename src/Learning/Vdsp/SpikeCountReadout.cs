using CircuitNeuro.EventKernel.Checkpointing;

namespace CircuitNeuro.Learning.Vdsp;

/// <summary>
/// Unsupervised readout of the VDSP paper (notes 003 §2.3): after training, with frozen weights, each neuron gets
/// the class it fired most for (mean spikes per presentation of that class, so unequal class counts do not bias
/// it); a test image is assigned the class whose neurons fired the most spikes in total. Neurons that never fired
/// have no class and do not vote; an image with no output spike counts as wrong.
/// </summary>
public sealed class SpikeCountReadout : ICheckpointable
{
    private readonly double[,] _responses;  // [class, neuron] summed spikes
    private readonly long[] _presentations; // per class
    private int[]? _labels;

    public SpikeCountReadout(int classCount, int neuronCount)
    {
        _responses = new double[classCount, neuronCount];
        _presentations = new long[classCount];
    }

    public int ClassCount => _presentations.Length;
    public int NeuronCount => _responses.GetLength(1);
    public IReadOnlyList<int> NeuronLabels => _labels ?? throw new InvalidOperationException("labels are assigned after the labelling pass");

    public void Observe(int label, ReadOnlySpan<int> spikeCounts)
    {
        _presentations[label]++;
        for (int j = 0; j < spikeCounts.Length; j++) _responses[label, j] += spikeCounts[j];
    }

    public int[] AssignLabels()
    {
        var labels = new int[NeuronCount];
        for (int j = 0; j < NeuronCount; j++)
        {
            labels[j] = -1;
            double best = 0;
            for (int c = 0; c < ClassCount; c++)
            {
                if (_presentations[c] == 0) continue;
                double mean = _responses[c, j] / _presentations[c];
                if (mean > best) { best = mean; labels[j] = c; }
            }
        }
        return _labels = labels;
    }

    /// <summary>Class with the largest summed spike count of its neurons, or −1 when no labelled neuron fired.</summary>
    public int Predict(ReadOnlySpan<int> spikeCounts)
    {
        var labels = NeuronLabels;
        Span<long> votes = stackalloc long[ClassCount];
        for (int j = 0; j < spikeCounts.Length; j++)
            if (labels[j] >= 0) votes[labels[j]] += spikeCounts[j];
        int best = -1;
        long max = 0;
        for (int c = 0; c < ClassCount; c++)
            if (votes[c] > max) { max = votes[c]; best = c; }
        return best;
    }

    public void SaveState(BinaryWriter w)
    {
        foreach (double r in _responses) w.Write(r);
        foreach (long p in _presentations) w.Write(p);
        w.Write(_labels is not null);
        if (_labels is not null) foreach (int l in _labels) w.Write(l);
    }

    public void RestoreState(BinaryReader r)
    {
        for (int c = 0; c < ClassCount; c++)
            for (int j = 0; j < NeuronCount; j++) _responses[c, j] = r.ReadDouble();
        for (int c = 0; c < ClassCount; c++) _presentations[c] = r.ReadInt64();
        _labels = null;
        if (r.ReadBoolean())
        {
            _labels = new int[NeuronCount];
            for (int j = 0; j < NeuronCount; j++) _labels[j] = r.ReadInt32();
        }
    }
}
