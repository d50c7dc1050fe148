using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.EventKernel.Tests;

public class DeterminismAndCheckpointTests
{
    /// <summary>
    /// A small stochastic model: several "emitters" fire at exponential intervals from their own streams,
    /// each firing sometimes schedules a follow-up, sometimes cancels the next pending follow-up.
    /// </summary>
    private sealed class ToyModel : ICheckpointable
    {
        public readonly EventScheduler Scheduler = new();
        public readonly RandomStreams Streams = new(rootSeed: 2024);
        public readonly List<(double Time, int Type, int Target, double Payload, long Seq)> Log = [];
        private readonly EventTypeId _fire, _followUp;
        private readonly EventHandle[] _pendingFollowUp;
        private double _accumulator;

        public ToyModel(int emitters)
        {
            _fire = Scheduler.TypeOf("Fire");
            _followUp = Scheduler.TypeOf("FollowUp");
            _pendingFollowUp = new EventHandle[emitters];
            Scheduler.On(_fire, OnFire);
            Scheduler.On(_followUp, (in SimEvent e) => { _accumulator += e.Payload; Record(e); });
        }

        public void Start()
        {
            for (int i = 0; i < _pendingFollowUp.Length; i++)
                Scheduler.Schedule(Streams.Get("emitter", i).Exponential(50), _fire, target: i);
        }

        private void OnFire(in SimEvent e)
        {
            Record(e);
            var rng = Streams.Get("emitter", e.Target);
            Scheduler.ScheduleAfter(rng.Exponential(50), _fire, target: e.Target, payload: rng.Normal());
            if (rng.NextDouble() < 0.3) Scheduler.Cancel(_pendingFollowUp[e.Target]);
            else _pendingFollowUp[e.Target] = Scheduler.ScheduleAfter(rng.Uniform(0, 0.05), _followUp, target: e.Target,
                                                                       payload: rng.Normal(), priority: rng.NextInt(3));
        }

        private void Record(in SimEvent e) => Log.Add((e.Time, e.TypeValue(), e.Target, e.Payload + _accumulator, e.Sequence));

        public void SaveState(BinaryWriter w)
        {
            w.Write(_accumulator);
            foreach (var h in _pendingFollowUp) { w.Write(h.Slot); w.Write(h.Generation); }
        }

        public void RestoreState(BinaryReader r)
        {
            _accumulator = r.ReadDouble();
            for (int i = 0; i < _pendingFollowUp.Length; i++) _pendingFollowUp[i] = new EventHandle(r.ReadInt32(), r.ReadInt32());
        }
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    private static List<(long, int, int, long, long)> Exact(IEnumerable<(double Time, int Type, int Target, double Payload, long Seq)> log) =>
        log.Select(x => (Bits(x.Time), x.Type, x.Target, Bits(x.Payload), x.Seq)).ToList();

    [Fact]
    public void TwoRunsWithSameSeed_AreBitIdentical()
    {
        var a = new ToyModel(8); a.Start(); a.Scheduler.RunUntil(5.0);
        var b = new ToyModel(8); b.Start(); b.Scheduler.RunUntil(5.0);
        Assert.True(a.Log.Count > 1000);
        Assert.Equal(Exact(a.Log), Exact(b.Log));
    }

    [Fact]
    public void RunToT2_Equals_RunToT1_SaveRestore_RunToT2()
    {
        const double t1 = 2.345, t2 = 5.0;
        var straight = new ToyModel(8); straight.Start(); straight.Scheduler.RunUntil(t2);

        var first = new ToyModel(8); first.Start(); first.Scheduler.RunUntil(t1);
        byte[] snapshot = Checkpoint.Capture(first.Scheduler, first.Streams, first);

        var resumed = new ToyModel(8); // fresh objects: same wiring, no Start()
        Checkpoint.Restore(snapshot, resumed.Scheduler, resumed.Streams, resumed);
        Assert.Equal(t1, resumed.Scheduler.Now);
        resumed.Scheduler.RunUntil(t2);

        var stitched = first.Log.Concat(resumed.Log).ToList();
        Assert.Equal(Exact(straight.Log), Exact(stitched));
        Assert.Equal(straight.Scheduler.NextSequence, resumed.Scheduler.NextSequence);
        Assert.Equal(straight.Scheduler.PendingEvents().Select(e => (Bits(e.Time), e.Sequence)),
                     resumed.Scheduler.PendingEvents().Select(e => (Bits(e.Time), e.Sequence)));
    }

    [Fact]
    public void Restore_RejectsMismatchedTypeRegistry()
    {
        var a = new EventScheduler(); a.TypeOf("X");
        byte[] snapshot = Checkpoint.Capture(a);
        var b = new EventScheduler(); b.TypeOf("Y");
        Assert.Throws<InvalidDataException>(() => Checkpoint.Restore(snapshot, b));
    }
}

internal static class SimEventTestExtensions
{
    public static int TypeValue(this in SimEvent e) => e.Type.Value;
}
