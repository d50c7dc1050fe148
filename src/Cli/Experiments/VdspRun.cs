using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CircuitNeuro.Cli.Sweeps;
using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.Stdp;
using CircuitNeuro.Learning.Vdsp;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// `vdsp train`: builds the network and the data, runs the experiment chunk by chunk, and after each chunk appends a
/// row to chunks.csv and rewrites checkpoint.bin (state + CSV length), so --resume continues bit-identically.
/// </summary>
public static class VdspRun
{
    private const string CsvHeader = "phase,position,total,output_spikes,input_spikes,post_triggers,pre_triggers,updates,pulse_energy_j,switching_energy_j,test_accuracy,shadow_stdp_triggers,shadow_stdp_updates,wall_s";

    public static VdspConfig Load(string path)
    {
        if (!File.Exists(path)) throw new ExperimentConfigException($"{path}: experiment file not found");
        var cfg = ConfigYaml.Deserialize<VdspConfig>(File.ReadAllText(path), path);
        try { cfg.Validate(); }
        catch (ExperimentConfigException ex) { throw new ExperimentConfigException($"{path}: {ex.Message}"); }
        return cfg;
    }

    public static (Dataset Train, Dataset Label, Dataset Test) LoadData(VdspConfig cfg)
    {
        Dataset train, test;
        if (cfg.Dataset == "digits")
        {
            (train, test) = DigitsDataset.Load(cfg.Data.Length > 0 ? cfg.Data : DigitsDataset.DefaultFile).SplitEvery(5);
            if (cfg.TrainCount > 0) train = train.Slice(0, Math.Min(cfg.TrainCount, train.Count));
            if (cfg.TestCount > 0) test = test.Slice(0, Math.Min(cfg.TestCount, test.Count));
        }
        else
        {
            string folder = cfg.Data.Length > 0 ? cfg.Data : MnistDataset.DefaultFolder;
            if (cfg.ValidationCount > 0)
            {
                var all = MnistDataset.Load(folder, "train");
                if (cfg.ValidationCount >= all.Count) throw new ExperimentConfigException($"validation_count: {cfg.ValidationCount} leaves no training images (the file has {all.Count})");
                int rest = all.Count - cfg.ValidationCount;
                train = all.Slice(0, cfg.TrainCount > 0 ? Math.Min(cfg.TrainCount, rest) : rest);
                test = all.Slice(rest, cfg.TestCount > 0 ? Math.Min(cfg.TestCount, cfg.ValidationCount) : cfg.ValidationCount);
            }
            else
            {
                train = MnistDataset.Load(folder, "train", cfg.TrainCount);
                test = MnistDataset.Load(folder, "test", cfg.TestCount);
            }
        }
        train = InputNormalization.Apply(train, cfg.InputNormalization);
        test = InputNormalization.Apply(test, cfg.InputNormalization);
        var label = cfg.LabelCount > 0 ? train.Slice(0, Math.Min(cfg.LabelCount, train.Count)) : train;
        return (train, label, test);
    }

    public static VdspExperiment Build(VdspConfig cfg)
    {
        var (train, label, test) = LoadData(cfg);
        var network = cfg.Learning.BuildNetwork(cfg.Network, train.FeatureCount, cfg.Seed);
        return new VdspExperiment(network, train, label, test, cfg.Epochs, cfg.Shuffle, cfg.Seed);
    }

    /// <summary>Runs (or resumes) the experiment into <paramref name="dir"/>; <paramref name="maxChunks"/> stops early (tests of resume).</summary>
    public static VdspExperiment Run(VdspConfig cfg, string dir, bool resume, TextWriter log, int maxChunks = int.MaxValue)
    {
        Directory.CreateDirectory(dir);
        string csv = Path.Combine(dir, "chunks.csv"), checkpoint = Path.Combine(dir, "checkpoint.bin");
        var experiment = Build(cfg);
        double wallBefore = 0;
        if (resume && File.Exists(checkpoint))
        {
            using var stream = File.OpenRead(checkpoint);
            Checkpoint.Restore(stream, experiment);
            using var reader = new BinaryReader(stream);
            long csvLength = reader.ReadInt64();
            wallBefore = reader.ReadDouble();
            TruncateCsv(csv, csvLength);
            log.WriteLine($"vdsp: resumed at presentation {experiment.Position} of {experiment.Total}");
        }
        else
        {
            File.WriteAllText(csv, CsvHeader + "\n");
            File.WriteAllText(Path.Combine(dir, "config.yaml"), ConfigYaml.Serialize(cfg));
        }
        var clock = Stopwatch.StartNew();
        for (int chunk = 0; chunk < maxChunks && !experiment.Done; chunk++)
        {
            var r = experiment.RunChunk(cfg.Chunk);
            double wall = wallBefore + clock.Elapsed.TotalSeconds;
            File.AppendAllText(csv, string.Join(",", r.Phase, r.Position, r.Total, r.OutputSpikes, r.InputSpikes, r.PostTriggers, r.PreTriggers, r.Updates,
                Num(r.PulseEnergy), Num(r.SwitchingEnergy), r.Accuracy is double a ? Num(a) : "", r.ShadowTriggers, r.ShadowUpdates, Num(wall)) + "\n");
            SaveCheckpoint(checkpoint, experiment, new FileInfo(csv).Length, wall);
            log.WriteLine($"vdsp: {r.Phase} {r.Position}/{r.Total}  post spikes {r.OutputSpikes}  updates {r.Updates}  {wall:F0} s");
        }
        if (experiment.Done) WriteSummary(cfg, experiment, Path.Combine(dir, "summary.json"), wallBefore + clock.Elapsed.TotalSeconds);
        return experiment;
    }

