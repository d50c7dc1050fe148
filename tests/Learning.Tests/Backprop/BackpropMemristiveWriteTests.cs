using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Backprop;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.Backprop;

/// <summary>
/// The memristive write of seed 002 §3.7 [S L1846]: one pulse of sign(ΔW)·V_th + ΔW/speed through Eq. 3.2. Checked against
/// the adaptive integration of the device equation (PulseIntegrator) for drawn devices, and against Eq. 3.2's linear
/// closed form for a nominal device (the request is realised exactly).
/// </summary>
public class BackpropMemristiveWriteTests
{
    private static BackpropNetwork Net(MemristorSynapseOptions o, ulong seed = 3) =>
        new BackpropSetup { Hidden = [4], Memristor = o }.Build(3, 2, new RandomStreams(seed));

    [Theory]
    [InlineData(0.0, 0.0, 0.0, 3e-3)]
    [InlineData(0.0, 0.0, 0.0, -2e-2)]
    [InlineData(1.0, 0.3, 0.0, 5e-3)]
    [InlineData(2.0, 0.2, 0.05, -4e-3)]
    [InlineData(0.0, 0.0, 0.1, 1e-5)]
    public void Write_EqualsTheIntegratedDeviceEquation(double eta, double slopeSpread, double thresholdSpread, double request)
    {
        var o = new MemristorSynapseOptions
        {
            Device = new ThresholdMemristorParameters { EtaPositive = eta, EtaNegative = eta, Convention = NonLinearityConvention.Saturating },
            SlopeSpread = slopeSpread,
            ThresholdSpread = thresholdSpread,
        };
        var net = Net(o);
        var devices = net.Synapses.Devices!;
        var integrator = new PulseIntegrator { RelativeTolerance = 1e-10 };
        double range = o.Device.Gmax - o.Device.Gmin;
        for (int k = 0; k < net.Weights[0].Length; k++)
        {
            var device = devices.DeviceOf(0, k);
            double v = net.Synapses.PulseVoltage(request);
            var reference = integrator.Apply(device, new PwlPulse(1, o.PulseWidth, [0, 1], [v, v]));
            double energy = devices.Energy;
            net.Synapses.Apply(0, k, request);
            Assert.True(Math.Abs(devices.Conductance(0, k) - reference.StateAfter) < 1e-7 * range,
                $"synapse {k}: written {devices.Conductance(0, k):G10} S, integrated {reference.StateAfter:G10} S");
            Assert.Equal(reference.DeviceEnergy, devices.Energy - energy, reference.DeviceEnergy * 1e-6 + 1e-30);
            Assert.Equal((devices.Conductance(0, k) - o.Device.Gmin) / range - 0.5, net.Weights[0][k], 12);
        }
    }

    [Theory]
    [InlineData(3e-3)]
    [InlineData(-2e-2)]
    public void NominalLinearDevice_RealisesTheRequest(double request)
    {
        // Eq. 3.2 with η = 0: ΔG = S·(|V| − V_th)·t_pulse, so V = V_th + ΔW/speed gives ΔW exactly (Eq. 3.16's speed).
        var net = Net(new MemristorSynapseOptions());
        int k = Array.FindIndex(net.Weights[0], w => Math.Abs(w) < 0.4);   // away from the window's bounds
        double before = net.Weights[0][k];
        net.Synapses.Apply(0, k, request);
        Assert.Equal(before + request, net.Weights[0][k], 12);
        Assert.Equal(1, net.Synapses.Writer.Writes);
    }

    [Fact]
    public void ZeroRequest_SendsNoPulse_EvenWithWriteNoise()
    {
        var net = Net(new MemristorSynapseOptions { WriteNoise = 1e-2 });
        double before = net.Weights[0][0];
        net.Synapses.Apply(0, 0, 0);
        Assert.Equal(before, net.Weights[0][0]);
        Assert.Equal(0, net.Synapses.Writer.Writes);
    }

    [Fact]
    public void ThresholdAndSlopeSpread_GiveEq315()
    {
        // Eq. 3.15 for a linear device: V = V_th + ΔW/speed on a device with S_k, V_th,k realises
        // (S_k/S)·(ΔW + speed·(V_th − V_th,k)), from the drawn parameters of each device.
        var o = new MemristorSynapseOptions { SlopeSpread = 0.2, ThresholdSpread = 1e-3 };
        var net = Net(o);
        var devices = net.Synapses.Devices!;
        double speed = o.SpeedPerVolt, range = o.Device.Gmax - o.Device.Gmin;
        const double request = 2e-4;
        int lowered = 0;
        for (int k = 0; k < net.Weights[0].Length; k++)
        {
            var drawn = ((ThresholdMemristor)devices.DeviceOf(0, k).Model).Parameters;
            double before = net.Weights[0][k];
            if (before > 0.49) continue;   // at the window's upper bound: Eq. 3.2 saturates
            net.Synapses.Apply(0, k, request);
            double expected = drawn.SlopePositive / o.Device.SlopePositive * Math.Max(0, request + speed * (1 - drawn.ThresholdPositive));
            Assert.True(Math.Abs(expected - (net.Weights[0][k] - before)) < 1e-14, $"synapse {k}: {net.Weights[0][k] - before:G17} vs {expected:G17}, w {before}");
            if (drawn.ThresholdPositive < 1) lowered++;
        }
        Assert.InRange(lowered, 1, net.Weights[0].Length - 1);
    }
}
