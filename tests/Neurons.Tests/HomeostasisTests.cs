using CircuitNeuro.Neurons.Encoders;
using CircuitNeuro.Neurons.Lif;

namespace CircuitNeuro.Neurons.Tests;

public class HomeostasisTests
{
    [Theory]
    [InlineData(0.5e-9, 15.0)]  // strong drive, fires far above target at first: threshold rises
    [InlineData(0.21e-9, 30.0)] // weak drive, fires below target at first: threshold falls
    public void Threshold_ConvergesSoThatRateApproachesTarget(double current, double target)
    {
        var p = new LifParameters { HomeostasisGain = 2e-5, HomeostasisTargetRate = target, HomeostasisPeriod = 0.2 };
        var sim = new TestSimulation();
        var pop = sim.Network.AddPopulation("lif", 1, p);
        new ConstantCurrentInput(sim.Network, pop, 1.0).Step(0, 0.0, current);
        sim.Scheduler.RunUntil(60.0);
        int before = sim.SpikeTimes("lif").Length;
        sim.Scheduler.RunUntil(80.0);
        double rate = (sim.SpikeTimes("lif").Length - before) / 20.0;
        Assert.InRange(rate, target * 0.9, target * 1.1);
        Assert.NotEqual(0.0, pop.StateOf(0).HomeostaticOffset);
    }
}
