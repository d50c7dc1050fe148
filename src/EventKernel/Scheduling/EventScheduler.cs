using CircuitNeuro.EventKernel.Checkpointing;

namespace CircuitNeuro.EventKernel.Scheduling;

/// <summary>
/// Discrete-event scheduler with a total, deterministic order: time, then priority (lower first), then
/// insertion sequence. Handlers are registered per event type and called in registration order.
/// Single-threaded by design: determinism matters more than parallel dispatch here.
/// </summary>
public sealed class EventScheduler : ICheckpointable
{
    private readonly EventQueue _queue;
    private SimEventHandler[][] _handlers = [];
    private long _nextSequence;
    private int _knownTypeCount; // cached registry size; refreshed on the slow path when a new type appears
    private bool _stopRequested;

    public EventScheduler(EventTypeRegistry? types = null, int initialCapacity = 256)
    {
        Types = types ?? new EventTypeRegistry();
        _queue = new EventQueue(initialCapacity);
    }

    public EventTypeRegistry Types { get; }

    /// <summary>Current simulation time (s): the time of the event being or last dispatched, or the last RunUntil bound.</summary>
    public double Now { get; private set; }

    public int PendingCount => _queue.Count;

    public long DispatchedCount { get; private set; }

    /// <summary>Next sequence number to be assigned (part of the checkpointed state).</summary>
    public long NextSequence => _nextSequence;

    public bool StopRequested => _stopRequested;

    /// <summary>Time of the next pending event, or +∞ when the queue is empty.</summary>
    public double NextEventTime => _queue.Count > 0 ? _queue.PeekTime() : double.PositiveInfinity;

    /// <summary>Convenience: register (or look up) a type by name.</summary>
    public EventTypeId TypeOf(string name) => Types.Register(name);

    public void On(EventTypeId type, SimEventHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        RequireRegistered(type);
        if (type.Value >= _handlers.Length) Array.Resize(ref _handlers, Types.Count);
        var list = _handlers[type.Value] ?? [];
        Array.Resize(ref list, list.Length + 1);
        list[^1] = handler;
        _handlers[type.Value] = list;
    }

    public void On(string typeName, SimEventHandler handler) => On(Types.Register(typeName), handler);

    public EventHandle Schedule(double time, EventTypeId type, int target = 0, int source = 0,
                                double payload = 0.0, int intPayload = 0, int priority = 0)
    {
        // One comparison covers the hot path; NaN and the error messages are handled off it.
        if (!(time >= Now) || (uint)type.Value >= (uint)_knownTypeCount) ValidateSlowPath(time, type);
        return _queue.Push(time, priority, _nextSequence++, type.Value, target, source, payload, intPayload);
    }

    public EventHandle ScheduleAfter(double delay, EventTypeId type, int target = 0, int source = 0,
                                     double payload = 0.0, int intPayload = 0, int priority = 0) =>
        Schedule(Now + delay, type, target, source, payload, intPayload, priority);

    /// <summary>Removes a pending event. Returns false when it already ran, was cancelled, or the handle is None.</summary>
    public bool Cancel(EventHandle handle) => _queue.Remove(handle);

    public bool IsPending(EventHandle handle) => _queue.IsPending(handle);

    public bool TryGetPending(EventHandle handle, out SimEvent ev) => _queue.TryGet(handle, out ev);

    /// <summary>Pending events in dispatch order (allocates; diagnostics and tests).</summary>
    public SimEvent[] PendingEvents() => _queue.SnapshotOrdered();

    /// <summary>Asks the running <see cref="RunUntil"/>/<see cref="Run"/> to return after the current handler.</summary>
    public void Stop() => _stopRequested = true;

    /// <summary>Dispatches the single next event. Returns false if none is pending.</summary>
    public bool Step()
    {
        if (_queue.Count == 0) return false;
        { var ev = _queue.Pop(); Dispatch(in ev); }
        return true;
    }

    /// <summary>
    /// Dispatches every event with Time ≤ <paramref name="endTime"/> (inclusive) unless stopped, then
    /// advances <see cref="Now"/> to <paramref name="endTime"/> (if finite and not stopped).
    /// Returns the number of events dispatched.
    /// </summary>
    public long RunUntil(double endTime)
    {
        if (double.IsNaN(endTime)) throw new ArgumentException("End time is NaN.", nameof(endTime));
        _stopRequested = false;
        long before = DispatchedCount;
        while (_queue.Count > 0 && _queue.PeekTime() <= endTime)
        {
            { var ev = _queue.Pop(); Dispatch(in ev); }
            if (_stopRequested) return DispatchedCount - before;
        }
        if (endTime > Now && !double.IsPositiveInfinity(endTime)) Now = endTime;
        return DispatchedCount - before;
    }

    /// <summary>Runs until the queue is empty or <see cref="Stop"/> is called.</summary>
    public long Run() => RunUntil(double.PositiveInfinity);

    /// <summary>Drops all pending events (handlers and time are kept).</summary>
    public void ClearPending() => _queue.Clear();

    private void Dispatch(in SimEvent ev)
    {
        Now = ev.Time;
        DispatchedCount++;
        var handlers = _handlers;
        if ((uint)ev.TypeValue >= (uint)handlers.Length) return;
        var list = handlers[ev.TypeValue];
        if (list is null) return;
        for (int i = 0; i < list.Length; i++) list[i](in ev);
    }

    private void RequireRegistered(EventTypeId type)
    {
        if (!Types.IsRegistered(type)) throw new ArgumentException($"Event type id {type.Value} is not registered.", nameof(type));
    }

    private void ValidateSlowPath(double time, EventTypeId type)
    {
        RequireRegistered(type);
        _knownTypeCount = Types.Count;
        if (time >= Now) return;
        if (double.IsNaN(time)) throw new ArgumentException($"Cannot schedule event of type '{Types.NameOf(type)}' at NaN time.", nameof(time));
        throw new SchedulingInPastException(Types.NameOf(type), time, Now);
    }

    // ---- checkpoint ----

    public void SaveState(BinaryWriter writer)
    {
        writer.Write(Types.Count);
        foreach (var name in Types.Names) writer.Write(name);
        writer.Write(Now);
        writer.Write(_nextSequence);
        writer.Write(DispatchedCount);
        _queue.Save(writer);
    }

    public void RestoreState(BinaryReader reader)
    {
        int typeCount = reader.ReadInt32();
        for (int i = 0; i < typeCount; i++)
        {
            string name = reader.ReadString();
            // Ids must mean the same types: the restored model has to register types in the same order.
            if (i >= Types.Count) Types.Register(name);
            else if (Types.Names[i] != name)
                throw new InvalidDataException($"Event type id {i} is '{Types.Names[i]}' here but '{name}' in the checkpoint.");
        }
        Now = reader.ReadDouble();
        _nextSequence = reader.ReadInt64();
        DispatchedCount = reader.ReadInt64();
        _queue.Restore(reader);
        _stopRequested = false;
    }
}
