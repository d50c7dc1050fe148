namespace CircuitNeuro.EventKernel.Scheduling;

/// <summary>
/// Refers to one scheduled event for cancellation. The generation makes a handle stale once its event
/// was dispatched or cancelled, even if the queue slot is reused. <c>default</c> never matches an event.
/// </summary>
public readonly record struct EventHandle(int Slot, int Generation)
{
    public static EventHandle None => default;
    public bool IsNone => Generation == 0;
}
