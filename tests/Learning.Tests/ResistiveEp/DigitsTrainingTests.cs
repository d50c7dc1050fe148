using System.Diagnostics;
using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.ResistiveEp;
using Xunit.Abstractions;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>Scale check of issue 6: the 8×8 Digits on a 64(×2)-H-10(×2) resistive circuit trained by event-driven EP.</summary>
public class DigitsTrainingTests(ITestOutputHelper output)
{
    private static double[] Target(int label, int classes) =>
        Enumerable.Range(0, classes).Select(c => c == label ? 0.5 : 0.0).ToArray();

    private static int ArgMax(double[] d) => Array.IndexOf(d, d.Max());

    [Fact]
    public void Digits_circuit_reaches_well_above_chance_in_two_epochs()
    {
        const ulong seed = 64;
        const int epochs = 2;
        var (train, test) = RepositoryData.DigitsSplit(4);
        var spec = new ResistiveEpSpec
        {
            Inputs = 64, Hidden = [32], Outputs = 10, InputScale = 1,
            UpperClampRail = -0.4, LowerClampRail = 0.4, BackwardCurrentGain = 0.25,
        };
        var options = new EpTrainingOptions { Beta = 1e-6, Centered = true, LearningRate = 1.0, PhaseDuration = 1e-6 };
        var layout = ResistiveEpCircuit.Build(spec, new RandomStreams(seed).Get("weights"));
        layout.Circuit.Options = new SimulationOptions { RelTol = 1e-9, VnTol = 1e-12 };
        using var trainer = new ResistiveEpTrainer(layout, options);
        var order = new RandomStreams(seed).Get("order");
        var samples = Enumerable.Range(0, train.Count).Select(i => (train.Features[i], Target(train.Labels[i], 10))).ToList();

        var clock = Stopwatch.StartNew();
        EpEpochReport? report = null;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            report = trainer.TrainEpoch(samples.OrderBy(_ => order.NextDouble()).ToList());
            output.WriteLine($"epoch {epoch}: mean free loss {report.MeanFreeLoss:G4}, energy/sample {report.EnergyPerSample:G4} J, {clock.Elapsed.TotalSeconds:F1} s");
        }
        int correct = Enumerable.Range(0, test.Count).Count(i => ArgMax(trainer.Predict(test.Features[i])) == test.Labels[i]);
        double accuracy = (double)correct / test.Count;
        output.WriteLine($"{layout.Weights.Count} conductances; test accuracy {accuracy:P1} on {test.Count} held-out digits (chance 10%)");
        output.WriteLine($"energy per phase: {string.Join(", ", report!.EnergyPerPhase.Select(kv => $"{kv.Key} {kv.Value:G4} J"))}");
        Assert.True(accuracy > 0.8, $"test accuracy {accuracy:P1}");
    }
}
