using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.Neurons.Network;

namespace CircuitNeuro.Neurons.Lif;

/// <summary>
/// N LIF neurons sharing parameters. Each neuron keeps at most one pending Spike event: its predicted
/// threshold crossing. Any input cancels and re-predicts it, so spikes are exact event times, not time steps.
/// All mutators act at the scheduler's current time.
/// </summary>
public sealed class LifPopulation : ISpikeSource
{
    private readonly SpikingNetwork _network;
    private readonly LifNeuronState[] _neurons;
    private EventHandle _homeostasisTick;

    internal LifPopulation(SpikingNetwork network, int id, string name, int size, LifParameters parameters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        parameters.Validate();
        _network = network;
        Id = id;
        Name = name;
        Parameters = parameters;
        _neurons = new LifNeuronState[size];
        double now = network.Scheduler.Now;
        for (int i = 0; i < size; i++)
            _neurons[i] = new LifNeuronState { LastUpdate = now, Potential = parameters.RestingPotential, LastSpikeTime = double.NegativeInfinity, RefractoryUntil = double.NegativeInfinity };
        if (parameters.HasHomeostasis) ScheduleHomeostasisTick();
    }

    public int Id { get; }
    public string Name { get; }
    public int Size => _neurons.Length;
    public LifParameters Parameters { get; }

    private EventScheduler Scheduler => _network.Scheduler;

    /// <summary>Copy of neuron <paramref name="i"/>'s state (valid at its LastUpdate).</summary>
    public LifNeuronState StateOf(int i) => _neurons[i];

    public long SpikeCount(int i) => _neurons[i].SpikeCount;

    /// <summary>Exact membrane potential at <paramref name="time"/> (≥ the neuron's last update), without side effects.</summary>
    public double PotentialAt(int i, double time) => LifDynamics.PotentialAt(Parameters, _neurons[i], time);

    public double ThresholdOf(int i) => LifDynamics.EffectiveThreshold(Parameters, _neurons[i]);

    /// <summary>Sets the membrane potential now (e.g. initial conditions).</summary>
    public void SetPotential(int i, double volts)
    {
        ref var s = ref AdvanceToNow(i);
        s.Potential = volts;
        Repredict(i);
    }

    /// <summary>
    /// Sets the piecewise-constant external current now. This is the seam for circuit co-simulation: a
    /// crossbar column current computed by the circuit solver can be fed in here at every solver event.
    /// </summary>
    public void SetInputCurrent(int i, double amperes)
    {
        ref var s = ref AdvanceToNow(i);
        if (s.InputCurrent == amperes) return;
        s.InputCurrent = amperes;
        Repredict(i);
    }

    /// <summary>Delta synapse: V jumps by <paramref name="volts"/>. Dropped while refractory (as NEST's iaf_psc_delta).</summary>
    public void ApplyVoltageJump(int i, double volts)
    {
        ref var s = ref AdvanceToNow(i);
        if (Scheduler.Now < s.RefractoryUntil) return;
        s.Potential += volts;
        Repredict(i);
    }

    /// <summary>Exponential-current synapse: I_syn jumps by <paramref name="amperes"/> (also while refractory).</summary>
    public void ApplySynapticCurrentJump(int i, double amperes)
    {
        ref var s = ref AdvanceToNow(i);
        s.SynapticCurrent += amperes;
        Repredict(i);
    }

    void ISpikeSource.OnSpikeDispatched(int i, double time)
    {
        ref var s = ref AdvanceToNow(i);
        s.PendingSpike = EventHandle.None;
        s.Potential = Parameters.ResetPotential;
        s.RefractoryUntil = time + Parameters.RefractoryPeriod;
        s.Adaptation += Parameters.AdaptationIncrement;
        s.LastSpikeTime = time;
        s.SpikeCount++;
        s.SpikesSinceHomeostasis++;
        Repredict(i);
    }

    /// <summary>
    /// Rate homeostasis on the threshold: θ_h += gain·(measured rate − target) every period, which drives the
    /// long-run rate to the target (cf. the adaptive threshold of Diehl &amp; Cook, Front. Comput. Neurosci. 2015).
    /// Applied in discrete ticks so the threshold stays piecewise constant and crossings stay exact.
    /// </summary>
    internal void ApplyHomeostasis()
    {
        var p = Parameters;
        double floor = p.ResetPotential - p.Threshold + LifParameters.MinimumThresholdMargin;
        for (int i = 0; i < _neurons.Length; i++)
        {
            ref var s = ref AdvanceToNow(i);
            double rate = s.SpikesSinceHomeostasis / p.HomeostasisPeriod;
            s.HomeostaticOffset = System.Math.Max(floor, s.HomeostaticOffset + p.HomeostasisGain * (rate - p.HomeostasisTargetRate));
            s.SpikesSinceHomeostasis = 0;
            Repredict(i);
        }
        ScheduleHomeostasisTick();
    }

    private void ScheduleHomeostasisTick() =>
        _homeostasisTick = Scheduler.ScheduleAfter(Parameters.HomeostasisPeriod, _network.Types.HomeostasisTick,
                                                   target: Id, priority: NeuronEventPriorities.Homeostasis);

    private ref LifNeuronState AdvanceToNow(int i)
    {
        ref var s = ref _neurons[i];
        LifDynamics.Advance(Parameters, ref s, Scheduler.Now);
        return ref s;
    }

    private void Repredict(int i)
    {
        ref var s = ref _neurons[i];
        double next = LifDynamics.NextThresholdCrossing(Parameters, s);
        if (Scheduler.TryGetPending(s.PendingSpike, out var pending) && pending.Time == next) return; // unchanged
        Scheduler.Cancel(s.PendingSpike);
        s.PendingSpike = double.IsPositiveInfinity(next)
            ? EventHandle.None
            : Scheduler.Schedule(next, _network.Types.Spike, target: -1, source: Id, intPayload: i, priority: NeuronEventPriorities.Spike);
    }

    public void SaveState(BinaryWriter w)
    {
        w.Write(_neurons.Length);
        foreach (var s in _neurons)
        {
            w.Write(s.LastUpdate); w.Write(s.Potential); w.Write(s.SynapticCurrent); w.Write(s.InputCurrent);
            w.Write(s.Adaptation); w.Write(s.HomeostaticOffset); w.Write(s.RefractoryUntil); w.Write(s.LastSpikeTime);
            w.Write(s.SpikeCount); w.Write(s.SpikesSinceHomeostasis); w.Write(s.PendingSpike.Slot); w.Write(s.PendingSpike.Generation);
        }
        w.Write(_homeostasisTick.Slot); w.Write(_homeostasisTick.Generation);
    }

    public void RestoreState(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n != _neurons.Length) throw new InvalidDataException($"Population '{Name}' has {_neurons.Length} neurons, checkpoint {n}.");
        for (int i = 0; i < n; i++)
        {
            _neurons[i] = new LifNeuronState
            {
                LastUpdate = r.ReadDouble(), Potential = r.ReadDouble(), SynapticCurrent = r.ReadDouble(), InputCurrent = r.ReadDouble(),
                Adaptation = r.ReadDouble(), HomeostaticOffset = r.ReadDouble(), RefractoryUntil = r.ReadDouble(), LastSpikeTime = r.ReadDouble(),
                SpikeCount = r.ReadInt64(), SpikesSinceHomeostasis = r.ReadInt32(), PendingSpike = new EventHandle(r.ReadInt32(), r.ReadInt32()),
            };
        }
        _homeostasisTick = new EventHandle(r.ReadInt32(), r.ReadInt32());
    }
}
