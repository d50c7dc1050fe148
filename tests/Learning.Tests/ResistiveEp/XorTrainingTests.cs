using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.ResistiveEp;
using Xunit.Abstractions;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>Check (3) of issue 6: a resistive circuit learns XOR by event-driven EP (Kendall et al. 2020 show XOR in Fig. 3 / App. D.2).</summary>
public class XorTrainingTests(ITestOutputHelper output)
{
    private static readonly (double[] X, double[] Y)[] Truth =
    [
        ([0, 0], [-0.5]), ([0, 1], [0.5]), ([1, 0], [0.5]), ([1, 1], [-0.5]),
    ];

    public static ResistiveEpSpec XorSpec => new()
    {
        Inputs = 2, Hidden = [6], Outputs = 1, InputScale = 1,
        UpperClampRail = -0.4, LowerClampRail = 0.4, // clamp knees near ±0.15 V, inside the signal range
        BackwardCurrentGain = 0.25, // Kendall's 1/A: light backward loading; EpGradient.LayerFactor keeps the gradient exact
    };

    [Fact]
    public void Xor_circuit_learns_the_truth_table_with_centered_ep_run_as_events()
    {
        const ulong seed = 6;
        const int epochs = 1000;
        var options = new EpTrainingOptions { Beta = 1e-6, Centered = true, LearningRate = 0.05, PhaseDuration = 1e-6 };
        var layout = ResistiveEpCircuit.Build(XorSpec, new RandomStreams(seed).Get("weights"));
        layout.Circuit.Options = new SimulationOptions { RelTol = 1e-9, VnTol = 1e-12 };
        using var trainer = new ResistiveEpTrainer(layout, options);
        var order = new RandomStreams(seed).Get("order");

        EpEpochReport? report = null;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var shuffled = Truth.OrderBy(_ => order.NextDouble()).ToList();
            report = trainer.TrainEpoch(shuffled);
            if (epoch % 100 == 0 || epoch == 1) output.WriteLine($"epoch {epoch}: mean free loss {report.MeanFreeLoss:G4}, mean |Δg|/G {report.MeanRelativeUpdate:G3}");
        }
        foreach (var (x, y) in Truth) output.WriteLine($"x = ({x[0]}, {x[1]}): d = {trainer.Predict(x)[0]:F3} V, target {y[0]}");
        output.WriteLine($"energy per sample (= per update) {report!.EnergyPerSample:G4} J; per phase {string.Join(", ", report.EnergyPerPhase.Select(kv => $"{kv.Key} {kv.Value:G4} J"))}");
        output.WriteLine($"absorbed per sample: {string.Join(", ", report.AbsorbedPerSample.Select(kv => $"{kv.Key} {kv.Value:G4} J"))}");

        foreach (var (x, y) in Truth)
        {
            double d = trainer.Predict(x)[0];
            Assert.True(Math.Sign(d) == Math.Sign(y[0]) && Math.Abs(d) > 0.2, $"x = ({x[0]}, {x[1]}): d = {d:F3} V, target {y[0]}");
        }
        Assert.True(report.MeanFreeLoss < 0.03, $"final mean loss {report.MeanFreeLoss:G3}");

        // The windows come from the circuit: three equal-length phases make one sample, and what the
        // independent sources delivered is what resistors, diodes and amplifiers absorbed (the amplifiers'
        // supply is outside the netlist, so they may show a negative share).
        Assert.Equal(report.EnergyPerSample, report.EnergyPerPhase.Values.Sum(), 1e-9 * report.EnergyPerSample);
        Assert.Equal(0, report.AbsorbedPerSample.Values.Sum(), 1e-9 * report.EnergyPerSample);
        Assert.InRange(report.EnergyPerSample, 1e-11, 1e-6);
    }
}
