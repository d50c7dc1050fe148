using BenchmarkDotNet.Attributes;
using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.ResistiveEp;

namespace CircuitNeuro.Bench;

/// <summary>
/// One EP training sample (free, +β and −β equilibria, energy, update of all 157,020 conductances) on the
/// MNIST-size 784(×2)-100-10(×2) resistive circuit with diode clamps, solved by the layered fast path and by
/// the general MNA path (KLU), with the settings of the README's MNIST run. Each operation trains two different
/// random images with MNIST's sparsity (~80% zero pixels), so every free phase starts from another sample's
/// equilibrium as in an epoch. Target (issue 6): fast path ≲ 10 ms per sample (an MNIST epoch in under 10 minutes).
/// </summary>
[MemoryDiagnoser]
public class ResistiveEpBenchmarks
{
    private LayeredEpTrainer _fast = null!;
    private ResistiveEpTrainer _mna = null!;
    private (double[] X, double[] Y)[] _samples = null!;

    public static ResistiveEpSpec MnistSpec => new()
    {
        Inputs = 784, Hidden = [100], Outputs = 10, InputScale = 20, UpperClampRail = -0.4, LowerClampRail = 0.4, BackwardCurrentGain = 0.25,
    };

    [GlobalSetup]
    public void Setup()
    {
        var r = new RandomStream(6);
        _samples = Enumerable.Range(0, 2).Select(k => (
            Enumerable.Range(0, 784).Select(_ => r.NextDouble() < 0.8 ? 0 : r.NextDouble()).ToArray(),
            Enumerable.Range(0, 10).Select(c => c == 3 + k ? 0.5 : 0.0).ToArray())).ToArray();
        var options = new EpTrainingOptions { Beta = 1e-6, LearningRate = 16 };
        var layout = ResistiveEpCircuit.Build(MnistSpec, new RandomStreams(6).Get("weights"));
        layout.Circuit.Options = new SimulationOptions { RelTol = 1e-9, VnTol = 1e-12 };
        _fast = new LayeredEpTrainer(MnistSpec, options, layout.Conductances(), layout.Circuit.Options);
        _mna = new ResistiveEpTrainer(layout, options);
    }

    [GlobalCleanup]
    public void Cleanup() => _mna.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = 2)]
    public double MnaPath() => _mna.TrainEpoch(_samples).MeanFreeLoss;

    [Benchmark(OperationsPerInvoke = 2)]
    public double LayeredFastPath() => _fast.TrainEpoch(_samples).MeanFreeLoss;
}
