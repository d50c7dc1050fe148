using System.Globalization;
using System.Text.Json;
using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Backprop;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>What a bp run leaves in summary.json (every number is a sweep metric; writes and energy summed over the epochs).</summary>
public sealed record BackpropSummary(
    string Optimizer,
    string Synapses,
    double Accuracy,
    double BestAccuracy,
    double TrainAccuracy,
    double UntrainedAccuracy,
    long Writes,
    double Energy,
    double EnergyPerWrite,
    double WritesPerSample,
    int Epochs,
    int TrainSamples,
    int TestSamples,
    double SecondsPerEpoch);

/// <summary>
/// Trains a back-propagation baseline into a folder: config.json, epochs.csv (one row per epoch), checkpoint.bin after
/// every epoch (an epoch is seconds), summary.json at the end. A folder holding a checkpoint of the same configuration
/// (epochs aside) continues from it and ends bit-identical to an uninterrupted run.
/// </summary>
public static class BackpropExperiment
{
    private const string CsvHeader = "epoch,train_accuracy,test_accuracy,writes,energy_j,seconds";

    public static string ConfigJson(BackpropConfig cfg) => JsonSerializer.Serialize(cfg, EqSpikeExperiment.JsonOptions);

    public static BackpropSummary Run(BackpropConfig cfg, string outDir, CancellationToken cancel = default)
    {
        var (train, test) = EqSpikeExperiment.LoadData(cfg.Dataset, cfg.Data, cfg.TestEvery, cfg.TrainCount, cfg.TestCount);
        Directory.CreateDirectory(outDir);
        string Out(string file) => Path.Combine(outDir, file);
        string configJson = ConfigJson(cfg);
        var random = new RandomStreams(cfg.Seed);
        var trainer = new BackpropTrainer(cfg.Setup().Build(train.FeatureCount, train.ClassCount, random), random);
        double untrained = trainer.Accuracy(test);
        var rows = new List<string>();
        if (File.Exists(Out("checkpoint.bin")))
        {
            EqSpikeExperiment.RequireSameConfiguration(outDir, Out("config.json"), configJson);
            Checkpoint.Restore(File.ReadAllBytes(Out("checkpoint.bin")), trainer);
            rows.AddRange(File.ReadAllLines(Out("epochs.csv")).Skip(1).Take(trainer.EpochsDone));
        }
        File.WriteAllText(Out("config.json"), configJson);
        File.Delete(Out("summary.json"));
        while (trainer.EpochsDone < cfg.Epochs)
        {
            cancel.ThrowIfCancellationRequested();
            var r = trainer.TrainEpoch(train, test);
            rows.Add(string.Join(',', new object[] { r.Epoch, r.TrainAccuracy, r.TestAccuracy, r.Writes, r.Energy, r.Seconds }
                .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
            File.WriteAllLines(Out("epochs.csv"), rows.Prepend(CsvHeader));
            Checkpoint.SaveFile(Out("checkpoint.bin"), trainer);
        }
        var e = rows.Select(l => l.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        long writes = (long)e.Sum(r => r[3]);
        double energy = e.Sum(r => r[4]);
        var summary = new BackpropSummary(cfg.Optimizer, cfg.Synapses, e[^1][2], e.Max(r => r[2]), e[^1][1], untrained,
            writes, energy, writes > 0 ? energy / writes : 0, writes / (double)(train.Count * e.Length), e.Length, train.Count, test.Count, e.Sum(r => r[5]) / e.Length);
        File.WriteAllText(Out("summary.json"), JsonSerializer.Serialize(summary, EqSpikeExperiment.JsonOptions));
        return summary;
    }
}
