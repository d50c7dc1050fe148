namespace CircuitNeuro.EventKernel.Scheduling;

/// <summary>
/// Indexed binary min-heap of <see cref="SimEvent"/> values over plain arrays. Each pending event owns a
/// slot; <c>_positionOfSlot</c> tracks where it sits in the heap so cancellation removes it in O(log n)
/// (no tombstones, so <see cref="Count"/> is exact and checkpoints hold only live events).
/// Arrays only grow (doubling), so steady-state scheduling allocates nothing.
/// </summary>
internal sealed class EventQueue
{
    private SimEvent[] _heap;
    private int _count;

    private int[] _positionOfSlot;   // heap index of the slot's event, -1 when the slot is free
    private int[] _generationOfSlot; // bumped whenever the slot's event leaves the queue
    private int[] _freeSlots;        // stack of reusable slots
    private int _freeCount;
    private int _slotCount;          // slots ever created

    public EventQueue(int initialCapacity = 256)
    {
        initialCapacity = Math.Max(4, initialCapacity);
        _heap = new SimEvent[initialCapacity];
        _positionOfSlot = new int[initialCapacity];
        _generationOfSlot = new int[initialCapacity];
        _freeSlots = new int[initialCapacity];
    }

    public int Count => _count;

    public ref readonly SimEvent Peek() => ref _heap[0];

    public EventHandle Push(double time, int priority, long sequence, int type, int target, int source, double payload, int intPayload)
    {
        int slot = AcquireSlot();
        if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
        var ev = new SimEvent(time, priority, sequence, type, target, source, payload, intPayload, slot);
        SiftUp(_count++, ev);
        return new EventHandle(slot, _generationOfSlot[slot]);
    }

    /// <summary>Removes and returns the earliest event. Caller checks <see cref="Count"/> first.</summary>
    public SimEvent Pop()
    {
        SimEvent top = _heap[0];
        ReleaseSlot(top.Slot);
        int last = --_count;
        if (last > 0) SiftDown(0, _heap[last]);
        return top;
    }

    public bool IsPending(EventHandle handle) =>
        (uint)handle.Slot < (uint)_slotCount
        && _generationOfSlot[handle.Slot] == handle.Generation
        && _positionOfSlot[handle.Slot] >= 0;

    public bool TryGet(EventHandle handle, out SimEvent ev)
    {
        if (!IsPending(handle)) { ev = default; return false; }
        ev = _heap[_positionOfSlot[handle.Slot]];
        return true;
    }

    public bool Remove(EventHandle handle)
    {
        if (!IsPending(handle)) return false;
        int index = _positionOfSlot[handle.Slot];
        ReleaseSlot(handle.Slot);
        int last = --_count;
        if (index != last)
        {
            SimEvent moved = _heap[last];
            // The moved element may belong above or below the hole.
            if (index > 0 && moved.Precedes(_heap[(index - 1) >> 1])) SiftUp(index, moved);
            else SiftDown(index, moved);
        }
        return true;
    }

    /// <summary>Pending events in dispatch order (allocates; for checkpoints, tests and diagnostics).</summary>
    public SimEvent[] SnapshotOrdered()
    {
        var copy = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(copy, static (a, b) => a.Precedes(b) ? -1 : b.Precedes(a) ? 1 : 0);
        return copy;
    }

    public void Clear()
    {
        for (int i = 0; i < _count; i++) ReleaseSlot(_heap[i].Slot);
        _count = 0;
    }

    // ---- checkpoint support: the exact array contents, so handles stay valid after a restore ----

    public void Save(BinaryWriter w)
    {
        w.Write(_count);
        for (int i = 0; i < _count; i++)
        {
            ref readonly var e = ref _heap[i];
            w.Write(e.Time); w.Write(e.Priority); w.Write(e.Sequence); w.Write(e.TypeValue);
            w.Write(e.Target); w.Write(e.Source); w.Write(e.Payload); w.Write(e.IntPayload); w.Write(e.Slot);
        }
        w.Write(_slotCount);
        for (int s = 0; s < _slotCount; s++) { w.Write(_positionOfSlot[s]); w.Write(_generationOfSlot[s]); }
        w.Write(_freeCount);
        for (int i = 0; i < _freeCount; i++) w.Write(_freeSlots[i]);
    }

    public void Restore(BinaryReader r)
    {
        int count = r.ReadInt32();
        var heap = new SimEvent[Math.Max(4, count * 2)];
        for (int i = 0; i < count; i++)
        {
            double time = r.ReadDouble(); int priority = r.ReadInt32(); long sequence = r.ReadInt64(); int type = r.ReadInt32();
            int target = r.ReadInt32(); int source = r.ReadInt32(); double payload = r.ReadDouble(); int intPayload = r.ReadInt32(); int slot = r.ReadInt32();
            heap[i] = new SimEvent(time, priority, sequence, type, target, source, payload, intPayload, slot);
        }
        int slotCount = r.ReadInt32();
        int capacity = Math.Max(4, slotCount * 2);
        var position = new int[capacity];
        var generation = new int[capacity];
        for (int s = 0; s < slotCount; s++) { position[s] = r.ReadInt32(); generation[s] = r.ReadInt32(); }
        int freeCount = r.ReadInt32();
        var free = new int[capacity];
        for (int i = 0; i < freeCount; i++) free[i] = r.ReadInt32();

        _heap = heap; _count = count;
        _positionOfSlot = position; _generationOfSlot = generation; _slotCount = slotCount;
        _freeSlots = free; _freeCount = freeCount;
    }

    private int AcquireSlot()
    {
        if (_freeCount > 0) return _freeSlots[--_freeCount];
        if (_slotCount == _positionOfSlot.Length)
        {
            int size = _slotCount * 2;
            Array.Resize(ref _positionOfSlot, size);
            Array.Resize(ref _generationOfSlot, size);
            Array.Resize(ref _freeSlots, size);
        }
        int slot = _slotCount++;
        _generationOfSlot[slot] = 1; // generation 0 is reserved for EventHandle.None
        return slot;
    }

    private void ReleaseSlot(int slot)
    {
        _positionOfSlot[slot] = -1;
        if (++_generationOfSlot[slot] == 0) _generationOfSlot[slot] = 1;
        _freeSlots[_freeCount++] = slot;
    }

    // Hole-based sifting: move the hole instead of swapping, and keep slot positions in sync.
    private void SiftUp(int index, SimEvent ev)
    {
        var heap = _heap;
        while (index > 0)
        {
            int parent = (index - 1) >> 1;
            if (!ev.Precedes(heap[parent])) break;
            heap[index] = heap[parent];
            _positionOfSlot[heap[index].Slot] = index;
            index = parent;
        }
        heap[index] = ev;
        _positionOfSlot[ev.Slot] = index;
    }

    private void SiftDown(int index, SimEvent ev)
    {
        var heap = _heap;
        int count = _count;
        while (true)
        {
            int child = 2 * index + 1;
            if (child >= count) break;
            if (child + 1 < count && heap[child + 1].Precedes(heap[child])) child++;
            if (!heap[child].Precedes(ev)) break;
            heap[index] = heap[child];
            _positionOfSlot[heap[index].Slot] = index;
            index = child;
        }
        heap[index] = ev;
        _positionOfSlot[ev.Slot] = index;
    }
}
