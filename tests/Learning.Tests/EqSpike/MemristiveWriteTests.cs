using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// Seed 002 Fig. 3.3 / Eqs. 3.5–3.9: the bipolar programming pulse superposed on the partner's ρ̄ voltage, applied to
/// the threshold memristor of Eq. 3.2, gives ΔW = φ·V_ρ (the requested update) for an ideal device, and the closed form
/// used in training agrees with the adaptive integration of the device equation (PulseIntegrator), energy included.
/// </summary>
public class MemristiveWriteTests
{
    private static MemristiveSynapseWriter Writer(MemristorSynapseOptions o, out double[] w, int size = 1, double w0 = 0)
    {
        var random = new RandomStreams(7);
        w = Enumerable.Repeat(w0, size).ToArray();
        var writer = new MemristiveSynapseWriter(o, random.Get("d2d"), random.Get("noise"));
        writer.Attach([w]);
        return writer;
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(-1.5e-4)]
    [InlineData(2e-5)]
    public void IdealDevice_WritesTheRequestedUpdate(double request)
    {
        // Eq. 3.9 with η = 0: ΔW = φ_lr·(τ/γ_LI)·ρ̇, i.e. exactly the request, whichever its sign, as long as
        // |V_ρ| < 2·V_th (only one half of the bipolar pulse crosses a threshold).
        var writer = Writer(new MemristorSynapseOptions(), out var w);
        writer.Write(0, 0, request);
        Assert.Equal(request, w[0], 12);
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0, 1.5e-4, 0.1)]
    [InlineData(1.0, 0.2, 0.05, -2e-4, -0.3)]
    [InlineData(2.0, 0.3, 0.1, 3e-4, 0.35)]
    public void ClosedForm_MatchesIntegratedDeviceEquation(double eta, double slopeSpread, double thresholdSpread, double request, double w0)
    {
        var o = new MemristorSynapseOptions
        {
            Device = new ThresholdMemristorParameters { EtaPositive = eta, EtaNegative = eta },
            SlopeSpread = slopeSpread,
            ThresholdSpread = thresholdSpread,
        };
        var writer = Writer(o, out var w, size: 8, w0: w0);
        var integrator = new PulseIntegrator { RelativeTolerance = 1e-10 };
        for (int k = 0; k < 8; k++)
        {
            var device = writer.DeviceOf(0, k);
            double energyBefore = writer.Energy;
            var reference = integrator.Apply(device, writer.SuperposedPulse(request));
            writer.Write(0, k, request);
            double range = o.Device.Gmax - o.Device.Gmin;
            Assert.True(Math.Abs(writer.Conductance(0, k) - reference.StateAfter) < 1e-7 * range,
                $"device {k}: closed form {writer.Conductance(0, k):G10} S, integrated {reference.StateAfter:G10} S");
            Assert.Equal(reference.DeviceEnergy, writer.Energy - energyBefore, reference.DeviceEnergy * 1e-6);
        }
    }

    [Fact]
    public void ThresholdError_WritesABiasInBothHalves()
    {
        // Eq. 3.15: a device threshold below the pulse amplitude writes S·t·e·V_th/(Gmax − Gmin) even for a zero request,
        // in one half up and in the other down; with a lower V⁺_th only, the bias is positive.
        var p = new ThresholdMemristorParameters { ThresholdPositive = 0.99 };
        var o = new MemristorSynapseOptions();
        double range = p.Gmax - p.Gmin;
        double g = ThresholdHold.RectangularPulses(p, 5e-5, 1.0, o.PulseWidth, 1).Conductance;
        Assert.Equal(p.SlopePositive * o.PulseWidth * 0.01 / range, (g - 5e-5) / range, 12);
    }

    [Fact]
    public void DriveBeyondTwiceTheThreshold_WritesInBothHalves()
    {
        // V_ρ = −3 V: −2 V in the first half and −4 V in the second both cross V⁻_th = −1 V, so the superposition
        // writes (−1 − 3)·1e-4 instead of the requested −3e-4: the rule needs |V_ρ| < 2·V_th.
        var writer = Writer(new MemristorSynapseOptions(), out var w);
        writer.Write(0, 0, -3e-4);
        Assert.Equal(-4e-4, w[0], 12);
    }

    [Fact]
    public void WriteNoise_HasTheConfiguredSpread()
    {
        var writer = Writer(new MemristorSynapseOptions { WriteNoise = 1e-3 }, out var w, size: 4000);
        for (int k = 0; k < w.Length; k++) writer.Write(0, k, 0);
        double mean = w.Average(), sd = Math.Sqrt(w.Sum(x => (x - mean) * (x - mean)) / (w.Length - 1));
        Assert.InRange(sd, 0.95e-3, 1.05e-3);
        Assert.InRange(mean, -1e-4, 1e-4);
        Assert.Equal(4000, writer.Writes);
    }

    [Fact]
    public void TwoNeuronProtocol_IdealMemristorMatchesTheNumericSynapse()
    {
        // Fig. 3.4: with a perfect, symmetric, linear memristor the final weight is the numeric rule's (here scaled to
        // updates of order 1e-4 per pulse as in the seed, so the device stays inside its window).
        var protocol = new TwoNeuronProtocol { LearningRate = 2e-6 };
        double numeric = protocol.Run(0.1, 0.25, 0.5);
        var writer = Writer(new MemristorSynapseOptions(), out _);
        double memristive = protocol.Run(0.1, 0.25, 0.5, writer);
        Assert.Equal(numeric, memristive, 10);
        Assert.Equal(protocol.Analytic(0.1, 0.25, 0.5), memristive, 0.05 * Math.Abs(protocol.Analytic(0.1, 0.25, 0.5)));
        Assert.True(writer.Energy > 0 && writer.Writes > 0);
    }
}
