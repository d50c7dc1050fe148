using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.EventKernel.Tracing;
using CircuitNeuro.Neurons.Lif;
using CircuitNeuro.Neurons.Network;

namespace CircuitNeuro.Neurons.Probes;

/// <summary>
/// Samples exact membrane potentials at start + k·interval through SampleTick events (lowest priority at a
/// given instant, so a sample shows the value just before same-time inputs). Signals are named "population.v[i]".
/// </summary>
public sealed class MembraneProbe : ICheckpointable
{
    private readonly SpikingNetwork _network;
    private readonly LifPopulation _population;
    private readonly int[] _neurons;
    private readonly TraceRecorder _trace;
    private readonly string[] _signalNames;
    private readonly int _probeId;
    private long _sampleIndex;

    /// <param name="probeId">Distinguishes this probe's SampleTick events from other users of that type.</param>
    public MembraneProbe(SpikingNetwork network, LifPopulation population, int[] neurons, TraceRecorder trace,
                         double start, double interval, double stop, int probeId)
    {
        if (!(interval > 0)) throw new ArgumentOutOfRangeException(nameof(interval));
        _network = network;
        _population = population;
        _neurons = neurons;
        _trace = trace;
        _probeId = probeId;
        Start = start;
        Interval = interval;
        Stop = stop;
        _signalNames = neurons.Select(i => $"{population.Name}.v[{i}]").ToArray();
        network.Scheduler.On(network.Types.SampleTick, OnSample);
        network.Scheduler.Schedule(start, network.Types.SampleTick, target: probeId, priority: NeuronEventPriorities.Sample);
        network.AddCheckpointPart(this); // the sample counter must survive a restore
    }

    public double Start { get; }
    public double Interval { get; }
    public double Stop { get; }

    public IReadOnlyList<string> SignalNames => _signalNames;

    private void OnSample(in SimEvent e)
    {
        if (e.Target != _probeId) return;
        for (int k = 0; k < _neurons.Length; k++)
            _trace.RecordSignal(_signalNames[k], e.Time, _population.PotentialAt(_neurons[k], e.Time));
        double next = Start + ++_sampleIndex * Interval;
        if (next <= Stop)
            _network.Scheduler.Schedule(next, _network.Types.SampleTick, target: _probeId, priority: NeuronEventPriorities.Sample);
    }

    public void SaveState(BinaryWriter writer) => writer.Write(_sampleIndex);

    public void RestoreState(BinaryReader reader) => _sampleIndex = reader.ReadInt64();
}
