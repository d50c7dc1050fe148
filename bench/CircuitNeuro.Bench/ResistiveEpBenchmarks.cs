using BenchmarkDotNet.Attributes;
using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.ResistiveEp;

namespace CircuitNeuro.Bench;

/// <summary>
/// One EP training sample (free, +β and −β equilibria, energy, update of all 157,020 conductances) on the
/// MNIST-size 784(×2)-100-10(×2) resistive circuit with diode clamps, solved by the layered fast path and by
/// the general MNA path (KLU). Inputs: a fixed random image with MNIST's sparsity (~80% zero pixels).
/// Target (issue 6): fast path ≲ 10 ms per sample, i.e. one MNIST epoch in under 10 minutes.
/// </summary>
[MemoryDiagnoser]
public class ResistiveEpBenchmarks
{
    private LayeredEpTrainer _fast = null!;
    private ResistiveEpTrainer _mna = null!;
    private (double[] X, double[] Y)[] _sample = null!;

    public static ResistiveEpSpec MnistSpec => new()
    {
        Inputs = 784, Hidden = [100], Outputs = 10, UpperClampRail = -0.4, LowerClampRail = 0.4, BackwardCurrentGain = 0.25,
        InitialLayerScale = [0.1, 1],
    };

    [GlobalSetup]
    public void Setup()
    {
        var r = new RandomStream(6);
        var x = Enumerable.Range(0, 784).Select(_ => r.NextDouble() < 0.8 ? 0 : r.NextDouble()).ToArray();
        var y = Enumerable.Range(0, 10).Select(c => c == 3 ? 0.5 : 0.0).ToArray();
        _sample = [(x, y)];
        var options = new EpTrainingOptions { Beta = 1e-6, LearningRate = 0.01 };
        var layout = ResistiveEpCircuit.Build(MnistSpec, new RandomStreams(6).Get("weights"));
        layout.Circuit.Options = new SimulationOptions { RelTol = 1e-9, VnTol = 1e-12 };
        _fast = new LayeredEpTrainer(MnistSpec, options, layout.Conductances(), layout.Circuit.Options);
        _mna = new ResistiveEpTrainer(layout, options);
    }

    [GlobalCleanup]
    public void Cleanup() => _mna.Dispose();

    [Benchmark(Baseline = true)]
    public double MnaPath() => _mna.TrainEpoch(_sample).MeanFreeLoss;

    [Benchmark]
    public double LayeredFastPath() => _fast.TrainEpoch(_sample).MeanFreeLoss;
}
