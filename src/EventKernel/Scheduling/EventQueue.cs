using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CircuitNeuro.EventKernel.Scheduling;

/// <summary>
/// Indexed binary min-heap over plain arrays. The heap holds only 24-byte ordering keys (time, priority,
/// sequence, slot); the rest of each event lives in a slot table, so sifting moves little memory. A slot's
/// record also stores its heap position, so cancellation removes the event in O(log n) (no tombstones:
/// <see cref="Count"/> is exact and checkpoints hold only live events). Arrays only grow (doubling), so
/// steady-state scheduling allocates nothing.
/// </summary>
internal sealed class EventQueue
{
    private struct HeapKey
    {
        public double Time;
        public long Sequence;
        public int Priority;
        public int Slot;
    }

    private struct SlotRecord // 24 bytes
    {
        public double Payload;
        public int Type;
        public int Target;
        public int Source;
        public int IntPayload;
        public int Generation; // bumped whenever the slot's event leaves the queue
    }

    private HeapKey[] _heap;
    private int _count;
    private SlotRecord[] _slots;
    private int[] _positions; // heap index of each slot's key, -1 when free; kept apart from _slots so sifting touches a compact array
    private int[] _freeSlots; // stack of reusable slots
    private int _freeCount;
    private int _slotCount;   // slots ever created

    public EventQueue(int initialCapacity = 256)
    {
        initialCapacity = Math.Max(4, initialCapacity);
        _heap = new HeapKey[initialCapacity];
        _slots = new SlotRecord[initialCapacity];
        _positions = new int[initialCapacity];
        _freeSlots = new int[initialCapacity];
    }

    public int Count => _count;

    public double PeekTime() => _heap[0].Time;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Precedes(in HeapKey a, in HeapKey b) =>
        a.Time < b.Time || (a.Time == b.Time && (a.Priority < b.Priority || (a.Priority == b.Priority && a.Sequence < b.Sequence)));

    public EventHandle Push(double time, int priority, long sequence, int type, int target, int source, double payload, int intPayload)
    {
        int slot = AcquireSlot();
        ref var record = ref _slots[slot];
        record.Payload = payload; record.Type = type; record.Target = target; record.Source = source; record.IntPayload = intPayload;
        if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
        SiftUp(_count++, new HeapKey { Time = time, Sequence = sequence, Priority = priority, Slot = slot });
        return new EventHandle(slot, record.Generation);
    }

    /// <summary>Removes and returns the earliest event. Caller checks <see cref="Count"/> first.</summary>
    public SimEvent Pop()
    {
        HeapKey top = _heap[0];
        SimEvent ev = Assemble(top);
        ReleaseSlot(top.Slot);
        int last = --_count;
        if (last > 0) RefillFromRoot(_heap[last]);
        return ev;
    }

    public bool IsPending(EventHandle handle) =>
        (uint)handle.Slot < (uint)_slotCount
        && _slots[handle.Slot].Generation == handle.Generation
        && _positions[handle.Slot] >= 0;

    public bool TryGet(EventHandle handle, out SimEvent ev)
    {
        if (!IsPending(handle)) { ev = default; return false; }
        ev = Assemble(_heap[_positions[handle.Slot]]);
        return true;
    }

    public bool Remove(EventHandle handle)
    {
        if (!IsPending(handle)) return false;
        int index = _positions[handle.Slot];
        ReleaseSlot(handle.Slot);
        int last = --_count;
        if (index != last)
        {
            HeapKey moved = _heap[last];
            // The moved key may belong above or below the hole.
            if (index > 0 && Precedes(moved, _heap[(index - 1) >> 1])) SiftUp(index, moved);
            else SiftDown(index, moved);
        }
        return true;
    }

    /// <summary>Pending events in dispatch order (allocates; for tests and diagnostics).</summary>
    public SimEvent[] SnapshotOrdered()
    {
        var keys = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(keys, static (a, b) => Precedes(a, b) ? -1 : Precedes(b, a) ? 1 : 0);
        return keys.Select(Assemble).ToArray();
    }

    public void Clear()
    {
        for (int i = 0; i < _count; i++) ReleaseSlot(_heap[i].Slot);
        _count = 0;
    }

    private SimEvent Assemble(HeapKey key)
    {
        ref readonly var r = ref _slots[key.Slot];
        return new SimEvent(key.Time, key.Priority, key.Sequence, r.Type, r.Target, r.Source, r.Payload, r.IntPayload, key.Slot);
    }

    // ---- checkpoint support: exact array contents, so handles stay valid after a restore ----

    public void Save(BinaryWriter w)
    {
        w.Write(_count);
        for (int i = 0; i < _count; i++)
        {
            ref readonly var k = ref _heap[i];
            w.Write(k.Time); w.Write(k.Sequence); w.Write(k.Priority); w.Write(k.Slot);
        }
        w.Write(_slotCount);
        for (int s = 0; s < _slotCount; s++)
        {
            ref readonly var r = ref _slots[s];
            w.Write(r.Payload); w.Write(r.Type); w.Write(r.Target); w.Write(r.Source); w.Write(r.IntPayload);
            w.Write(_positions[s]); w.Write(r.Generation);
        }
        w.Write(_freeCount);
        for (int i = 0; i < _freeCount; i++) w.Write(_freeSlots[i]);
    }

