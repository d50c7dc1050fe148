using BenchmarkDotNet.Attributes;
using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.Bench;

/// <summary>
/// Schedule + dispatch throughput: every dispatched event's handler schedules one replacement at a pseudo-random
/// later time, so the queue stays at <see cref="PendingEvents"/> entries. One operation = one dispatch + one
/// schedule. Target: ≥ 10 M events/s on one core and 0 B allocated per operation.
/// </summary>
[MemoryDiagnoser]
public class EventKernelBenchmarks
{
    private const int EventsPerInvocation = 1_000_000;
    private const int DelayTableMask = 4095;

    private EventScheduler _scheduler = null!;
    private EventTypeId _tick;
    private double[] _delays = null!;
    private int _delayIndex;

    [Params(16, 1024, 65536)]
    public int PendingEvents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scheduler = new EventScheduler(initialCapacity: PendingEvents * 2);
        _tick = _scheduler.TypeOf("BenchTick");
        // Precomputed delays: the handler stays trivial and allocation-free. Coarse values force many ties.
        var rng = new CircuitNeuro.EventKernel.Random.RandomStream(seed: 1);
        _delays = new double[DelayTableMask + 1];
        for (int i = 0; i < _delays.Length; i++) _delays[i] = 1e-6 * (1 + rng.NextInt(1000));
        _scheduler.On(_tick, Reschedule);
        for (int i = 0; i < PendingEvents; i++) _scheduler.Schedule(_delays[i & DelayTableMask], _tick, target: i, priority: i & 3);
    }

    private void Reschedule(in SimEvent e)
    {
        _delayIndex = (_delayIndex + 1) & DelayTableMask;
        _scheduler.Schedule(e.Time + _delays[_delayIndex], _tick, e.Target, payload: e.Payload + 1, priority: e.Priority);
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvocation)]
    public long ScheduleAndDispatch()
    {
        var scheduler = _scheduler;
        for (int i = 0; i < EventsPerInvocation; i++) scheduler.Step();
        return scheduler.DispatchedCount;
    }
}
