using CircuitNeuro.EventKernel.Checkpointing;

namespace CircuitNeuro.Neurons.Network;

/// <summary>
/// Anything that emits Spike events into a <see cref="SpikingNetwork"/>: neuron populations and input encoders.
/// A Spike event carries Source = <see cref="Id"/> and IntPayload = index of the emitting unit.
/// </summary>
public interface ISpikeSource : ICheckpointable
{
    int Id { get; }
    string Name { get; }
    int Size { get; }

    /// <summary>Called by the network when one of this source's Spike events is dispatched (before delivery).</summary>
    void OnSpikeDispatched(int index, double time);
}
