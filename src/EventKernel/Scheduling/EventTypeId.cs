namespace CircuitNeuro.EventKernel.Scheduling;

/// <summary>Small integer id of an event type, handed out by <see cref="EventTypeRegistry"/> (dense: 0, 1, 2, ...).</summary>
public readonly record struct EventTypeId(int Value)
{
    public override string ToString() => $"EventType#{Value}";
}
