using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.EventKernel.Tests;

public class SchedulerOrderTests
{
    private static (EventScheduler Scheduler, EventTypeId Type, List<SimEvent> Seen) NewRecordingScheduler()
    {
        var scheduler = new EventScheduler();
        var type = scheduler.TypeOf("Test");
        var seen = new List<SimEvent>();
        scheduler.On(type, (in SimEvent e) => seen.Add(e));
        return (scheduler, type, seen);
    }

    [Fact]
    public void EqualTimeAndPriority_DispatchesInInsertionOrder()
    {
        var (s, type, seen) = NewRecordingScheduler();
        for (int i = 0; i < 100; i++) s.Schedule(1.0, type, target: i);
        s.Run();
        Assert.Equal(Enumerable.Range(0, 100), seen.Select(e => e.Target));
    }

    [Fact]
    public void EqualTime_LowerPriorityValueFirst_ThenSequence()
    {
        var (s, type, seen) = NewRecordingScheduler();
        s.Schedule(2.0, type, target: 0, priority: 5);
        s.Schedule(2.0, type, target: 1, priority: -3);
        s.Schedule(2.0, type, target: 2, priority: 5);
        s.Schedule(2.0, type, target: 3, priority: 0);
        s.Schedule(1.0, type, target: 4, priority: 100);
        s.Run();
        Assert.Equal(new[] { 4, 1, 3, 0, 2 }, seen.Select(e => e.Target));
    }

