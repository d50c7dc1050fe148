using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>What `eqspike train` leaves in summary.json (every number is a sweep metric).</summary>
public sealed record EqSpikeSummary(
    string Variant,
    string Dataset,
    int Epochs,
    int TrainSamples,
    int TestSamples,
    double UntrainedAccuracy,
    double Accuracy,
    double BestAccuracy,
    double TrainAccuracy,
    long Writes,
    double Energy,
    double EnergyPerWrite,
    double WritesPerSample,
    double SecondsPerEpoch,
    double MicrosecondsPerSample,
    double TailEnergy,
    double EnergyPerWriteWithTails);

/// <summary>
/// Trains an EqSpike network epoch by epoch into a folder: config.json, epochs.csv (one row per epoch: accuracies, nudge
/// phases, programming events, their energy), checkpoint.bin after every epoch and within epochs, and summary.json at the
/// end. With resume a run continues from the checkpoint of the same configuration and ends bit-identical to an uninterrupted one.
/// </summary>
public static class EqSpikeExperiment
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private const string CsvHeader = "epoch,train_accuracy,test_accuracy,nudged_samples,writes,energy_j,energy_per_write_j,spikes_per_sample,seconds,tail_energy_j,silent_outputs";

    public static string ConfigJson(EqSpikeConfig cfg) => JsonSerializer.Serialize(cfg, JsonOptions);

    public static (Dataset Train, Dataset Test) LoadData(EqSpikeConfig cfg) =>
        LoadData(cfg.Dataset, cfg.Data, cfg.TestEvery, cfg.TrainCount, cfg.TestCount);

    /// <summary>Digits split every <paramref name="testEvery"/>-th image, or MNIST's own split; the first N images of each if asked.</summary>
    public static (Dataset Train, Dataset Test) LoadData(string dataset, string? data, int testEvery, int trainCount, int testCount)
    {
        Dataset train, test;
        if (dataset == "mnist")
        {
            string folder = data ?? MnistDataset.DefaultFolder;
            (train, test) = (MnistDataset.Load(folder, "train", trainCount), MnistDataset.Load(folder, "test", testCount));
        }
        else
            (train, test) = DigitsDataset.Load(data ?? DigitsDataset.DefaultFile).SplitEvery(testEvery);
        if (trainCount > 0 && trainCount < train.Count) train = train.Slice(0, trainCount);
        if (testCount > 0 && testCount < test.Count) test = test.Slice(0, testCount);
        return (train, test);
    }

    /// <summary>How often a run checkpoints within an epoch when the caller does not say (an A-EqSpike MNIST epoch takes hours).</summary>
    public static readonly TimeSpan DefaultCheckpointInterval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Trains until cfg.Epochs are done. Checkpoints after every epoch and, within an epoch, every <paramref name="checkpointEvery"/>
    /// and when <paramref name="cancel"/> fires (then it throws <see cref="OperationCanceledException"/>); every checkpoint
    /// resumes bit for bit. Reports progress within an epoch to <paramref name="log"/> about once a minute.
    /// </summary>
    public static EqSpikeSummary Run(EqSpikeConfig cfg, string outDir, bool resume, TextWriter log, CancellationToken cancel = default,
        TimeSpan? checkpointEvery = null)
    {
        var (train, test) = LoadData(cfg);
        Directory.CreateDirectory(outDir);
        string configPath = Path.Combine(outDir, "config.json"), csvPath = Path.Combine(outDir, "epochs.csv");
        string checkpointPath = Path.Combine(outDir, "checkpoint.bin"), summaryPath = Path.Combine(outDir, "summary.json");
        string configJson = ConfigJson(cfg);
        var random = new RandomStreams(cfg.Seed);
        var network = cfg.Setup().Build(train.FeatureCount, train.ClassCount, random);
        var trainer = new EqSpikeTrainer(network, random);
        double untrained = trainer.Accuracy(test);
        var rows = new List<string>();
        if (resume && File.Exists(checkpointPath))
        {
            RequireSameConfiguration(outDir, configPath, configJson);
            byte[] saved = File.ReadAllBytes(checkpointPath);
            if (Checkpoint.PartCount(saved) == 1) Checkpoint.Restore(saved, trainer);   // written between epochs by older builds
            else Checkpoint.Restore(saved, trainer, trainer.Progress);
            if (File.Exists(csvPath)) rows.AddRange(File.ReadAllLines(csvPath).Skip(1).Take(trainer.EpochsDone));
            if (rows.Count < trainer.EpochsDone)
                throw new ExperimentConfigException($"{csvPath} has {rows.Count} epoch rows but {checkpointPath} is after epoch {trainer.EpochsDone}");
            log.WriteLine(trainer.SamplesDone > 0
                ? $"eqspike: resumed {outDir} in epoch {trainer.EpochsDone + 1} after {trainer.SamplesDone} of {train.Count} samples"
                : $"eqspike: resumed {outDir} after epoch {trainer.EpochsDone}");
        }
        File.WriteAllText(configPath, configJson);
        File.Delete(summaryPath);
        var every = checkpointEvery ?? DefaultCheckpointInterval;
        var clock = Stopwatch.StartNew();
        var (lastSave, lastReport, since, samplesSince) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, trainer.SamplesDone);
        bool Stop()
        {
            if (cancel.IsCancellationRequested || clock.Elapsed - lastSave >= every) return true;
            if (clock.Elapsed - lastReport >= TimeSpan.FromMinutes(1) && trainer.SamplesDone > samplesSince)
            {
                lastReport = clock.Elapsed;
                var left = TimeSpan.FromSeconds((clock.Elapsed - since).TotalSeconds / (trainer.SamplesDone - samplesSince) * (train.Count - trainer.SamplesDone));
                log.WriteLine($"eqspike: epoch {trainer.EpochsDone + 1}: {trainer.SamplesDone}/{train.Count} samples, " +
                    $"about {(int)left.TotalHours}:{left:mm\\:ss} left in the epoch");
            }
            return false;
        }
        while (trainer.EpochsDone < cfg.Epochs)
        {
            var r = trainer.TrainUntil(train, test, Stop);
            if (r is not null)
            {
                // The row first: a run killed before the checkpoint below repeats the epoch and drops the row on resume.
                rows.Add(string.Join(',', new object[] { r.Epoch, r.TrainAccuracy, r.TestAccuracy, r.NudgedSamples, r.Writes, r.Energy, r.EnergyPerWrite, r.SpikesPerSample, r.Seconds, r.TailEnergy, r.SilentOutputs }
                    .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
                File.WriteAllLines(csvPath, rows.Prepend(CsvHeader));
            }
            Checkpoint.SaveFile(checkpointPath, trainer, trainer.Progress);
            lastSave = clock.Elapsed;
            if (r is null)
            {
                if (!cancel.IsCancellationRequested) continue;
                log.WriteLine($"eqspike: interrupted in epoch {trainer.EpochsDone + 1} after {trainer.SamplesDone} of {train.Count} samples; " +
                    "checkpoint written, the same command with --resume continues");
                throw new OperationCanceledException(cancel);
            }
            (since, samplesSince) = (clock.Elapsed, 0);
            log.WriteLine($"eqspike: epoch {r.Epoch}/{cfg.Epochs}: train {r.TrainAccuracy:P2}, test {r.TestAccuracy:P2}, {r.Writes} writes, " + (cfg.EnergyNotModelled ?? $"{r.Energy:G3} J") + $", {r.Seconds:F1} s");
        }
        var summary = Summarise(cfg, train, test, untrained, csvPath);
        File.WriteAllText(summaryPath, JsonSerializer.Serialize(summary, JsonOptions));
        return summary;
    }

    /// <summary>Refuses to continue a folder's checkpoint written by another configuration (epochs aside, <see cref="WithoutEpochs"/>).</summary>
    internal static void RequireSameConfiguration(string outDir, string configPath, string configJson)
    {
        if (!File.Exists(configPath) || WithoutEpochs(File.ReadAllText(configPath)) != WithoutEpochs(configJson))
            throw new ExperimentConfigException($"{outDir} holds a checkpoint of another configuration (config.json differs); choose another --out or delete it");
    }

    /// <summary>
    /// A run may be resumed with more epochs: everything else must match. Unset (null) keys are left out, so a run started
    /// before an optional key existed still resumes.
    /// </summary>
    internal static string WithoutEpochs(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("epochs");
        RemoveNulls(node);
        return node.ToJsonString();
    }

    private static void RemoveNulls(JsonObject node)
    {
        foreach (var (key, value) in node.ToList())
            if (value is null) node.Remove(key);
            else if (value is JsonObject child) RemoveNulls(child);
    }

    /// <summary>From the CSV, so a resumed run reports every epoch, including those run before the interruption.</summary>
    private static EqSpikeSummary Summarise(EqSpikeConfig cfg, Dataset train, Dataset test, double untrained, string csvPath)
    {
        var rows = File.ReadAllLines(csvPath).Skip(1).Select(l => l.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        long writes = (long)rows.Sum(r => r[4]);
        double energy = rows.Sum(r => r[5]), seconds = rows.Sum(r => r[8]), tails = rows.Sum(r => r.Length > 9 ? r[9] : 0);   // runs before the tail column
        return new EqSpikeSummary(cfg.Variant, cfg.Dataset, rows.Length, train.Count, test.Count, untrained, rows[^1][2], rows.Max(r => r[2]), rows[^1][1],
            writes, energy, writes > 0 ? energy / writes : 0, writes / (double)(train.Count * rows.Length),
            seconds / rows.Length, 1e6 * seconds / (rows.Length * (train.Count + test.Count)), tails, writes > 0 ? (energy + tails) / writes : 0);
    }
}
