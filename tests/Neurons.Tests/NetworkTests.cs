using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.Neurons.Lif;
using CircuitNeuro.Neurons.Probes;
using CircuitNeuro.Neurons.Synapses;

namespace CircuitNeuro.Neurons.Tests;

public class NetworkTests
{
    private static readonly LifParameters P = new();

    [Fact]
    public void DeltaSynapse_JumpsPotentialByWeight_AfterDelay()
    {
        var sim = new TestSimulation();
        var pop = sim.Network.AddPopulation("lif", 2, P);
        var input = sim.Network.AddSpikeTimes("in", 1, [(0, 0.010)]);
        sim.Network.Connect(input, pop, DenseSynapticWeights.FromRows(new[,] { { 4e-3, -2e-3 } }), SynapseKind.Delta, delay: 1.5e-3);
        sim.Scheduler.RunUntil(0.0115 - 1e-12);
        Assert.Equal(P.RestingPotential, pop.PotentialAt(0, sim.Scheduler.Now));
        sim.Scheduler.RunUntil(0.0115);
        Assert.Equal(P.RestingPotential + 4e-3, pop.PotentialAt(0, 0.0115), 15);
        Assert.Equal(P.RestingPotential - 2e-3, pop.PotentialAt(1, 0.0115), 15);
        // And then relaxes back with τ_m.
        Assert.Equal(P.RestingPotential + 4e-3 * Math.Exp(-0.01 / P.TauMembrane), pop.PotentialAt(0, 0.0215), 15);
    }

    [Fact]
    public void SpikesPropagateThroughLayers()
    {
        var sim = new TestSimulation();
        var input = sim.Network.AddSpikeTimes("in", 1, [(0, 0.01)]);
        var l1 = sim.Network.AddPopulation("l1", 3, P);
        var l2 = sim.Network.AddPopulation("l2", 1, P);
        sim.Network.Connect(input, l1, new DenseSynapticWeights(1, 3, 21e-3), delay: 1e-3); // suprathreshold
        sim.Network.Connect(l1, l2, new DenseSynapticWeights(3, 1, 7.5e-3), delay: 2e-3);   // needs all three
        sim.Scheduler.RunUntil(0.1);
        Assert.Equal([0.011], sim.SpikeTimes("l1", 2));
        Assert.Equal([0.013], sim.SpikeTimes("l2"));
    }

    [Fact]
    public void DenseWeights_ColumnCurrentIsWeightedRowSum()
    {
        var w = DenseSynapticWeights.FromRows(new[,] { { 1.0, 2.0 }, { 3.0, 4.0 }, { 5.0, 6.0 } });
        Assert.Equal(1.0 * 0.1 + 3.0 * 0.2 + 5.0 * 0.3, w.ColumnCurrent(0, [0.1, 0.2, 0.3]), 15);
        Assert.Equal(2.0 * 0.1 + 4.0 * 0.2 + 6.0 * 0.3, w.ColumnCurrent(1, [0.1, 0.2, 0.3]), 15);
        Span<double> row = stackalloc double[2];
        w.ReadRow(1, row);
        Assert.Equal([3.0, 4.0], row.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => w.Get(3, 0));
    }

    [Fact]
    public void ExponentialSynapse_RequiresTauSynapse()
    {
        var sim = new TestSimulation();
        var pop = sim.Network.AddPopulation("lif", 1, P);
        var input = sim.Network.AddSpikeTimes("in", 1, []);
        var ex = Assert.Throws<ArgumentException>(() => sim.Network.Connect(input, pop, new DenseSynapticWeights(1, 1), SynapseKind.ExponentialCurrent));
        Assert.Contains("TauSynapse", ex.Message);
    }

    /// <summary>Poisson input → recurrent LIF layer with every feature switched on.</summary>
    private sealed class Model
    {
        public readonly TestSimulation Sim = new(seed: 99);
        public readonly MembraneProbe Probe;

        public Model()
        {
            var p = new LifParameters
            {
                TauSynapse = 4e-3, AdaptationIncrement = 1e-3, TauAdaptation = 80e-3,
                HomeostasisGain = 1e-5, HomeostasisTargetRate = 20, HomeostasisPeriod = 0.05,
            };
            var net = Sim.Network;
            var input = net.AddPoissonEncoder("poisson", 20, 100.0);
            var hidden = net.AddPopulation("hidden", 10, p);
            var output = net.AddPopulation("output", 3, new LifParameters());
            var w1 = new DenseSynapticWeights(20, 10);
            var w2 = new DenseSynapticWeights(10, 3);
            var wr = new DenseSynapticWeights(10, 10);
            var rng = Sim.Streams.Get("weights");
            for (int i = 0; i < 20; i++) for (int j = 0; j < 10; j++) w1.Set(i, j, rng.Uniform(0, 0.6e-9));
            for (int i = 0; i < 10; i++) for (int j = 0; j < 3; j++) w2.Set(i, j, rng.Uniform(0, 8e-3));
            for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) if (i != j) wr.Set(i, j, rng.Uniform(-2e-10, 1e-10));
            net.Connect(input, hidden, w1, SynapseKind.ExponentialCurrent, delay: 1e-3);
            net.Connect(hidden, hidden, wr, SynapseKind.ExponentialCurrent, delay: 0.5e-3);
            net.Connect(hidden, output, w2, SynapseKind.Delta);
            input.Present(Enumerable.Range(0, 20).Select(i => (i % 5 + 1) / 5.0).ToArray(), duration: 10);
            Probe = new MembraneProbe(net, output, [0, 1, 2], Sim.Trace, 0, 1e-3, 10, probeId: 1);
        }

        public ICheckpointable[] Parts => [Sim.Scheduler, Sim.Streams, Sim.Network];
    }

    private static List<(string, int, long)> Exact(IEnumerable<(string Source, int Index, double Time)> spikes) =>
        spikes.Select(s => (s.Source, s.Index, BitConverter.DoubleToInt64Bits(s.Time))).ToList();

    [Fact]
    public void NetworkCheckpoint_ResumesBitForBit()
    {
        const double t1 = 0.8123, t2 = 1.5;
        var straight = new Model();
        straight.Sim.Scheduler.RunUntil(t2);
        Assert.True(straight.Sim.Spikes.Count(s => s.Source == "hidden") > 50);
        Assert.True(straight.Sim.Spikes.Count(s => s.Source == "output") > 5);

        var first = new Model();
        first.Sim.Scheduler.RunUntil(t1);
        byte[] snapshot = Checkpoint.Capture(first.Parts);

        var resumed = new Model();
        Checkpoint.Restore(snapshot, resumed.Parts);
        resumed.Sim.Scheduler.RunUntil(t2);

        Assert.Equal(Exact(straight.Sim.Spikes), Exact(first.Sim.Spikes.Concat(resumed.Sim.Spikes)));
        var hiddenStraight = (LifPopulation)straight.Sim.Network.Sources[1];
        var hiddenResumed = (LifPopulation)resumed.Sim.Network.Sources[1];
        for (int i = 0; i < 10; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(hiddenStraight.PotentialAt(i, t2)), BitConverter.DoubleToInt64Bits(hiddenResumed.PotentialAt(i, t2)));
    }
}
