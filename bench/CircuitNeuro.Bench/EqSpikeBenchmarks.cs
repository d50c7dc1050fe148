using BenchmarkDotNet.Attributes;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Bench;

/// <summary>
/// EqSpike on MNIST 784-100-10 with Table 2.1 (the `eqspike train` MNIST preset, nudge gate off so every sample runs
/// both phases): one operation = one training sample (free + nudge phase, 350 steps) or one test sample (free phase),
/// on the volley path and on the reference path of one Spike event per spike (bit-identical results). The network
/// trains on through the invocations, over the first 200 MNIST training images, after 20 warm-up samples.
/// Target (issue 7): volley path ≤ 2 ms per training sample, ≥ 10× the per-spike path of the original code.
/// Needs data/mnist (scripts/fetch-mnist.sh). Run: dotnet run -c Release --project bench/CircuitNeuro.Bench -- --filter '*EqSpike*'
/// </summary>
public class EqSpikeBenchmarks
{
    private const int Samples = 20;
    private EqSpikeNetwork _net = null!;
    private Dataset _data = null!;
    private int _next;

    [Params(false, true)]
    public bool PerSpikeEvents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = MnistDataset.Load(FindMnist(), "train", 200);
        var setup = EqSpikeSetup.EqSpikeMnist with { Parameters = EqSpikeSetup.EqSpikeMnist.Parameters with { NudgeGate = 0 } };
        _net = setup.Build(784, 10, new RandomStreams(1));
        _net.PerSpikeEvents = PerSpikeEvents;
        for (int i = 0; i < 20; i++) Train();
    }

    [Benchmark(OperationsPerInvoke = Samples)]
    public int TrainSample()
    {
        int s = 0;
        for (int i = 0; i < Samples; i++) s += Train();
        return s;
    }

    [Benchmark(OperationsPerInvoke = Samples)]
    public int TestSample()
    {
        int s = 0;
        for (int i = 0; i < Samples; i++) s += _net.Infer(_data.Features[_next++ % _data.Count]);
        return s;
    }

    private int Train()
    {
        int k = _next++ % _data.Count;
        return _net.Train(_data.Features[k], _data.Labels[k]);
    }

    private static string FindMnist()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, MnistDataset.DefaultFolder);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"no {MnistDataset.DefaultFolder} above {AppContext.BaseDirectory}: run scripts/fetch-mnist.sh");
    }
}
