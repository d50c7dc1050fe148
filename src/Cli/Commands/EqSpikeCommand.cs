using System.CommandLine;
using System.Runtime.InteropServices;
using CircuitNeuro.Cli.Experiments;
using CircuitNeuro.Cli.Sweeps;

namespace CircuitNeuro.Cli.Commands;

/// <summary>`eqspike train`: EqSpike, memristive EqSpike and A-EqSpike (seed 002 chapters 2–4) on Digits or MNIST.</summary>
public static class EqSpikeCommand
{
    public static Command Create(CliConsole io)
    {
        var eqspike = new Command("eqspike", "Spiking equilibrium propagation (EqSpike), with memristor synapses, or with shaped pulses (A-EqSpike).");
        var file = new Argument<string?>("config") { Description = "Experiment file (YAML). Without it the built-in default runs.", Arity = ArgumentArity.ZeroOrOne };
        var configOption = new Option<string?>("--config", "-c") { Description = "Experiment file (alternative to the argument).", HelpName = "FILE" };
        var outDir = new Option<string?>("--out", "-o") { Description = "Output folder. Default: ./out/<name>/", HelpName = "DIR" };
        var resume = new Option<bool>("--resume") { Description = "Continue from the folder's checkpoint (same configuration only)." };
        var printDefault = new Option<bool>("--print-default") { Description = "Print the resolved default file for --variant and exit." };
        var variant = new Option<string?>("--variant") { Description = "Override the file's variant: eqspike | memristive | a-eqspike." };
        var epochs = new Option<int?>("--epochs") { Description = "Override the number of epochs." };
        var checkpointMinutes = new Option<double>("--checkpoint-minutes")
        {
            Description = "Also checkpoint within an epoch this often (minutes; Ctrl-C or SIGTERM checkpoints too, and --resume continues from there).",
            DefaultValueFactory = _ => EqSpikeExperiment.DefaultCheckpointInterval.TotalMinutes,
        };
        var train = new Command("train",
            "Train one network epoch by epoch; writes config.json, epochs.csv (accuracy, programming events, energy per epoch), " +
            "checkpoint.bin after every epoch and every --checkpoint-minutes, and summary.json. Sweeps: `circuitneuro sweep FILE --set device.write_noise=...` (kind: eqspike).")
        {
            file, configOption, outDir, resume, printDefault, variant, epochs, checkpointMinutes,
        };
        train.SetAction(p => CliErrors.Guard(io, () =>
        {
            string? path = p.GetValue(file) ?? p.GetValue(configOption);
            var cfg = path is null ? new EqSpikeConfig() : ConfigYaml.Deserialize<EqSpikeConfig>(ReadFile(path), path);
            if (p.GetValue(variant) is { } v) cfg.Variant = v;
            if (p.GetValue(epochs) is int e) cfg.Epochs = e;
            try
            {
                cfg.Resolve();
            }
            catch (ExperimentConfigException ex) when (path is not null)
            {
                throw new ExperimentConfigException($"{path}: {ex.Message}");
            }
            if (p.GetValue(printDefault))
            {
                io.Out.Write(ConfigYaml.Serialize(cfg));
                return ExitCodes.Ok;
            }
            string dir = p.GetValue(outDir) ?? Path.Combine("out", cfg.Name);
            io.Err.WriteLine($"eqspike: {cfg.Variant} on {cfg.Dataset}, {cfg.Epochs} epochs -> {dir}");
            double minutes = p.GetValue(checkpointMinutes);
            if (!(minutes > 0)) throw new ExperimentConfigException($"--checkpoint-minutes must be > 0 (got {minutes})");
            EqSpikeSummary s;
            using var interrupt = new CancellationTokenSource();
            void OnSignal(PosixSignalContext c)
            {
                // The first signal stops after the sample in progress, with a checkpoint; a second one quits at once.
                c.Cancel = !interrupt.IsCancellationRequested;
                if (c.Cancel) io.Err.WriteLine($"eqspike: {c.Signal}: stopping after the present sample (send it again to quit without a checkpoint)");
                interrupt.Cancel();
            }
            using (PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal))
            using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal))
            {
                try
                {
                    s = EqSpikeExperiment.Run(cfg, dir, p.GetValue(resume), io.Err, interrupt.Token, TimeSpan.FromMinutes(minutes));
                }
                catch (OperationCanceledException)
                {
                    return ExitCodes.Error;   // the experiment has written the checkpoint and said how to resume
                }
            }
            io.Out.WriteLine($"{s.Variant} {s.Dataset}: test accuracy {s.Accuracy:P2} (best {s.BestAccuracy:P2}, untrained {s.UntrainedAccuracy:P2}) after {s.Epochs} epochs; " +
                $"{s.Writes} programming events, " + (cfg.EnergyNotModelled ?? $"{s.EnergyPerWrite:G3} J per event") +
                $"; {s.SecondsPerEpoch:F1} s per epoch");
            io.Out.WriteLine($"Results: {Path.GetFullPath(dir)}");
            return ExitCodes.Ok;
        }));
        eqspike.Subcommands.Add(train);
        return eqspike;
    }

    private static string ReadFile(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new ExperimentConfigException($"{path}: experiment file not found");
}
