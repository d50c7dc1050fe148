namespace CircuitNeuro.EventKernel.Scheduling;

/// <summary>A handler tried to schedule an event before the current simulation time.</summary>
public sealed class SchedulingInPastException : InvalidOperationException
{
    public SchedulingInPastException(string eventTypeName, double requestedTime, double now)
        : base($"Cannot schedule event of type '{eventTypeName}' at t={requestedTime:R} s: it is earlier than the current time t={now:R} s.")
    {
        EventTypeName = eventTypeName;
        RequestedTime = requestedTime;
        Now = now;
    }

    public string EventTypeName { get; }
    public double RequestedTime { get; }
    public double Now { get; }
}
