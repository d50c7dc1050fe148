using System.Globalization;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.Ising.Sampling;
using CircuitNeuro.Learning.Ising.Training;
using CircuitNeuro.Learning.Ising.Visualization;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// Equilibrium propagation on Ising networks (seed 001, chapter 5) as command-line experiments:
/// the convolution template placed natively on Chimera cells (seed: 100 % training accuracy on
/// the two 3×3 diagonal patterns), and a layered network trained on Digits with simulated annealing.
/// </summary>
public static class IsingExperiments
{
    public static IReadOnlyList<string> Convolution(string outDir, int epochs, ulong seed, TextWriter log)
    {
        Directory.CreateDirectory(outDir);
        var streams = new RandomStreams(seed);
        var conv = new ChimeraConvolutionTemplate();
        conv.Initialize(streams.Get("init"));
        var phases = conv.OnChimera();
        var data = ChimeraConvolutionTemplate.DiagonalPatterns();
        // Seed code's hyper-parameters for this template (lr 0.1 for couplings and biases).
        var options = new IsingEpOptions { CouplingLearningRate = 0.1, BiasLearningRate = 0.1 };
        var rng = streams.Get("train");
        var rows = new List<string> { "epoch,train_accuracy" };
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var order = rng.NextInt(2) == 0 ? data : data.Reverse().ToArray();
            int correct = order.Count(d => conv.TrainStep(d.Image, d.Label, phases, options, rng));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{epoch + 1},{correct / 2.0}"));
            log.WriteLine($"ising conv: epoch {epoch + 1}/{epochs}: {correct}/2 patterns right");
        }
        double final = conv.Accuracy(data, phases, 10, streams.Get("eval"));
        File.WriteAllLines(Path.Combine(outDir, "epochs.csv"), rows);
        string picture = Path.Combine(outDir, "embedding.png");
        EmbeddingPicture.Save(picture, Learning.Ising.Topology.ChimeraTopology.DWave2000Q(), conv.Embedding);
        return [$"training accuracy after {epochs} epochs (free phase, 10 reads): {final:P0}", $"epochs: {Path.Combine(outDir, "epochs.csv")}", $"embedding picture: {picture}"];
    }

    public static IReadOnlyList<string> Bench(int sweeps, int reads, ulong seed)
    {
        var model = SamplerThroughput.ChimeraSpinGlass(seed);
        var (rate, cpuRate, best, updates) = SamplerThroughput.Measure(model, sweeps, reads, seed);
        return [string.Create(CultureInfo.InvariantCulture, $"Chimera C16 ±1 spin glass, {model.SpinCount} spins, {reads} reads × {sweeps} sweeps = {updates:N0} spin updates"),
                string.Create(CultureInfo.InvariantCulture, $"spin updates per second of CPU time (one core): {cpuRate / 1e6:F1} M (target ≥ 100 M)"),
                string.Create(CultureInfo.InvariantCulture, $"spin updates per wall-clock second: {rate / 1e6:F1} M (lower when other processes share the core)"),
                string.Create(CultureInfo.InvariantCulture, $"lowest energy: {best}")];
    }

    public static IReadOnlyList<string> Digits(string outDir, string digitsPath, int hidden, int epochs, int trainCount, int testCount, ulong seed, TextWriter log)
    {
        Directory.CreateDirectory(outDir);
        var all = DigitsDataset.Load(digitsPath);
        if (trainCount + testCount > all.Count) throw new CliFailure($"--train {trainCount} + --test {testCount} exceed the {all.Count} Digits samples");
        var train = all.Slice(0, trainCount);
        var test = all.Slice(all.Count - testCount, testCount);
        var streams = new RandomStreams(seed);
        var network = new IsingLayeredNetwork(all.FeatureCount, [hidden], all.ClassCount, outputsPerClass: 4);
        network.Initialize(streams.Get("init"));
        var trainer = new IsingEpTrainer(network, new IsingEpOptions(), new SimulatedAnnealingPhases());
        var rows = new List<string> { "epoch,train_accuracy,test_accuracy,mean_loss" };
        double testAccuracy = 0;
        for (int e = 0; e < epochs; e++)
        {
            var report = trainer.TrainEpoch(train, e, streams.Get("train"));
            testAccuracy = trainer.Evaluate(test, streams.Get("test", e));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{e + 1},{report.TrainAccuracy},{testAccuracy},{report.MeanLoss}"));
            log.WriteLine($"ising digits: epoch {e + 1}/{epochs}: train {report.TrainAccuracy:P1}, test {testAccuracy:P1}");
        }
        File.WriteAllLines(Path.Combine(outDir, "epochs.csv"), rows);
        return [$"{all.FeatureCount}-{hidden}-{all.ClassCount * 4} Ising network, {trainCount} training / {testCount} test Digits images: test accuracy {testAccuracy:P1} after {epochs} epochs",
                $"epochs: {Path.Combine(outDir, "epochs.csv")}"];
    }
}
