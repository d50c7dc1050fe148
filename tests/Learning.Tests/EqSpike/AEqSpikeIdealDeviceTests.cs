using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// device.ideal (<see cref="MemristorSynapseOptions.Ideal"/>): A-EqSpike synch with W = clamp(W + η_lr·tail, ±0.5) must
/// train as the threshold memristors integrated by <see cref="MemristiveSynapseWriter"/> do (Eq. 3.2, linear device): the
/// same spikes and predictions, weights to rounding, also when devices sit at Gmin/Gmax; and it must refuse the devices
/// for which the limit is not exact.
/// </summary>
public class AEqSpikeIdealDeviceTests
{
    private static Dataset Train => RepositoryData.DigitsSplit(5).Train;

    [Theory]
    [InlineData(1.0, false)]     // Table 4.1: every device inside its window
    [InlineData(300.0, true)]    // 300× the rate: writes of up to ~0.1 of the range drive devices to their bounds
    public void IdealLimit_TrainsAsTheDevices(double learningRate, bool bounds)
    {
        var aeq = EqSpikeSetup.AEqSpikeDigits with { Parameters = EqSpikeSetup.AEqSpikeDigits.Parameters with { LearningRate = learningRate } };
        var device = aeq.Build(64, 10, new RandomStreams(7));
        var ideal = (aeq with { Memristor = aeq.Memristor with { Ideal = true } }).Build(64, 10, new RandomStreams(7));
        var initial = ideal.Weights.Select(w => w.ToArray()).ToArray();
        Assert.IsType<MemristiveSynapseWriter>(device.Writer);
        Assert.IsType<NumericSynapseWriter>(ideal.Writer);
        var data = Train;
        for (int k = 0; k < 40; k++)
        {
            int i = (k * 29) % data.Count;
            Assert.Equal(device.Train(data.Features[i], data.Labels[i]), ideal.Train(data.Features[i], data.Labels[i]));
            Assert.Equal(device.SampleSpikes, ideal.SampleSpikes);
        }
        Assert.Equal(device.Writer.Writes, ideal.Writer.Writes);
        int atBound = 0;
        double moved = 0;
        for (int l = 0; l < 2; l++)
            for (int k = 0; k < ideal.Weights[l].Length; k++)
            {
                double w = ideal.Weights[l][k];
                Assert.True(Math.Abs(w - device.Weights[l][k]) < 1e-12, $"layer {l} synapse {k}: {w:R} vs {device.Weights[l][k]:R}");
                if (Math.Abs(w) == 0.5) atBound++;
                moved = Math.Max(moved, Math.Abs(w - initial[l][k]));
            }
        Assert.True(moved > 1e-4, "the weights did not learn");
        if (bounds) Assert.True(atBound > 10, $"only {atBound} weights reached ±0.5");
        else Assert.Equal(0, atBound);
        for (int i = 0; i < 20; i++) Assert.Equal(device.Infer(data.Features[i]), ideal.Infer(data.Features[i]));
    }

    public static TheoryData<string> NotExact => ["memristive", "desynch", "eta", "asymmetric", "noise", "spread", "tail"];

    [Theory]
    [MemberData(nameof(NotExact))]
    public void IdealLimit_IsRefusedWhereItIsNotExact(string name)
    {
        var aeq = EqSpikeSetup.AEqSpikeDigits;
        var ideal = aeq.Memristor with { Ideal = true };
        var d = ideal.Device;
        var setup = name switch
        {
            "memristive" => EqSpikeSetup.MemristiveDigits with { Memristor = ideal },
            "desynch" => EqSpikeSetup.AEqSpikeDesynchDigits(AEqSpikeMode.Desynch) with { Memristor = ideal },
            "eta" => aeq with { Memristor = ideal with { Device = d with { EtaPositive = 1, EtaNegative = 1 } } },
            "asymmetric" => aeq with { Memristor = ideal with { Device = d with { SlopeNegative = 2 * d.SlopePositive } } },
            "noise" => aeq with { Memristor = ideal with { WriteNoise = 1e-3 } },
            "spread" => aeq with { Memristor = ideal with { ThresholdSpread = 0.01 } },
            // 40 steps × 0.05: a neuron's tails can reach 2 V_th, where both halves of the pulse overshoot.
            _ => aeq with { Memristor = ideal, Tail = aeq.Tail with { Amplitude = 0.05 } },
        };
        var ex = Assert.Throws<ArgumentException>(setup.Validate);
        Assert.Contains("device.ideal", ex.Message);
        (setup with { Memristor = setup.Memristor with { Ideal = false } }).Validate();   // the device path takes it
    }
}
