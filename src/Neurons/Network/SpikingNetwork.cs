using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.Neurons.Encoders;
using CircuitNeuro.Neurons.Lif;
using CircuitNeuro.Neurons.Synapses;

namespace CircuitNeuro.Neurons.Network;

/// <summary>
/// Wires populations, encoders and projections to an <see cref="EventScheduler"/>: every spike is a Spike
/// event; its dispatch resets the emitter and delivers to outgoing projections (immediately, or as a
/// SpikeArrival event after the projection's delay). Build order defines component ids, so rebuilding the
/// same network and restoring a checkpoint resumes exactly.
/// </summary>
public sealed class SpikingNetwork : ICheckpointable
{
    private readonly List<ISpikeSource> _sources = [];
    private readonly List<Projection> _projections = [];
    private readonly List<List<Projection>> _outgoing = [];
    private readonly List<ICheckpointable> _extraState = [];

    public SpikingNetwork(EventScheduler scheduler, RandomStreams streams)
    {
        Scheduler = scheduler;
        Streams = streams;
        Types = new NeuronEventTypes(scheduler.Types);
        scheduler.On(Types.Spike, OnSpike);
        scheduler.On(Types.SpikeArrival, OnSpikeArrival);
        scheduler.On(Types.CurrentStep, OnCurrentStep);
        scheduler.On(Types.HomeostasisTick, OnHomeostasisTick);
    }

    public EventScheduler Scheduler { get; }
    public RandomStreams Streams { get; }
    public NeuronEventTypes Types { get; }
    public IReadOnlyList<ISpikeSource> Sources => _sources;
    public IReadOnlyList<Projection> Projections => _projections;

    /// <summary>Raised after a spike is dispatched and before it is delivered (hook for plasticity and recording).</summary>
    public event Action<ISpikeSource, int, double>? SpikeEmitted;

    public LifPopulation AddPopulation(string name, int size, LifParameters parameters) =>
        Add(new LifPopulation(this, _sources.Count, name, size, parameters));

    public PoissonSpikeEncoder AddPoissonEncoder(string name, int channels, double maxRate) =>
        Add(new PoissonSpikeEncoder(this, _sources.Count, name, channels, maxRate));

    public RegularRateEncoder AddRateEncoder(string name, int channels, double maxRate) =>
        Add(new RegularRateEncoder(this, _sources.Count, name, channels, maxRate));

    public SpikeTimesSource AddSpikeTimes(string name, int channels, IEnumerable<(int Channel, double Time)> spikes) =>
        Add(new SpikeTimesSource(this, _sources.Count, name, channels, spikes));

    public Projection Connect(ISpikeSource pre, LifPopulation post, ISynapticWeights weights,
                              SynapseKind kind = SynapseKind.Delta, double delay = 0)
    {
        if (!ReferenceEquals(_sources[pre.Id], pre) || !ReferenceEquals(_sources[post.Id], post))
            throw new ArgumentException("Both ends must belong to this network.");
        var projection = new Projection(_projections.Count, pre, post, weights, kind, delay);
        _projections.Add(projection);
        _outgoing[pre.Id].Add(projection);
        if (weights is ICheckpointable plastic) _extraState.Add(plastic);
        return projection;
    }

    /// <summary>Includes additional state (e.g. a learning rule's traces) in this network's checkpoint.</summary>
    public void AddCheckpointPart(ICheckpointable part) => _extraState.Add(part);

    private T Add<T>(T source) where T : ISpikeSource
    {
        if (_sources.Any(s => s.Name == source.Name)) throw new ArgumentException($"A component named '{source.Name}' already exists.");
        _sources.Add(source);
        _outgoing.Add([]);
        return source;
    }

    private void OnSpike(in SimEvent e)
    {
        var source = _sources[e.Source];
        int index = e.IntPayload;
        source.OnSpikeDispatched(index, e.Time);
        SpikeEmitted?.Invoke(source, index, e.Time);
        foreach (var projection in _outgoing[e.Source])
        {
            if (projection.Delay == 0) projection.Deliver(index);
            else Scheduler.Schedule(e.Time + projection.Delay, Types.SpikeArrival, target: projection.Id, source: e.Source,
                                    intPayload: index, priority: NeuronEventPriorities.SpikeArrival);
        }
    }

    private void OnSpikeArrival(in SimEvent e) => _projections[e.Target].Deliver(e.IntPayload);

    private void OnCurrentStep(in SimEvent e) => Population(e.Target).SetInputCurrent(e.IntPayload, e.Payload);

    private void OnHomeostasisTick(in SimEvent e) => Population(e.Target).ApplyHomeostasis();

    private LifPopulation Population(int id) =>
        _sources[id] as LifPopulation ?? throw new InvalidOperationException($"Component {id} ('{_sources[id].Name}') is not a LIF population.");

    public void SaveState(BinaryWriter writer)
    {
        writer.Write(_sources.Count);
        foreach (var source in _sources) { writer.Write(source.Name); source.SaveState(writer); }
        writer.Write(_extraState.Count);
        foreach (var part in _extraState) part.SaveState(writer);
    }

    public void RestoreState(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count != _sources.Count) throw new InvalidDataException($"Checkpoint has {count} components, network has {_sources.Count}.");
        foreach (var source in _sources)
        {
            string name = reader.ReadString();
            if (name != source.Name) throw new InvalidDataException($"Checkpoint component '{name}' where '{source.Name}' was expected.");
            source.RestoreState(reader);
        }
        int extra = reader.ReadInt32();
        if (extra != _extraState.Count) throw new InvalidDataException("Checkpoint extra-state count differs.");
        foreach (var part in _extraState) part.RestoreState(reader);
    }
}
