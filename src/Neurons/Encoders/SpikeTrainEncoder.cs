using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.Neurons.Network;

namespace CircuitNeuro.Neurons.Encoders;

/// <summary>
/// Shared machinery of rate-coded input channels: channel i fires at rate maxRate·intensity[i] during a
/// presentation window; each channel keeps one pending Spike event and schedules the next on dispatch.
/// Subclasses decide the spacing (regular or Poisson).
/// </summary>
public abstract class SpikeTrainEncoder : ISpikeSource
{
    private readonly SpikingNetwork _network;
    protected readonly double[] Rates;
    protected readonly EventHandle[] Pending;
    protected double WindowStart;
    protected double WindowEnd;

    private protected SpikeTrainEncoder(SpikingNetwork network, int id, string name, int channels, double maxRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (!(maxRate >= 0) || double.IsInfinity(maxRate)) throw new ArgumentOutOfRangeException(nameof(maxRate), maxRate, "Max rate must be finite and ≥ 0.");
        _network = network;
        Id = id;
        Name = name;
        MaxRate = maxRate;
        Rates = new double[channels];
        Pending = new EventHandle[channels];
    }

    public int Id { get; }
    public string Name { get; }
    public int Size => Rates.Length;
    public double MaxRate { get; }

    protected EventScheduler Scheduler => _network.Scheduler;
    protected SpikingNetwork Network => _network;

    public double RateOf(int channel) => Rates[channel];

    /// <summary>
    /// Presents a stimulus from now for <paramref name="duration"/> seconds: intensities in [0, 1] map to
    /// rates 0..MaxRate. Replaces any ongoing presentation.
    /// </summary>
    public void Present(ReadOnlySpan<double> intensities, double duration)
    {
        if (intensities.Length != Size) throw new ArgumentException($"Expected {Size} intensities, got {intensities.Length}.");
        if (!(duration >= 0)) throw new ArgumentOutOfRangeException(nameof(duration));
        WindowStart = Scheduler.Now;
        WindowEnd = WindowStart + duration;
        for (int i = 0; i < Size; i++)
        {
            double intensity = intensities[i];
            if (!(intensity >= 0 && intensity <= 1)) throw new ArgumentOutOfRangeException(nameof(intensities), intensity, $"Intensity {i} must be in [0, 1].");
            Rates[i] = MaxRate * intensity;
            Scheduler.Cancel(Pending[i]);
            Pending[i] = EventHandle.None;
            OnPresentationStarted(i);
            ScheduleNext(i, WindowStart);
        }
    }

    /// <summary>Stops all channels now.</summary>
    public void Silence()
    {
        for (int i = 0; i < Size; i++) { Scheduler.Cancel(Pending[i]); Pending[i] = EventHandle.None; }
        WindowEnd = Scheduler.Now;
    }

    void ISpikeSource.OnSpikeDispatched(int index, double time)
    {
        Pending[index] = EventHandle.None;
        ScheduleNext(index, time);
    }

    protected virtual void OnPresentationStarted(int channel) { }

    /// <summary>Time of channel's next spike after one at <paramref name="previous"/>, or +∞.</summary>
    protected abstract double NextSpikeTime(int channel, double previous);

    private void ScheduleNext(int channel, double previous)
    {
        if (Rates[channel] <= 0) return;
        double next = NextSpikeTime(channel, previous);
        if (!(next < WindowEnd)) return;
        Pending[channel] = Scheduler.Schedule(next, Network.Types.Spike, target: -1, source: Id, intPayload: channel,
                                              priority: NeuronEventPriorities.Spike);
    }

    public virtual void SaveState(BinaryWriter w)
    {
        w.Write(WindowStart); w.Write(WindowEnd);
        for (int i = 0; i < Size; i++) { w.Write(Rates[i]); w.Write(Pending[i].Slot); w.Write(Pending[i].Generation); }
    }

    public virtual void RestoreState(BinaryReader r)
    {
        WindowStart = r.ReadDouble(); WindowEnd = r.ReadDouble();
        for (int i = 0; i < Size; i++) { Rates[i] = r.ReadDouble(); Pending[i] = new EventHandle(r.ReadInt32(), r.ReadInt32()); }
    }
}
