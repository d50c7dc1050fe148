using System.Runtime.InteropServices;

namespace CircuitNeuro.EventKernel.Scheduling;

/// <summary>
/// One scheduled event, as handed to handlers: a plain value type, so scheduling allocates nothing (the queue
/// stores it split into an ordering key and a slot record). Order is (Time, Priority, Sequence): lower
/// priority value first, then insertion order.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct SimEvent
{
    public SimEvent(double time, int priority, long sequence, EventTypeId type, int target, int source, double payload, int intPayload)
        : this(time, priority, sequence, type.Value, target, source, payload, intPayload, slot: -1)
    {
    }

    internal SimEvent(double time, int priority, long sequence, int type, int target, int source, double payload, int intPayload, int slot)
    {
        Time = time;
        Sequence = sequence;
        Payload = payload;
        Priority = priority;
        TypeValue = type;
        Target = target;
        Source = source;
        IntPayload = intPayload;
        Slot = slot;
    }

    /// <summary>Simulation time in seconds.</summary>
    public double Time { get; }
    /// <summary>Global insertion counter; breaks ties between equal (Time, Priority).</summary>
    public long Sequence { get; }
    public double Payload { get; }
    public int Priority { get; }
    internal int TypeValue { get; }
    public int Target { get; }
    public int Source { get; }
    public int IntPayload { get; }
    /// <summary>Queue slot while pending; lets handles find the event for cancellation.</summary>
    internal int Slot { get; }

    public EventTypeId Type => new(TypeValue);

    /// <summary>True when this event is dispatched before <paramref name="other"/>.</summary>
    public bool Precedes(in SimEvent other) =>
        Time < other.Time
        || (Time == other.Time && (Priority < other.Priority || (Priority == other.Priority && Sequence < other.Sequence)));

    public override string ToString() =>
        $"t={Time:R} prio={Priority} seq={Sequence} type={TypeValue} target={Target} source={Source} payload={Payload:R} int={IntPayload}";
}
