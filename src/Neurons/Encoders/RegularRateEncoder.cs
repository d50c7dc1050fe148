using CircuitNeuro.Neurons.Network;

namespace CircuitNeuro.Neurons.Encoders;

/// <summary>
/// Deterministic rate code: channel i fires at start + k/rate, k = 1, 2, ... Times are computed from k
/// rather than by adding intervals, so they do not accumulate rounding drift.
/// </summary>
public sealed class RegularRateEncoder : SpikeTrainEncoder
{
    private readonly long[] _spikeIndex;

    internal RegularRateEncoder(SpikingNetwork network, int id, string name, int channels, double maxRate)
        : base(network, id, name, channels, maxRate) => _spikeIndex = new long[channels];

    protected override void OnPresentationStarted(int channel) => _spikeIndex[channel] = 0;

    protected override double NextSpikeTime(int channel, double previous) =>
        WindowStart + ++_spikeIndex[channel] / Rates[channel];

    public override void SaveState(BinaryWriter w)
    {
        base.SaveState(w);
        foreach (long k in _spikeIndex) w.Write(k);
    }

    public override void RestoreState(BinaryReader r)
    {
        base.RestoreState(r);
        for (int i = 0; i < _spikeIndex.Length; i++) _spikeIndex[i] = r.ReadInt64();
    }
}
