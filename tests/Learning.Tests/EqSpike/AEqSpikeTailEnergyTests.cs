using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// Tail energy of A-EqSpike (seed 002 §4.2; the seed gives no number): the per-step closed form the network sums equals
/// ∫v·i dt of the threshold memristor (Eq. 3.2) integrated by <see cref="PulseIntegrator"/> over the same sub-threshold
/// tail voltages, and a network's tail energy scales with γ_amp² when the writes are held fixed (γ_amp·η_lr constant).
/// </summary>
public class AEqSpikeTailEnergyTests
{
    [Theory]
    [InlineData(0.3, -0.1)]
    [InlineData(0.05, 0.4)]
    public void StepEnergy_EqualsTheDeviceIntegral(double a, double b)
    {
        var p = new ThresholdMemristorParameters();
        const double dt = 50e-9, g = 4e-5;
        var device = () => new MemristorDevice(new ThresholdMemristor(p), g);
        var integrator = new PulseIntegrator { RelativeTolerance = 1e-10 };
        // Desynchronised: both tails at once, a + b across the device for dt (below V_th: G does not move).
        var both = integrator.Apply(device(), new PwlPulse(1, dt, [0, 1], [a + b, a + b]));
        Assert.Equal(0, both.StateChange);
        Assert.Equal(both.DeviceEnergy, EqSpikeNetwork.TailStepEnergy(g, a, b, synch: false, dt), both.DeviceEnergy * 1e-9);
        // Synch: a in one half-slot, b in the other (Fig. 4.11).
        var slots = integrator.Apply(device(), new PwlPulse(1, dt, [0, 0.5, 0.5, 1], [a, a, b, b]));
        Assert.Equal(slots.DeviceEnergy, EqSpikeNetwork.TailStepEnergy(g, a, b, synch: true, dt), slots.DeviceEnergy * 1e-6);
    }

    [Fact]
    public void NetworkTailEnergy_ScalesWithAmplitudeSquared_AtFixedWrites()
    {
        var (train, _) = RepositoryData.DigitsSplit(5);
        (double Tail, double[] Weights) Run(double amplitude, double rate)
        {
            var s = EqSpikeSetup.AEqSpikeDigits;
            var setup = s with { Parameters = s.Parameters with { LearningRate = rate }, Tail = s.Tail with { Amplitude = amplitude } };
            var net = setup.Build(64, 10, new RandomStreams(2));
            for (int i = 0; i < 2; i++) net.Train(train.Features[i], train.Labels[i]);
            return (net.TailEnergy, net.Weights[1]);
        }
        var (tail1, w1) = Run(1e-4, 1);
        var (tail2, w2) = Run(2e-4, 0.5);
        Assert.True(tail1 > 0);
        Assert.Equal(4, tail2 / tail1, 1e-6);
        for (int k = 0; k < w1.Length; k++) Assert.Equal(w1[k], w2[k], 1e-9);   // the same writes
    }
}
