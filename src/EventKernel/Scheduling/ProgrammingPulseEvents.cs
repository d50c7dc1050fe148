namespace CircuitNeuro.EventKernel.Scheduling;

/// <summary>
/// A device programming pulse as two events: PulseStart (payload = amplitude, int payload = shape id) at
/// <c>start</c> and PulseEnd (same payloads) at <c>start + width</c>. The width is carried by the event pair
/// rather than a third payload so events stay small.
/// </summary>
public readonly record struct ProgrammingPulseEvents(EventHandle Start, EventHandle End)
{
    public static ProgrammingPulseEvents Schedule(EventScheduler scheduler, double start, double width, double amplitude,
                                            int shapeId, int target, int source = 0, int priority = 0)
    {
        if (!(width >= 0)) throw new ArgumentOutOfRangeException(nameof(width), width, "Pulse width must be ≥ 0.");
        var types = scheduler.Types;
        var begin = scheduler.Schedule(start, types[StandardEventTypes.PulseStart], target, source, amplitude, shapeId, priority);
        var end = scheduler.Schedule(start + width, types[StandardEventTypes.PulseEnd], target, source, amplitude, shapeId, priority);
        return new ProgrammingPulseEvents(begin, end);
    }
}
