using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.ResistiveEp;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// `ep train`: epochs of event-driven EP on the layered fast path, a checkpoint after every epoch
/// (conductances, last equilibrium, device noise stream, event clock), epochs.csv (deterministic: errors,
/// loss, energies), timing.csv (wall clock) and summary.json. A resumed run continues from the last
/// checkpoint and produces the same epochs.csv, bit for bit, as an uninterrupted one: the sample order of
/// epoch e comes from its own stream "order/e", and everything else that evolves is in the checkpoint.
/// </summary>
public static class EpTrainExperiment
{
    public const string EpochsFile = "epochs.csv", TimingFile = "timing.csv", CheckpointFile = "checkpoint.bin", ConfigFile = "config.json", SummaryFile = "summary.json";
    private const string Header = "epoch,online_train_error,test_error,mean_free_loss,energy_per_sample_J,energy_free_J,energy_nudge_plus_J,energy_nudge_minus_J,resistor_J,diode_J,amplifier_J,mean_relative_update,validation_error,programming_energy_per_update_J,pulses_per_update";

    public static EpTrainSummary Run(EpTrainConfig cfg, string outDir, bool resume, TextWriter log, CancellationToken cancel = default)
    {
        cfg.Validate();
        var (train, validation, test) = LoadData(cfg);
        var spec = cfg.Spec(train.FeatureCount, train.ClassCount);
        var streams = new RandomStreams(cfg.Seed);
        var layout = ResistiveEpCircuit.Build(spec, streams.Get("weights"));
        var devices = cfg.Variability.IsAny() && !cfg.Programming.UsesPulses()
            ? EpDeviceArray.WithVariability(spec, layout.Weights.Count, cfg.Variability.ToModel(), streams)
            : EpDeviceArray.Ideal(spec);
        var trainer = new LayeredEpTrainer(spec, cfg.TrainingOptions(), layout.Conductances(), new SimulationOptions(), devices,
            programming: cfg.Programming.Build(layout.Weights.Count, cfg.Variability, streams));
        var epoch = new EpochCounter();

        Directory.CreateDirectory(outDir);
        var rows = StartOrResume(cfg, outDir, resume, trainer, epoch);
        log.WriteLine($"ep train: {spec.Inputs}(×2)-{string.Join("-", spec.Hidden)}-{spec.Outputs}(×2), {layout.Weights.Count} conductances, " +
                      $"{train.Count} training / {validation?.Count ?? 0} validation / {test.Count} test samples, starting at epoch {epoch.Done + 1} of {cfg.Epochs}");

        var samples = Enumerable.Range(0, train.Count).Select(i => (train.Features[i], OneHot(train.Labels[i], train.ClassCount, cfg.Training.Target))).ToArray();
        var outputs = new double[spec.Outputs];
        while (epoch.Done < cfg.Epochs)
        {
            cancel.ThrowIfCancellationRequested();
            int e = epoch.Done + 1;
            var clock = Stopwatch.StartNew();
            trainer.LearningRateFactor = Math.Pow(cfg.Training.LearningRateDecay, e - 1);
            var report = trainer.TrainEpoch(Shuffle(samples, streams.Get("order", e)));
            double trainSeconds = clock.Elapsed.TotalSeconds;
            double testError = ErrorOn(trainer, test, outputs), evalSeconds = clock.Elapsed.TotalSeconds - trainSeconds;
            double validationError = validation is null ? double.NaN : ErrorOn(trainer, validation, outputs);
            epoch.Done = e;
            var row = Row(e, report, testError, validationError);
            rows.Add(row);
            File.AppendAllLines(Path.Combine(outDir, EpochsFile), [row]);
            File.AppendAllLines(Path.Combine(outDir, TimingFile),
                [string.Create(CultureInfo.InvariantCulture, $"{e},{trainSeconds:F2},{evalSeconds:F2},{1000 * trainSeconds / train.Count:F3}")]);
            Checkpoint.SaveFile(Path.Combine(outDir, CheckpointFile), epoch, trainer);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {e}: online train error {report.OnlineError:P2}, validation error {validationError:P2}, test error {testError:P2}, loss {report.MeanFreeLoss:G4}, " +
                $"{report.EnergyPerSample:G3} J/sample, {Programming(trainer, report)}{trainSeconds:F1} s training ({1000 * trainSeconds / train.Count:F2} ms/sample), {evalSeconds:F1} s test"));
        }
        var summary = EpTrainSummary.From(cfg, layout.Weights.Count, train.Count, test.Count, rows, Path.Combine(outDir, TimingFile));
        File.WriteAllText(Path.Combine(outDir, SummaryFile), JsonSerializer.Serialize(summary, InferenceExperiment.JsonOptions));
        return summary;
    }

    private static string Programming(LayeredEpTrainer trainer, EpEpochReport r) => trainer.Programming is null ? "" :
        string.Create(CultureInfo.InvariantCulture, $"{r.PulsesPerUpdate:G3} pulses and {r.ProgrammingEnergyPerUpdate:G3} J programming per update, ");

    private static double ErrorOn(LayeredEpTrainer trainer, Dataset data, double[] outputs)
    {
        int wrong = 0;
        for (int i = 0; i < data.Count; i++)
        {
            trainer.Predict(data.Features[i], outputs);
            if (LayeredEpTrainer.ArgMax(outputs) != data.Labels[i]) wrong++;
        }
        return (double)wrong / data.Count;
    }

    /// <summary>Training, validation (the last validation_count of the training samples, or null) and test sets.</summary>
    private static (Dataset Train, Dataset? Validation, Dataset Test) LoadData(EpTrainConfig cfg)
    {
        Dataset train, test;
        if (cfg.Dataset == "digits") (train, test) = DigitsDataset.Load(cfg.Data ?? DigitsDataset.DefaultFile).SplitEvery(4);
        else
        {
            string folder = cfg.Data ?? MnistDataset.DefaultFolder;
            (train, test) = (MnistDataset.Load(folder, "train", cfg.TrainCount), MnistDataset.Load(folder, "test", cfg.TestCount));
        }
        if (cfg.TrainCount > 0 && cfg.TrainCount < train.Count) train = train.Slice(0, cfg.TrainCount);
        if (cfg.TestCount > 0 && cfg.TestCount < test.Count) test = test.Slice(0, cfg.TestCount);
        if (cfg.ValidationCount == 0) return (train, null, test);
        if (cfg.ValidationCount >= train.Count)
            throw new ExperimentConfigException($"validation_count {cfg.ValidationCount} leaves no training samples (there are {train.Count})");
        int kept = train.Count - cfg.ValidationCount;
        return (train.Slice(0, kept), train.Slice(kept, cfg.ValidationCount), test);
    }

    private static double[] OneHot(int label, int classes, double target)
    {
        var y = new double[classes];
        y[label] = target;
        return y;
    }

    /// <summary>Fisher–Yates with the epoch's own stream.</summary>
    private static (double[] X, double[] Y)[] Shuffle((double[] X, double[] Y)[] samples, RandomStream order)
    {
        var copy = ((double[] X, double[] Y)[])samples.Clone();
        for (int i = copy.Length - 1; i > 0; i--)
        {
            int j = order.NextInt(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy;
    }

    private static string Row(int epoch, EpEpochReport r, double testError, double validationError)
    {
        double Phase(string name) => r.EnergyPerPhase.GetValueOrDefault(name);
        double Absorbed(string name) => r.AbsorbedPerSample.GetValueOrDefault(name);
        return string.Join(",", new[]
        {
            r.OnlineError, testError, r.MeanFreeLoss, r.EnergyPerSample, Phase("free"), Phase("nudge+"), Phase("nudge−"),
            Absorbed("resistor"), Absorbed("diode"), Absorbed("controlled-source"), r.MeanRelativeUpdate, validationError, r.ProgrammingEnergyPerUpdate, r.PulsesPerUpdate,
        }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).Prepend(epoch.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Fresh run, or the state of the last checkpoint (then epochs.csv is cut back to the checkpoint's epochs).</summary>
    private static List<string> StartOrResume(EpTrainConfig cfg, string outDir, bool resume, LayeredEpTrainer trainer, EpochCounter epoch)
    {
        string configPath = Path.Combine(outDir, ConfigFile), checkpoint = Path.Combine(outDir, CheckpointFile), epochs = Path.Combine(outDir, EpochsFile);
        // The number of epochs may grow on resume; everything else must be the run's.
        string json = JsonSerializer.Serialize(cfg, InferenceExperiment.JsonOptions);
        string identity = Identity(cfg);
        if (File.Exists(checkpoint))
        {
            if (!resume) throw new ExperimentConfigException($"{outDir} already holds a run ({CheckpointFile}); pass --resume to continue it or choose another --out");
            var saved = JsonSerializer.Deserialize<EpTrainConfig>(File.ReadAllText(configPath), InferenceExperiment.JsonOptions)
                        ?? throw new ExperimentConfigException($"{configPath}: empty");
            if (Identity(saved) != identity)
                throw new ExperimentConfigException($"{outDir} holds a run with another configuration ({ConfigFile} differs beyond epochs); choose another --out");
            using (var stream = File.OpenRead(checkpoint)) Checkpoint.Restore(stream, epoch, trainer);
            var rows = File.ReadAllLines(epochs).Skip(1).Where(l => l.Length > 0).Take(epoch.Done).ToList();
            if (rows.Count != epoch.Done) throw new ExperimentConfigException($"{epochs}: {rows.Count} rows but the checkpoint is after epoch {epoch.Done}");
            File.WriteAllLines(epochs, rows.Prepend(Header));
            string timing = Path.Combine(outDir, TimingFile);
            File.WriteAllLines(timing, File.ReadAllLines(timing).Take(epoch.Done + 1));
            File.WriteAllText(configPath, json);
            return rows;
        }
        File.WriteAllText(configPath, json);
        File.WriteAllLines(epochs, [Header]);
        File.WriteAllLines(Path.Combine(outDir, TimingFile), ["epoch,train_seconds,test_seconds,train_ms_per_sample"]);
        return [];
    }

    private static string Identity(EpTrainConfig cfg)
    {
        int epochs = cfg.Epochs;
        cfg.Epochs = 0;
        string s = JsonSerializer.Serialize(cfg, InferenceExperiment.JsonOptions);
        cfg.Epochs = epochs;
        return s;
    }

    private sealed class EpochCounter : ICheckpointable
    {
        public int Done { get; set; }
        public void SaveState(BinaryWriter writer) => writer.Write(Done);
        public void RestoreState(BinaryReader reader) => Done = reader.ReadInt32();
    }
}
