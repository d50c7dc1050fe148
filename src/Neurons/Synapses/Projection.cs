using CircuitNeuro.Neurons.Lif;
using CircuitNeuro.Neurons.Network;

namespace CircuitNeuro.Neurons.Synapses;

/// <summary>All-to-all connection from a spike source to a LIF population through a weight matrix.</summary>
public sealed class Projection
{
    private readonly double[] _rowBuffer;

    internal Projection(int id, ISpikeSource pre, LifPopulation post, ISynapticWeights weights, SynapseKind kind, double delay)
    {
        if (weights.PreCount != pre.Size || weights.PostCount != post.Size)
            throw new ArgumentException($"Weights are {weights.PreCount}×{weights.PostCount} but '{pre.Name}'→'{post.Name}' needs {pre.Size}×{post.Size}.");
        if (!(delay >= 0)) throw new ArgumentOutOfRangeException(nameof(delay), delay, "Delay must be ≥ 0.");
        if (kind == SynapseKind.ExponentialCurrent && !post.Parameters.HasExponentialSynapses)
            throw new ArgumentException($"Population '{post.Name}' has TauSynapse = 0; exponential-current synapses need it > 0.");
        Id = id;
        Pre = pre;
        Post = post;
        Weights = weights;
        Kind = kind;
        Delay = delay;
        _rowBuffer = new double[post.Size];
    }

    public int Id { get; }
    public ISpikeSource Pre { get; }
    public LifPopulation Post { get; }
    public ISynapticWeights Weights { get; }
    public SynapseKind Kind { get; }
    public double Delay { get; }

    /// <summary>Applies presynaptic unit <paramref name="pre"/>'s spike to every postsynaptic neuron, at the current time.</summary>
    internal void Deliver(int pre)
    {
        Weights.ReadRow(pre, _rowBuffer);
        for (int post = 0; post < _rowBuffer.Length; post++)
        {
            double w = _rowBuffer[post];
            if (w == 0) continue;
            if (Kind == SynapseKind.Delta) Post.ApplyVoltageJump(post, w);
            else Post.ApplySynapticCurrentJump(post, w);
        }
    }
}
