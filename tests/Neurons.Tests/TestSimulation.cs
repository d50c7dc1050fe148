using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.EventKernel.Tracing;
using CircuitNeuro.Neurons.Network;

namespace CircuitNeuro.Neurons.Tests;

/// <summary>Scheduler + streams + network + a spike log, the usual test setup.</summary>
internal sealed class TestSimulation
{
    public TestSimulation(ulong seed = 1)
    {
        Scheduler = new EventScheduler();
        Streams = new RandomStreams(seed);
        Network = new SpikingNetwork(Scheduler, Streams);
        Trace = new TraceRecorder(Scheduler.Types);
        Network.SpikeEmitted += (source, index, time) => Spikes.Add((source.Name, index, time));
    }

    public EventScheduler Scheduler { get; }
    public RandomStreams Streams { get; }
    public SpikingNetwork Network { get; }
    public TraceRecorder Trace { get; }
    public List<(string Source, int Index, double Time)> Spikes { get; } = [];

    public double[] SpikeTimes(string source, int index = 0) =>
        Spikes.Where(s => s.Source == source && s.Index == index).Select(s => s.Time).ToArray();
}
