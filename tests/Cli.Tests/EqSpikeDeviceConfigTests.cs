using CircuitNeuro.Cli.Experiments;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Cli.Tests;

/// <summary>The eqspike `device:` section: symmetric shorthands (slope, threshold, eta) and per-polarity keys.</summary>
public class EqSpikeDeviceConfigTests
{
    private static EqSpikeConfig Parse(string variant, string device) =>
        EqSpikeConfigFile.Parse($"kind: eqspike\nvariant: {variant}\ndevice:\n{device}", "test.yaml");

    [Fact]
    public void PerPolarityKeysOverrideTheShorthands()
    {
        var d = Parse("memristive", "  slope: 100\n  slope_negative: 40\n  threshold: 0.9\n  threshold_negative: -0.7\n  eta: 1\n  eta_positive: 2\n")
            .Setup().Memristor.Device;
        Assert.Equal((100.0, 40.0), (d.SlopePositive, d.SlopeNegative));
        Assert.Equal((0.9, -0.7), (d.ThresholdPositive, d.ThresholdNegative));
        Assert.Equal((2.0, 1.0), (d.EtaPositive, d.EtaNegative));
    }

    [Fact]
    public void AnAsymmetricDeviceWritesEachPolarityAtItsOwnSlope()
    {
        // Eq. 3.2 at η = 0 inside the window: ΔG = S^±·t·(overshoot), the overshoot |V_ρ| in either half of the pulse.
        foreach (string variant in new[] { "memristive", "a-eqspike" })
        {
            var setup = Parse(variant, "  slope_negative: 0.09\n").Setup();
            var writer = (MemristiveSynapseWriter)setup.Build(8, 3, new RandomStreams(1)).Writer;
            var d = writer.Options.Device;
            Assert.Equal(0.09 / new EqSpikeDeviceConfig().Slope, d.SlopeNegative / d.SlopePositive, 12);
            var mid = Enumerable.Range(0, 24).Where(k => Math.Abs(writer.ToWeight(writer.Conductance(0, k))) < 0.4).ToArray();
            double request = 1e-3, up = Delta(writer, mid[0], request), down = Delta(writer, mid[1], -request);
            Assert.Equal(d.SlopePositive / d.SlopeNegative, up / -down, 9);
        }
    }

    [Fact]
    public void ABadPolarityValueIsRejectedNamingTheSection()
    {
        var ex = Assert.Throws<ExperimentConfigException>(() => Parse("memristive", "  threshold_negative: 0.5\n"));
        Assert.Contains("test.yaml", ex.Message);
        Assert.Contains("device", ex.Message);
    }

    private static double Delta(MemristiveSynapseWriter writer, int k, double request)
    {
        double g = writer.Conductance(0, k);
        writer.Write(0, k, request);
        return writer.Conductance(0, k) - g;
    }
}
