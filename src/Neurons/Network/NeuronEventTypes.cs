using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.Neurons.Network;

/// <summary>
/// Event types the neuron layer uses: the kernel's standard Spike and SampleTick plus its own registered
/// names. Registration order is fixed, so ids are the same in every run (checkpoints rely on that).
/// </summary>
public sealed class NeuronEventTypes
{
    public const string SpikeArrivalName = "SpikeArrival";   // Target = projection id, IntPayload = presynaptic index
    public const string CurrentStepName = "CurrentStep";     // Target = population id, IntPayload = neuron, Payload = amperes
    public const string HomeostasisTickName = "HomeostasisTick"; // Target = population id

    public NeuronEventTypes(EventTypeRegistry registry)
    {
        Spike = registry[StandardEventTypes.Spike];
        SampleTick = registry[StandardEventTypes.SampleTick];
        SpikeArrival = registry.Register(SpikeArrivalName);
        CurrentStep = registry.Register(CurrentStepName);
        HomeostasisTick = registry.Register(HomeostasisTickName);
    }

    public EventTypeId Spike { get; }
    public EventTypeId SampleTick { get; }
    public EventTypeId SpikeArrival { get; }
    public EventTypeId CurrentStep { get; }
    public EventTypeId HomeostasisTick { get; }
}

/// <summary>
/// Tie-breaking among events at the same instant: samples see the left limit, then currents change,
/// then synaptic inputs land, and only then do neurons fire — so simultaneous inputs are all integrated first.
/// </summary>
public static class NeuronEventPriorities
{
    public const int Sample = -20;
    public const int CurrentStep = -10;
    public const int SpikeArrival = 0;
    public const int Spike = 10;
    public const int Homeostasis = 20;
}
