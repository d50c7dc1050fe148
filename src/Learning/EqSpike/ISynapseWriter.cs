namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// How a weight update reaches a synapse: written as a number, or as a programming pulse through a memristor model.
/// Weights live in per-layer arrays owned by the network; the writer may keep device state beside them.
/// </summary>
public interface ISynapseWriter
{
    /// <summary>Called once by the network with its weight arrays (layer 0: input→hidden, 1: hidden↔output).</summary>
    void Attach(IReadOnlyList<double[]> weights);

    /// <summary>Applies one update request (the ΔW a nominal, ideal synapse would get) to synapse k of a layer.</summary>
    void Write(int layer, int k, double request);

    /// <summary>
    /// requests[j] to synapse start + j·stride of a layer, j ascending: the writes of one spike (a row or a column of the
    /// layer), the same as that many <see cref="Write"/> calls in that order.
    /// </summary>
    void WriteRun(int layer, int start, int stride, ReadOnlySpan<double> requests)
    {
        for (int j = 0; j < requests.Length; j++) Write(layer, start + j * stride, requests[j]);
    }

    /// <summary>Number of writes (programming events) so far.</summary>
    long Writes { get; }

    /// <summary>Programming energy so far, J (0 for a numeric synapse).</summary>
    double Energy { get; }

    /// <summary>Resets the counters (the weights keep their values).</summary>
    void ResetCounters();

    /// <summary>Sets the counters to a checkpointed run's values, so their running sums continue exactly.</summary>
    void RestoreCounters(long writes, double energy);
}

/// <summary>
/// Ideal synapse: W += request (EqSpike of chapter 2), or, with bounds, W = clamp(W + request, min, max): the ideal-device
/// limit of a memristive synapse whose window is [min, max] (see <see cref="MemristorSynapseOptions.Ideal"/>).
/// </summary>
public sealed class NumericSynapseWriter(double min = double.NegativeInfinity, double max = double.PositiveInfinity) : ISynapseWriter
{
    private IReadOnlyList<double[]> _weights = [];

    public double Min { get; } = min < max ? min : throw new ArgumentException($"weight bounds [{min}, {max}] are empty");
    public double Max { get; } = max;
    /// <summary>Whether writes are clamped (a device window); unbounded writes are plain additions.</summary>
    public bool Bounded { get; } = min > double.NegativeInfinity || max < double.PositiveInfinity;

    /// <summary>A weight after a write: kept in the window if there is one (the network's volley path applies the same).</summary>
    public double Bound(double w) => Bounded ? Math.Clamp(w, Min, Max) : w;

    public long Writes { get; private set; }
    public double Energy => 0;

    /// <summary>Takes the network's weights; bounded, it clamps the initial weights into the window as a device would.</summary>
    public void Attach(IReadOnlyList<double[]> weights)
    {
        _weights = weights;
        if (!Bounded) return;
        foreach (var layer in weights)
            for (int k = 0; k < layer.Length; k++) layer[k] = Bound(layer[k]);
    }

    public void Write(int layer, int k, double request)
    {
        ref double w = ref _weights[layer][k];
        w = Bound(w + request);
        Writes++;
    }

    /// <summary>Counts writes the network applied to the weight arrays directly (its volley path).</summary>
    internal void CountWrites(long writes) => Writes += writes;

    public void ResetCounters() => Writes = 0;

    public void RestoreCounters(long writes, double energy) => Writes = writes;
}
