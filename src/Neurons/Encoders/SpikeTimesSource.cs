using CircuitNeuro.Neurons.Network;

namespace CircuitNeuro.Neurons.Encoders;

/// <summary>Replays a fixed list of (channel, time) spikes (like Brian2's SpikeGeneratorGroup). All are scheduled up front.</summary>
public sealed class SpikeTimesSource : ISpikeSource
{
    internal SpikeTimesSource(SpikingNetwork network, int id, string name, int channels, IEnumerable<(int Channel, double Time)> spikes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        Id = id;
        Name = name;
        Size = channels;
        foreach (var (channel, time) in spikes.OrderBy(s => s.Time).ThenBy(s => s.Channel))
        {
            if ((uint)channel >= (uint)channels) throw new ArgumentOutOfRangeException(nameof(spikes), channel, $"Channel must be < {channels}.");
            network.Scheduler.Schedule(time, network.Types.Spike, target: -1, source: id, intPayload: channel, priority: NeuronEventPriorities.Spike);
        }
    }

    public int Id { get; }
    public string Name { get; }
    public int Size { get; }

    void ISpikeSource.OnSpikeDispatched(int index, double time) { }

    // Pending spikes live in the scheduler's queue, which the scheduler checkpoints itself.
    public void SaveState(BinaryWriter writer) { }
    public void RestoreState(BinaryReader reader) { }
}
