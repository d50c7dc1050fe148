using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
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
/// phases, programming events, their energy), checkpoint.bin after every epoch and summary.json at the end. With resume
/// a run continues from the checkpoint of the same configuration and ends bit-identical to an uninterrupted one.
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

    public static (Dataset Train, Dataset Test) LoadData(EqSpikeConfig cfg)
    {
        Dataset train, test;
        if (cfg.Dataset == "mnist")
        {
            string folder = cfg.Data ?? MnistDataset.DefaultFolder;
            (train, test) = (MnistDataset.Load(folder, "train", cfg.TrainCount), MnistDataset.Load(folder, "test", cfg.TestCount));
        }
        else
            (train, test) = DigitsDataset.Load(cfg.Data ?? DigitsDataset.DefaultFile).SplitEvery(cfg.TestEvery);
        if (cfg.TrainCount > 0 && cfg.TrainCount < train.Count) train = train.Slice(0, cfg.TrainCount);
        if (cfg.TestCount > 0 && cfg.TestCount < test.Count) test = test.Slice(0, cfg.TestCount);
        return (train, test);
    }

    public static EqSpikeSummary Run(EqSpikeConfig cfg, string outDir, bool resume, TextWriter log, CancellationToken cancel = default)
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
            if (!File.Exists(configPath) || WithoutEpochs(File.ReadAllText(configPath)) != WithoutEpochs(configJson))
                throw new ExperimentConfigException($"{outDir} holds a checkpoint of another configuration (config.json differs); choose another --out or delete it");
            Checkpoint.Restore(File.ReadAllBytes(checkpointPath), trainer);
            rows.AddRange(File.ReadAllLines(csvPath).Skip(1).Take(trainer.EpochsDone));
            log.WriteLine($"eqspike: resumed {outDir} after epoch {trainer.EpochsDone}");
        }
        File.WriteAllText(configPath, configJson);
        File.Delete(summaryPath);
        var reports = new List<EqSpikeEpochReport>();
        while (trainer.EpochsDone < cfg.Epochs)
        {
            var r = trainer.TrainEpoch(train, test, cancel);
            reports.Add(r);
            rows.Add(string.Join(',', new object[] { r.Epoch, r.TrainAccuracy, r.TestAccuracy, r.NudgedSamples, r.Writes, r.Energy, r.EnergyPerWrite, r.SpikesPerSample, r.Seconds, r.TailEnergy, r.SilentOutputs }
                .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
            File.WriteAllLines(csvPath, rows.Prepend(CsvHeader));
            string tmp = checkpointPath + ".tmp";
            File.WriteAllBytes(tmp, Checkpoint.Capture(trainer));
            File.Move(tmp, checkpointPath, overwrite: true);
            log.WriteLine($"eqspike: epoch {r.Epoch}/{cfg.Epochs}: train {r.TrainAccuracy:P2}, test {r.TestAccuracy:P2}, {r.Writes} writes, {r.Energy:G3} J, {r.Seconds:F1} s");
        }
        var summary = Summarise(cfg, train, test, untrained, csvPath);
        File.WriteAllText(summaryPath, JsonSerializer.Serialize(summary, JsonOptions));
        return summary;
    }

    /// <summary>A run may be resumed with more epochs: everything else must match.</summary>
    private static string WithoutEpochs(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("epochs");
        return node.ToJsonString();
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