    [Fact]
    public void RandomInsertExtract_MatchesLinqOrderBy()
    {
        var (s, type, seen) = NewRecordingScheduler();
        var rng = new System.Random(12345); // only to generate test input; not part of the simulator
        var pool = new List<SimEvent>();      // reference model: a plain list, minimum taken with LINQ
        var handles = new Dictionary<long, EventHandle>();
        // Interleave inserts and extractions; times come from a coarse grid so ties are common.
        for (int round = 0; round < 3000; round++)
        {
            int inserts = rng.Next(0, 6);
            for (int k = 0; k < inserts; k++)
            {
                double time = s.Now + rng.Next(0, 20) * 0.25;
                int priority = rng.Next(-2, 3);
                long seq = s.NextSequence;
                handles[seq] = s.Schedule(time, type, target: (int)seq, priority: priority);
                pool.Add(new SimEvent(time, priority, seq, type, (int)seq, 0, 0, 0));
            }
            if (pool.Count > 0 && rng.Next(0, 3) == 0)
            {
                // Cancel a random pending event: exercises removal from the middle of the heap.
                var victim = pool[rng.Next(pool.Count)];
                Assert.True(s.Cancel(handles[victim.Sequence]));
                pool.Remove(victim);
                Assert.Equal(pool.Count, s.PendingCount);
            }
            int steps = rng.Next(0, 5);
            for (int k = 0; k < steps; k++)
            {
                bool dispatched = s.Step();
                Assert.Equal(pool.Count > 0, dispatched);
                if (!dispatched) break;
                var expected = pool.OrderBy(e => e.Time).ThenBy(e => e.Priority).ThenBy(e => e.Sequence).First();
                pool.Remove(expected);
                Assert.Equal(expected.Sequence, seen[^1].Sequence);
            }
        }
        var rest = pool.OrderBy(e => e.Time).ThenBy(e => e.Priority).ThenBy(e => e.Sequence).Select(e => e.Sequence).ToList();
        int before = seen.Count;
        s.Run();
        Assert.Equal(rest, seen.Skip(before).Select(e => e.Sequence).ToList());
        Assert.True(seen.Count > 4000);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Time <= p.Second.Time), "time went backwards");
    }

    [Fact]
    public void Cancel_RemovesOnlyThatEvent_AndStaleHandlesAreRejected()
    {
        var (s, type, seen) = NewRecordingScheduler();
        var handles = Enumerable.Range(0, 50).Select(i => s.Schedule(i * 0.1, type, target: i)).ToArray();
        var rng = new System.Random(7);
        var cancelled = new HashSet<int>();
        foreach (int i in Enumerable.Range(0, 50).OrderBy(_ => rng.Next()).Take(20))
        {
            Assert.True(s.Cancel(handles[i]));
            cancelled.Add(i);
        }
        Assert.False(s.Cancel(handles[cancelled.First()])); // second cancel
        Assert.False(s.Cancel(EventHandle.None));
        Assert.Equal(30, s.PendingCount);
        s.Run();
        Assert.Equal(Enumerable.Range(0, 50).Where(i => !cancelled.Contains(i)), seen.Select(e => e.Target));
        // Slots get reused: an old handle must not cancel the new occupant.
        var fresh = s.Schedule(s.Now + 1, type, target: 999);
        foreach (var h in handles) Assert.False(s.Cancel(h));
        Assert.True(s.IsPending(fresh));
    }

    [Fact]
    public void SchedulingInThePast_ThrowsNamingTypeAndTimes()
    {
        var s = new EventScheduler();
        var spike = s.Types[StandardEventTypes.Spike];
        s.On(spike, (in SimEvent e) => s.Schedule(e.Time - 0.5, spike));
        s.Schedule(2.0, spike);
        var ex = Assert.Throws<SchedulingInPastException>(() => s.Run());
        Assert.Contains("'Spike'", ex.Message);
        Assert.Contains("1.5", ex.Message);
        Assert.Contains("t=2 s", ex.Message);
        Assert.Equal(1.5, ex.RequestedTime);
        Assert.Equal(2.0, ex.Now);
    }

    [Fact]
    public void SchedulingAtNaN_OrUnregisteredType_Throws()
    {
        var s = new EventScheduler();
        Assert.Throws<ArgumentException>(() => s.Schedule(double.NaN, s.Types[StandardEventTypes.Read]));
        Assert.Throws<ArgumentException>(() => s.Schedule(1.0, new EventTypeId(999)));
    }

    [Fact]
    public void HandlersRunInRegistrationOrder_AndMayScheduleAtNow()
    {
        var s = new EventScheduler();
        var a = s.TypeOf("A");
        var b = s.TypeOf("B");
        var log = new List<string>();
        s.On(a, (in SimEvent e) => { log.Add("a1"); s.Schedule(s.Now, b); });
        s.On(a, (in SimEvent e) => log.Add("a2"));
        s.On(b, (in SimEvent e) => log.Add($"b@{e.Time}"));
        s.Schedule(3.0, a);
        s.Run();
        Assert.Equal(new[] { "a1", "a2", "b@3" }, log);
    }

    [Fact]
    public void RunUntil_IsInclusive_AdvancesNow_AndStopInterrupts()
    {
        var (s, type, seen) = NewRecordingScheduler();
        s.Schedule(1.0, type, target: 1);
        s.Schedule(2.0, type, target: 2);
        s.Schedule(3.0, type, target: 3);
        Assert.Equal(2, s.RunUntil(2.0));
        Assert.Equal(2.0, s.Now);
        Assert.Equal(0, s.RunUntil(2.5));
        Assert.Equal(2.5, s.Now);

        s.On(type, (in SimEvent e) => { if (e.Target == 3) s.Stop(); });
        s.Schedule(4.0, type, target: 4);
        Assert.Equal(1, s.RunUntil(10));
        Assert.Equal(3.0, s.Now);
        Assert.Equal(1, s.PendingCount);
        Assert.Equal(new[] { 1, 2, 3 }, seen.Select(e => e.Target));
    }

    [Fact]
    public void StandardTypes_AreOrdinaryRegistryEntries()
    {
        var registry = new EventTypeRegistry();
        Assert.Equal(StandardEventTypes.All, registry.Names);
        Assert.Equal(registry[StandardEventTypes.Spike], registry.Register("Spike"));
        var custom = registry.Register("DeviceRelaxation");
        Assert.Equal(StandardEventTypes.All.Count, custom.Value);
        Assert.Equal("DeviceRelaxation", registry.NameOf(custom));
    }

    [Fact]
    public void ProgrammingPulse_SchedulesStartAndEndWithPayloads()
    {
        var s = new EventScheduler();
        var seen = new List<(string, double, double, int)>();
        foreach (var name in new[] { StandardEventTypes.PulseStart, StandardEventTypes.PulseEnd })
            s.On(name, (in SimEvent e) => seen.Add((s.Types.NameOf(e.Type), e.Time, e.Payload, e.IntPayload)));
        ProgrammingPulseEvents.Schedule(s, start: 1e-6, width: 5e-8, amplitude: 1.2, shapeId: 3, target: 7);
        s.Run();
        Assert.Equal(new[] { ("PulseStart", 1e-6, 1.2, 3), ("PulseEnd", 1e-6 + 5e-8, 1.2, 3) }, seen);
    }
}
