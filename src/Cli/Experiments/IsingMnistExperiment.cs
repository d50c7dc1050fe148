using System.Diagnostics;
using System.Globalization;
using CircuitNeuro.Cli.Sweeps;
using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.Ising.Training;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// EP training of a layered Ising network on MNIST/X with simulated annealing (seed 001 Sec. 5.3.2, target I1: 784-120-40
/// on MNIST/100 reaches 87 % test accuracy). After every epoch the network parameters go to checkpoint.bin (written to a
/// temporary file, then moved) and the epoch row to epochs.csv. Every epoch draws from its own named streams
/// ("train/e", "test/e"), so the parameters after epoch e depend only on the configuration: a resumed run is
/// bit-identical to an uninterrupted one.
/// </summary>
public static class IsingMnistExperiment
{
    public const string CheckpointFile = "checkpoint.bin", EpochsFile = "epochs.csv", ConfigFile = "config.yaml";
    private const string Header = "epoch,train_accuracy,test_accuracy,mean_loss,nudges_skipped,train_seconds,test_seconds";

    /// <param name="evaluateFullTest">After training, also classify all 10,000 MNIST test images (free phase, stream "test-all").</param>
    public static IReadOnlyList<string> Run(IsingMnistConfig cfg, string outDir, bool resume, TextWriter log, bool evaluateFullTest = false)
    {
        var (train, test) = Load(cfg);
        var streams = new RandomStreams(cfg.Seed);
        var network = new IsingLayeredNetwork(train.FeatureCount, [cfg.Hidden], train.ClassCount, cfg.OutputsPerClass) { BiasLimit = cfg.BiasLimit };
        network.Initialize(streams.Get("init"), cfg.InputGain, cfg.CouplingGain);
        var rows = StartOrResume(cfg, outDir, resume, network);
        var trainer = new IsingEpTrainer(network, cfg.Options(), cfg.Phases());
        string name = $"{train.FeatureCount}-{cfg.Hidden}-{train.ClassCount * cfg.OutputsPerClass}";
        for (int e = rows.Count - 1; e < cfg.Epochs; e++)
        {
            var clock = Stopwatch.StartNew();
            var report = trainer.TrainEpoch(train, e, streams.Get("train", e));
            double trainSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            double testAccuracy = trainer.Evaluate(test, streams.Get("test", e));
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"{e + 1},{report.TrainAccuracy},{testAccuracy},{report.MeanLoss},{report.NudgesSkipped},{trainSeconds:F2},{clock.Elapsed.TotalSeconds:F2}"));
            SaveCheckpoint(outDir, network, rows);
            log.WriteLine($"ising mnist {name}: epoch {e + 1}/{cfg.Epochs}: train {report.TrainAccuracy:P1}, test {testAccuracy:P1}, {trainSeconds:F1} s");
        }
        var last = rows[^1].Split(',');
        var summary = new List<string>
        {
            $"{name} Ising network, {train.Count} training / {test.Count} test MNIST images, {rows.Count - 1} epochs: " +
            $"train {Percent(last[1])}, test {Percent(last[2])} (last epoch)",
            $"epochs: {Path.Combine(outDir, EpochsFile)}", $"checkpoint: {Path.Combine(outDir, CheckpointFile)}",
        };
        if (evaluateFullTest)
        {
            var all = MnistDataset.Load(cfg.MnistFolder, "test");
            double accuracy = trainer.Evaluate(all, streams.Get("test-all"));
            summary.Add(string.Create(CultureInfo.InvariantCulture, $"all {all.Count} MNIST test images: {accuracy:P1}"));
        }
        return summary;
    }

    /// <summary>MNIST/X as in the seed code: the first X images of every class in file order (training and test split).</summary>
    public static (Dataset Train, Dataset Test) Load(IsingMnistConfig cfg) =>
        (FirstPerClass(cfg.MnistFolder, "train", cfg.TrainPerClass), FirstPerClass(cfg.MnistFolder, "test", cfg.TestPerClass));

    private static Dataset FirstPerClass(string folder, string split, int perClass)
    {
        // Classes are roughly balanced, so the first 30 × perClass images nearly always suffice; else read the whole file.
        var head = MnistDataset.Load(folder, split, 30 * perClass);
        return TryFirstPerClass(head, perClass, out _) ?? FirstPerClass(MnistDataset.Load(folder, split), perClass);
    }

    public static Dataset FirstPerClass(Dataset all, int perClass) =>
        TryFirstPerClass(all, perClass, out string why) ?? throw new ExperimentConfigException(why);

    private static Dataset? TryFirstPerClass(Dataset all, int perClass, out string why)
    {
        var taken = new int[all.ClassCount];
        var indices = new List<int>();
        for (int i = 0; i < all.Count && indices.Count < perClass * all.ClassCount; i++)
            if (taken[all.Labels[i]] < perClass) { taken[all.Labels[i]]++; indices.Add(i); }
        int lacking = Array.FindIndex(taken, t => t < perClass);
        why = lacking < 0 ? "" : $"{all.Name} holds only {taken[lacking]} images of class {lacking}, {perClass} per class requested";
        return lacking < 0 ? all.Subset(indices, $"first{perClass}perclass") : null;
    }

    private static string Percent(string fraction) => double.Parse(fraction, CultureInfo.InvariantCulture).ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>Rows of epochs.csv so far (header included); restores the network when resuming.</summary>
    private static List<string> StartOrResume(IsingMnistConfig cfg, string outDir, bool resume, IsingLayeredNetwork network)
    {
        Directory.CreateDirectory(outDir);
        string configPath = Path.Combine(outDir, ConfigFile), checkpointPath = Path.Combine(outDir, CheckpointFile);
        // The epoch count may grow between runs (resume to train longer); everything else must match.
        static string Identity(IsingMnistConfig c)
        {
            var copy = ConfigYaml.Deserialize<IsingMnistConfig>(ConfigYaml.Serialize(c), null);
            copy.Epochs = 0;
            return ConfigYaml.Serialize(copy);
        }
        if (!resume)
        {
            if (File.Exists(checkpointPath)) throw new ExperimentConfigException($"{outDir} already holds a run ({CheckpointFile}); pass --resume to continue it or choose another --out");
            File.WriteAllText(configPath, ConfigYaml.Serialize(cfg));
            File.WriteAllText(Path.Combine(outDir, EpochsFile), Header + "\n");
            return [Header];
        }
        if (!File.Exists(checkpointPath) || !File.Exists(configPath))
            throw new ExperimentConfigException($"--resume: {outDir} holds no run to resume ({CheckpointFile} or {ConfigFile} missing)");
        var saved = ConfigYaml.Deserialize<IsingMnistConfig>(File.ReadAllText(configPath), configPath);
        if (Identity(saved) != Identity(cfg)) throw new ExperimentConfigException($"--resume: {configPath} describes another run than the given configuration");
        int epochs;
        using (var stream = File.OpenRead(checkpointPath))
        {
            var epochCount = new EpochCounter();
            Checkpoint.Restore(stream, epochCount, network);
            epochs = epochCount.Value;
        }
        var rows = File.ReadAllLines(Path.Combine(outDir, EpochsFile)).Where(l => l.Length > 0).Take(epochs + 1).ToList();
        if (rows.Count != epochs + 1) throw new ExperimentConfigException($"--resume: {EpochsFile} holds {rows.Count - 1} epochs, the checkpoint {epochs}");
        File.WriteAllText(configPath, ConfigYaml.Serialize(cfg));
        return rows;
    }

    /// <summary>The checkpoint replaces the last one only after epochs.csv holds its rows (resume trims any rows beyond it).</summary>
    private static void SaveCheckpoint(string outDir, IsingLayeredNetwork network, List<string> rows) =>
        Checkpoint.SaveFile(Path.Combine(outDir, CheckpointFile), stream => Checkpoint.Save(stream, new EpochCounter { Value = rows.Count - 1 }, network),
            beforeReplace: () => File.WriteAllLines(Path.Combine(outDir, EpochsFile), rows));

    private sealed class EpochCounter : ICheckpointable
    {
        public int Value { get; set; }
        public void SaveState(BinaryWriter writer) => writer.Write(Value);
        public void RestoreState(BinaryReader reader) => Value = reader.ReadInt32();
    }
}
