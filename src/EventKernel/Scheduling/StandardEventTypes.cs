namespace CircuitNeuro.EventKernel.Scheduling;

/// <summary>
/// Names of the event kinds every simulator instance knows. They are ordinary registry entries
/// (registered first, in this order) — the scheduler treats them like any other type.
/// </summary>
public static class StandardEventTypes
{
    public const string Spike = "Spike";
    /// <summary>Programming pulse begins: double payload = amplitude, int payload = pulse shape id.</summary>
    public const string PulseStart = "PulseStart";
    /// <summary>Programming pulse ends; scheduled at start + width (see <see cref="ProgrammingPulseEvents"/>).</summary>
    public const string PulseEnd = "PulseEnd";
    public const string Read = "Read";
    public const string PhaseChange = "PhaseChange";
    public const string SampleTick = "SampleTick";

    public static IReadOnlyList<string> All { get; } = [Spike, PulseStart, PulseEnd, Read, PhaseChange, SampleTick];
}