    /// <summary>The experiment, then the length of the CSV it has written and the wall time so far.</summary>
    private static void SaveCheckpoint(string path, VdspExperiment experiment, long csvLength, double wall) =>
        Checkpoint.SaveFile(path, stream =>
        {
            Checkpoint.Save(stream, experiment);
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(csvLength);
            writer.Write(wall);
        });

    private static void TruncateCsv(string csv, long length)
    {
        using var stream = new FileStream(csv, FileMode.Open, FileAccess.Write);
        if (stream.Length < length) throw new ExperimentConfigException($"{csv}: shorter than the checkpoint expects; it was edited or the checkpoint belongs to another run");
        stream.SetLength(length);
    }

    /// <summary>The numeric values of summary.json (those that are null for a run, e.g. energy without a device, are left out there).</summary>
    public static IReadOnlyList<string> SummaryMetrics { get; } =
    [
        "test_accuracy", "outputs", "train_presentations", "test_images", "post_triggers", "pre_triggers", "updates", "potentiations", "depressions",
        "updates_per_train_image", "pulse_energy_j", "switching_energy_j", "energy_per_update_j", "shadow_stdp_post_triggers",
        "shadow_stdp_pre_triggers", "shadow_stdp_updates", "stdp_normalization_writes", "stdp_to_vdsp_update_ratio", "neurons_with_label",
        "wall_s", "wall_ms_per_presentation",
    ];

    private static void WriteSummary(VdspConfig cfg, VdspExperiment experiment, string path, double wall)
    {
        var net = experiment.Network;
        var ledger = net.Plasticity?.Ledger ?? new UpdateLedger();
        long trainImages = experiment.TrainPresentations;
        var summary = new Dictionary<string, object?>
        {
            ["name"] = cfg.Name, ["dataset"] = cfg.Dataset, ["rule"] = net.Plasticity?.Name ?? "none", ["outputs"] = cfg.Network.Outputs,
            ["train_presentations"] = trainImages, ["test_images"] = experiment.TestSeen, ["test_accuracy"] = experiment.TestAccuracy,
            ["post_triggers"] = ledger.PostTriggers, ["pre_triggers"] = ledger.PreTriggers, ["updates"] = ledger.Updates,
            ["potentiations"] = ledger.Potentiations, ["depressions"] = ledger.Depressions,
            ["updates_per_train_image"] = trainImages > 0 ? (double)ledger.Updates / trainImages : null,
            ["pulse_energy_j"] = ledger.PulseEnergy, ["switching_energy_j"] = ledger.SwitchingEnergy,
            ["energy_per_update_j"] = ledger.Updates > 0 && ledger.PulseEnergy > 0 ? ledger.EnergyPerUpdate : null, // null without a device model
            ["shadow_stdp_post_triggers"] = net.Shadow?.Ledger.PostTriggers, ["shadow_stdp_pre_triggers"] = net.Shadow?.Ledger.PreTriggers,
            ["shadow_stdp_updates"] = net.Shadow?.Ledger.Updates,
            ["stdp_normalization_writes"] = (net.Plasticity as PairStdpPlasticity ?? net.Shadow as PairStdpPlasticity)?.NormalizationWrites,
            ["stdp_to_vdsp_update_ratio"] = net.Shadow is { } s && ledger.Updates > 0 ? (double)s.Ledger.Updates / ledger.Updates : null,
            ["neurons_with_label"] = experiment.Readout.NeuronLabels.Count(l => l >= 0),
            ["wall_s"] = wall, ["wall_ms_per_presentation"] = 1000 * wall / Math.Max(1, experiment.Total),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