    public void Restore(BinaryReader r)
    {
        int count = r.ReadInt32();
        var heap = new HeapKey[Math.Max(4, count * 2)];
        for (int i = 0; i < count; i++)
            heap[i] = new HeapKey { Time = r.ReadDouble(), Sequence = r.ReadInt64(), Priority = r.ReadInt32(), Slot = r.ReadInt32() };
        int slotCount = r.ReadInt32();
        int capacity = Math.Max(4, slotCount * 2);
        var slots = new SlotRecord[capacity];
        var positions = new int[capacity];
        for (int s = 0; s < slotCount; s++)
        {
            slots[s] = new SlotRecord
            {
                Payload = r.ReadDouble(), Type = r.ReadInt32(), Target = r.ReadInt32(), Source = r.ReadInt32(), IntPayload = r.ReadInt32(),
            };
            positions[s] = r.ReadInt32();
            slots[s].Generation = r.ReadInt32();
        }
        int freeCount = r.ReadInt32();
        var free = new int[capacity];
        for (int i = 0; i < freeCount; i++) free[i] = r.ReadInt32();

        _heap = heap; _count = count;
        _slots = slots; _positions = positions; _slotCount = slotCount;
        _freeSlots = free; _freeCount = freeCount;
    }

    private int AcquireSlot()
    {
        if (_freeCount > 0) return _freeSlots[--_freeCount];
        if (_slotCount == _slots.Length)
        {
            Array.Resize(ref _slots, _slotCount * 2);
            Array.Resize(ref _positions, _slotCount * 2);
            Array.Resize(ref _freeSlots, _slotCount * 2);
        }
        int slot = _slotCount++;
        _slots[slot].Generation = 1; // generation 0 is reserved for EventHandle.None
        return slot;
    }

    private void ReleaseSlot(int slot)
    {
        ref var record = ref _slots[slot];
        _positions[slot] = -1;
        if (++record.Generation == 0) record.Generation = 1;
        _freeSlots[_freeCount++] = slot;
    }

    // Hole-based sifting: move the hole instead of swapping, keeping slot positions in sync.
    private void SiftUp(int index, HeapKey key)
    {
        var heap = _heap;
        var positions = _positions;
        while (index > 0)
        {
            int parent = (index - 1) >> 1;
            if (!Precedes(key, heap[parent])) break;
            heap[index] = heap[parent];
            positions[heap[index].Slot] = index;
            index = parent;
        }
        heap[index] = key;
        positions[key.Slot] = index;
    }

    private void SiftDown(int index, HeapKey key)
    {
        var heap = _heap;
        var positions = _positions;
        int count = _count;
        while (true)
        {
            int child = 2 * index + 1;
            if (child >= count) break;
            if (child + 1 < count && Precedes(heap[child + 1], heap[child])) child++;
            if (!Precedes(heap[child], key)) break;
            heap[index] = heap[child];
            positions[heap[index].Slot] = index;
            index = child;
        }
        heap[index] = key;
        positions[key.Slot] = index;
    }

    /// <summary>
    /// Pop's refill: walk the root hole down to a leaf along the smaller children (one comparison per level),
    /// then sift the former last key up from there. The last key usually belongs near the bottom, so this
    /// does about half the comparisons of a plain sift-down (Wegener's bottom-up heapsort idea).
    /// The child choice is computed as 0/1 rather than branched on, since it is a coin flip for the predictor;
    /// indices are provably in range, so the loop reads the array without bounds checks.
    /// </summary>
    private void RefillFromRoot(HeapKey key)
    {
        ref HeapKey heap = ref MemoryMarshal.GetArrayDataReference(_heap);
        ref int positions = ref MemoryMarshal.GetArrayDataReference(_positions);
        int count = _count;
        int index = 0;
        int child = 1;
        while (child + 1 < count)
        {
            child += RightPrecedesLeft(ref Unsafe.Add(ref heap, child));
            ref HeapKey moved = ref Unsafe.Add(ref heap, child);
            Unsafe.Add(ref heap, index) = moved;
            Unsafe.Add(ref positions, moved.Slot) = index;
            index = child;
            child = 2 * index + 1;
        }
        if (child < count) // a last node with a single child
        {
            ref HeapKey moved = ref Unsafe.Add(ref heap, child);
            Unsafe.Add(ref heap, index) = moved;
            Unsafe.Add(ref positions, moved.Slot) = index;
            index = child;
        }
        SiftUp(index, key);
    }

    /// <summary>1 if the key right after <paramref name="left"/> comes first, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RightPrecedesLeft(ref HeapKey left)
    {
        ref HeapKey right = ref Unsafe.Add(ref left, 1);
        if (right.Time != left.Time) return right.Time < left.Time ? 1 : 0;
        if (right.Priority != left.Priority) return right.Priority < left.Priority ? 1 : 0;
        return right.Sequence < left.Sequence ? 1 : 0;
    }
}
