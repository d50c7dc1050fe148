using CircuitNeuro.Neurons.Encoders;

namespace CircuitNeuro.Neurons.Tests;

public class EncoderTests
{
    [Fact]
    public void RegularRateEncoder_FiresAtExactMultiplesOfThePeriod()
    {
        var sim = new TestSimulation();
        var enc = sim.Network.AddRateEncoder("rate", 3, maxRate: 100.0);
        sim.Scheduler.RunUntil(0.5);
        enc.Present([1.0, 0.25, 0.0], duration: 1.0);
        sim.Scheduler.RunUntil(10.0);
        Assert.Equal(Enumerable.Range(1, 99).Select(k => 0.5 + k / 100.0), sim.SpikeTimes("rate", 0)); // spike at 1.5 is outside [0.5, 1.5)
        Assert.Equal(Enumerable.Range(1, 24).Select(k => 0.5 + k / 25.0), sim.SpikeTimes("rate", 1));
        Assert.Empty(sim.SpikeTimes("rate", 2));
    }

    [Fact]
    public void PoissonEncoder_HasPoissonStatistics()
    {
        var sim = new TestSimulation(seed: 77);
        var enc = sim.Network.AddPoissonEncoder("poisson", 2, maxRate: 200.0);
        enc.Present([1.0, 0.5], duration: 50.0);
        sim.Scheduler.RunUntil(50.0);
        foreach (var (channel, rate) in new[] { (0, 200.0), (1, 100.0) })
        {
            var t = sim.SpikeTimes("poisson", channel);
            double expected = rate * 50.0; // count ~ Poisson(λT): SD = sqrt(λT) ≤ 100
            Assert.InRange(t.Length, expected - 5 * Math.Sqrt(expected), expected + 5 * Math.Sqrt(expected));
            var isi = t.Zip(t.Skip(1), (a, b) => b - a).ToArray();
            double mean = isi.Average();
            double cv = Math.Sqrt(isi.Sum(x => (x - mean) * (x - mean)) / (isi.Length - 1)) / mean;
            Assert.InRange(cv, 0.95, 1.05); // exponential intervals have CV = 1
        }
    }

    [Fact]
    public void PoissonTrains_AreReproducible_AndUnaffectedByOtherComponents()
    {
        double[] Run(bool addOther)
        {
            var sim = new TestSimulation(seed: 5);
            if (addOther) sim.Network.AddPoissonEncoder("other", 10, 500.0).Present(Enumerable.Repeat(1.0, 10).ToArray(), 1.0);
            var enc = sim.Network.AddPoissonEncoder("input", 4, 50.0);
            enc.Present([1.0, 1.0, 1.0, 1.0], duration: 1.0);
            sim.Scheduler.RunUntil(1.0);
            return sim.Spikes.Where(s => s.Source == "input").OrderBy(s => s.Index).ThenBy(s => s.Time).Select(s => s.Time).ToArray();
        }
        var a = Run(false);
        Assert.NotEmpty(a);
        Assert.Equal(a, Run(false));
        Assert.Equal(a, Run(true));
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentPoissonTrains()
    {
        double[] Run(ulong seed)
        {
            var sim = new TestSimulation(seed);
            sim.Network.AddPoissonEncoder("input", 1, 50.0).Present([1.0], 1.0);
            sim.Scheduler.RunUntil(1.0);
            return sim.SpikeTimes("input");
        }
        Assert.NotEqual(Run(1), Run(2));
    }
}
