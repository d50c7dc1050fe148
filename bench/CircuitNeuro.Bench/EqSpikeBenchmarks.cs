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

    internal static string FindMnist()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, MnistDataset.DefaultFolder);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"no {MnistDataset.DefaultFolder} above {AppContext.BaseDirectory}: run scripts/fetch-mnist.sh");
    }
}

/// <summary>
/// Device synapses (threshold memristors, Eq. 3.2 closed form): one operation = one training sample on the volley path
/// (one <c>ISynapseWriter.WriteRun</c> per spike) or on the reference path (one Spike event and one <c>Write</c> per synapse),
/// bit-identical results. Cases: memristive EqSpike on Digits (Table 3.1 preset, sparse p = 1/15, 64-32-10), A-EqSpike
/// synch on Digits (Table 4.1, 64-32-10) and on MNIST (Table 4.4, 784-300-10, nudge gate off: ≈ 17 M device writes per
/// sample), the latter also on the ideal-device limit (<c>aeqspike-mnist-ideal</c>: device.ideal, numbers clamped to the
/// window, the same spikes and writes). Digits: the first 200 images of the repository's set; MNIST: the first 50 training images (data/mnist).
/// Run: dotnet run -c Release --project bench/CircuitNeuro.Bench -- --filter '*EqSpikeDevice*' --job short
/// </summary>
public class EqSpikeDeviceBenchmarks
{
    private EqSpikeNetwork _net = null!;
    private Dataset _data = null!;
    private int _next;

    [Params("memristive-digits", "aeqspike-digits", "aeqspike-mnist", "aeqspike-mnist-ideal")]
    public string Case { get; set; } = "";

    [Params(false, true)]
    public bool PerSpikeEvents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        bool mnist = Case.StartsWith("aeqspike-mnist");
        _data = mnist ? MnistDataset.Load(EqSpikeBenchmarks.FindMnist(), "train", 50) : Digits();
        var aeq = EqSpikeSetup.AEqSpikeMnist;
        var setup = Case switch
        {
            "memristive-digits" => EqSpikeSetup.MemristiveDigits,
            "aeqspike-digits" => EqSpikeSetup.AEqSpikeDigits,
            "aeqspike-mnist-ideal" => aeq with { Parameters = aeq.Parameters with { NudgeGate = 0 }, Memristor = aeq.Memristor with { Ideal = true } },
            _ => aeq with { Parameters = aeq.Parameters with { NudgeGate = 0 } },
        };
        _net = setup.Build(_data.Features[0].Length, 10, new RandomStreams(1));
        _net.PerSpikeEvents = PerSpikeEvents;
        for (int i = 0; i < (mnist ? 1 : 20); i++) TrainSample();
    }

    [Benchmark]
    public int TrainSample()
    {
        int k = _next++ % _data.Count;
        return _net.Train(_data.Features[k], _data.Labels[k]);
    }

    private static Dataset Digits()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data", "digits.csv.gz");
            if (File.Exists(candidate)) return DigitsDataset.Load(candidate).SplitEvery(5).Train.Slice(0, 200);
        }
        throw new FileNotFoundException($"no data/digits.csv.gz above {AppContext.BaseDirectory}");
    }
}
