using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.Learning.Vdsp;

namespace CircuitNeuro.Learning.Tests.Vdsp;

/// <summary>Device-to-device variability of the device VDSP synapses (notes 003 §2.4, §9 item 6).</summary>
public class VdspVariabilityTests
{
    private static readonly PlasticitySpec HfO2 = new() { Rule = "vdsp", Device = "hfo2", LearningRate = 0.01 };

    private static VdspDevicePopulation Population(VdspVariability v, int inputs = 64, int outputs = 50, ulong seed = 3) =>
        new(VdspDeviceFits.HfO2, v, inputs, outputs, seed, d => new DeviceVdspRule(d, 0.01));

    [Fact]
    public void NominalPopulationReproducesTheSharedDeviceRunBitForBit()
    {
        // on_off_ratio equal to the fit's 4 switches on the per-synapse path (own device, own forward map per synapse)
        // without changing any device: it must give exactly the weights of the shared-device path.
        var shared = DigitsLearningTests.Experiment(HfO2, trainCount: 150, options: DigitsLearningTests.DeviceOptions);
        shared.RunChunk(150);
        var perSynapse = DigitsLearningTests.Experiment(HfO2 with { Variability = new VdspVariability { OnOffRatio = 4 } }, trainCount: 150,
                                                        options: DigitsLearningTests.DeviceOptions);
        perSynapse.RunChunk(150);
        Assert.True(shared.Network.Plasticity!.Ledger.Updates > 1000);
        Assert.Equal(shared.Network.Plasticity.Ledger.Updates, perSynapse.Network.Plasticity!.Ledger.Updates);
        for (int i = 0; i < 64; i++)
            for (int j = 0; j < 20; j++) Assert.Equal(shared.Network.Weights.Get(i, j), perSynapse.Network.Weights.Get(i, j));
    }

    [Fact]
    public void ThresholdAndRatioSpreadsHaveTheRequestedStatistics()
    {
        // 3,200 devices: the sample SD of a 𝒩(1, 0.2²) factor is within ±8 % of 0.2 (SE of an SD ≈ σ/√(2n) = 1.25 %).
        var pop = Population(new VdspVariability { ThresholdSpread = 0.2, OnOffSpread = 0.3 });
        var devices = Enumerable.Range(0, 64).SelectMany(i => Enumerable.Range(0, 50).Select(j => pop.Rule(i, j).Device.Parameters)).ToArray();
        var vthP = devices.Select(p => p.Potentiation.Threshold / VdspDeviceFits.HfO2.Potentiation.Threshold).ToArray();
        var vthN = devices.Select(p => p.Depression.Threshold / VdspDeviceFits.HfO2.Depression.Threshold).ToArray();
        var lnRatio = devices.Select(p => Math.Log(p.OnOffRatio)).ToArray();
        Assert.InRange(Sd(vthP), 0.184, 0.216);
        Assert.InRange(Sd(vthN), 0.184, 0.216);
        Assert.InRange(vthP.Average(), 0.99, 1.01);
        Assert.InRange(Sd(lnRatio), 0.276, 0.324);
        Assert.InRange(lnRatio.Average(), Math.Log(4) - 0.02, Math.Log(4) + 0.02);
        // V_th,p and V_th,n are independent draws.
        Assert.InRange(Correlation(vthP, vthN), -0.06, 0.06);
        // The forward map of a device is its own G_min/G_max + w(1 − G_min/G_max).
        var (offset, scale) = pop.ForwardMap();
        var d = pop.Rule(5, 7).Device.Parameters;
        Assert.Equal(1 / d.OnOffRatio, offset[5 * 50 + 7], 12);
        Assert.Equal(1 - 1 / d.OnOffRatio, scale[5 * 50 + 7], 12);
    }

    [Fact]
    public void DeviceDeltaUsesItsOwnThreshold()
    {
        var pop = Population(new VdspVariability { ThresholdSpread = 0.3 });
        var rule = pop.Rule(2, 3);
        var p = rule.Device.Parameters;
        double vth = p.Potentiation.Threshold;
        // V_pre = −(vth ± 0.01): just above / below its own SET threshold (V_app = −V_pre); the §2.4 formula by hand.
        Assert.Equal(0, rule.Delta(0.3, -(vth - 0.01)));
        double expected = 0.01 * Math.Pow(0.7, p.Potentiation.Window is PowerWindow pw ? pw.Gamma : double.NaN) * (Math.Exp(p.Potentiation.Alpha * 0.01) - 1);
        Assert.Equal(expected, rule.Delta(0.3, -(vth + 0.01)), 12);
    }

    [Fact]
    public void StuckDevicesHaveTheRequestedFractionsAndNeverMove()
    {
        var variability = new VdspVariability { StuckLrs = 0.1, StuckHrs = 0.05 };
        var pop = Population(variability, outputs: 20, seed: 7);
        int lrs = 0, hrs = 0;
        for (int i = 0; i < 64; i++)
            for (int j = 0; j < 20; j++)
                if (pop.Stuck(i, j) == StuckAt.Lrs) lrs++; else if (pop.Stuck(i, j) == StuckAt.Hrs) hrs++;
        // Binomial(1280, p): ±4 SD.
        Assert.InRange(lrs, 128 - 4 * 10.7, 128 + 4 * 10.7);
        Assert.InRange(hrs, 64 - 4 * 7.8, 64 + 4 * 7.8);

        var run = DigitsLearningTests.Experiment(HfO2 with { Variability = variability }, trainCount: 200, options: DigitsLearningTests.DeviceOptions);
        run.RunChunk(200);
        Assert.True(run.Network.Plasticity!.Ledger.Updates > 1000);
        for (int i = 0; i < 64; i++)
            for (int j = 0; j < 20; j++)
                if (pop.PinnedState(i, j) is double pinned) Assert.Equal(pinned, run.Network.Weights.Get(i, j));
    }

    [Theory]
    [InlineData("ideal", 0.1, 0, "variability needs a device")]
    [InlineData("hfo2", -0.1, 0, "threshold_spread must be finite and ≥ 0")]
    [InlineData("hfo2", 0, 0.5, "on_off_ratio must be ≥ 1")]
    public void BadVariabilityIsRejectedByName(string device, double spread, double ratio, string message)
    {
        var spec = new PlasticitySpec { Device = device, Variability = new VdspVariability { ThresholdSpread = spread, OnOffRatio = ratio } };
        Assert.Contains(message, Assert.Throws<ArgumentException>(spec.Validate).Message);
    }

    private static double Sd(double[] x)
    {
        double m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
    }

    private static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        return a.Zip(b).Sum(t => (t.First - ma) * (t.Second - mb)) / ((a.Length - 1) * Sd(a) * Sd(b));
    }
}
