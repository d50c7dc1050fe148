using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Neurons.Network;

namespace CircuitNeuro.Neurons.Encoders;

/// <summary>
/// Homogeneous Poisson spike trains (exponential inter-spike intervals; e.g. Heeger, "Poisson model of spike
/// generation", 2000). Each channel draws from its own stream "name/channel", so adding channels or other
/// components never changes an existing channel's train. Memorylessness makes restarting at Present exact.
/// </summary>
public sealed class PoissonSpikeEncoder : SpikeTrainEncoder
{
    private readonly RandomStream[] _streams;

    internal PoissonSpikeEncoder(SpikingNetwork network, int id, string name, int channels, double maxRate)
        : base(network, id, name, channels, maxRate)
    {
        _streams = new RandomStream[channels];
        for (int i = 0; i < channels; i++) _streams[i] = network.Streams.Get(name, i);
    }

    protected override double NextSpikeTime(int channel, double previous) =>
        previous + _streams[channel].PoissonInterval(Rates[channel]);
}
