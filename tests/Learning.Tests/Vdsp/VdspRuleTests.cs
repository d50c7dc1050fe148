using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Learning.Vdsp;

namespace CircuitNeuro.Learning.Tests.Vdsp;

/// <summary>The rule against the equations of notes 003 §2.2 / §2.4 evaluated by hand.</summary>
public class VdspRuleTests
{
    [Fact]
    public void IdealRuleMatchesTheBaselineEquationsOnBothSidesOfZero()
    {
        var rule = new IdealVdspRule(0.01);
        // V < 0: +η(1 − w)(e^{−V} − 1) = 0.01·0.7·(e^{0.5} − 1)
        Assert.Equal(0.004541048894900897, rule.Delta(0.3, -0.5), 15);
        // V > 0: −η·w·(e^{V} − 1) = −0.01·0.3·(e^{0.5} − 1)
        Assert.Equal(-0.0019461638121003847, rule.Delta(0.3, 0.5), 15);
        Assert.Equal(0.0, rule.Delta(0.3, 0.0));
        Assert.True(rule.Delta(0.3, -1e-9) > 0);
        Assert.True(rule.Delta(0.3, 1e-9) < 0);
        // w = 1/2, |V| = 1: the two branches are mirror images, ±η/2·(e − 1).
        Assert.Equal(0.008591409142295225 / 0.01 * 0.01, rule.Delta(0.5, -1), 15);
        Assert.Equal(-rule.Delta(0.5, -1), rule.Delta(0.5, 1), 15);
        // Weight regularisation: no potentiation at w = 1, no depression at w = 0.
        Assert.Equal(0.0, rule.Delta(1, -0.7));
        Assert.Equal(0.0, rule.Delta(0, 0.7));
    }

    [Fact]
    public void HfZrO4FitGivesTheFittedUpdateAboveThresholdAndNothingBelow()
    {
        var rule = new DeviceVdspRule(new VdspFittedMemristor(VdspDeviceFits.HfZrO4), learningRate: 0.1);
        // Potentiation, V_app = −V_pre = 0.9 > Vth = 0.4117: η(1 − w)^γ(e^{α(V − Vth)} − 1), γ = 1.0679, α = 1.1592.
        Assert.Equal(0.05201410659215669, rule.Delta(0.3, -0.9), 12);
        // Depression, V_app = −0.9 < −Vth_n: −η·w^{γγ_pn}(e^{αα_pn(0.9 − Vth·vth_pn)} − 1).
        Assert.Equal(-0.004257472510279974, rule.Delta(0.3, 0.9), 12);
        // Inside the dead zone (−Vth_n, Vth_p) the device does not move.
        Assert.Equal(0.0, rule.Delta(0.3, -0.3));
        Assert.Equal(0.0, rule.Delta(0.3, 0.3));
        // Forward weight = G/Gmax = 1/ratio + w(1 − 1/ratio).
        Assert.Equal(1 / 2.65 + 0.3 * (1 - 1 / 2.65), rule.ForwardWeight(0.3), 12);
    }

    [Theory]
    [InlineData("tio2", -1.9)]
    [InlineData("tio2", 1.9)]
    [InlineData("hfo2", -1.2)]
    [InlineData("hfo2", 1.2)]
    [InlineData("hfzro4", 0.8)]
    [InlineData("tio2-2022", -0.9)]
    public void UpdateAndEnergyFollowTheDeviceModelIntegratedUnderTheProgrammingPulse(string device, double vPre)
    {
        // Independent reference: the Dormand–Prince pulse integrator on the device model under a rectangular pulse
        // V_app for η·τ_event. The rule is the first-order (per-event) step, so the gap must shrink ∝ η.
        double RelativeGap(double eta, out double energyGap)
        {
            var rule = new DeviceVdspRule(new VdspFittedMemristor(PlasticitySpec.DeviceFit(device)), eta);
            var dev = new MemristorDevice(rule.Device, 0.4);
            double delta = rule.Delta(0.4, vPre);
            var pulse = new PulseIntegrator { RelativeTolerance = 1e-10 }.Apply(dev, new RectangularPulse(rule.AppliedVoltage(vPre), rule.PulseWidth));
            Assert.NotEqual(0.0, delta);
            Assert.Equal(Math.Sign(pulse.StateChange), Math.Sign(delta));
            energyGap = Math.Abs(rule.PulseEnergy(0.4, vPre, delta) / pulse.DeviceEnergy - 1);
            return Math.Abs(delta / pulse.StateChange - 1);
        }
        double coarse = RelativeGap(0.02, out double energyCoarse);
        double fine = RelativeGap(0.005, out double energyFine);
        Assert.True(coarse < 0.05, $"first-order step off by {coarse:P2} at η = 0.02");
        Assert.True(fine < coarse / 3 || fine < 1e-6, $"gap does not shrink with η: {coarse:E2} → {fine:E2}");
        Assert.True(energyCoarse < 1e-3 && energyFine < 1e-4, $"energy gap {energyCoarse:E2}, {energyFine:E2}");
    }
}
