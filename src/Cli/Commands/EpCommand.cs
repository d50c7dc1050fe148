using System.CommandLine;
using CircuitNeuro.Cli.Experiments;
using CircuitNeuro.Cli.Sweeps;

namespace CircuitNeuro.Cli.Commands;

/// <summary>`ep train`: resistive Equilibrium-Propagation networks trained at circuit level (Kendall et al. 2020).</summary>
public static class EpCommand
{
    public static Command Create(CliConsole io)
    {
        var ep = new Command("ep", "Resistive Equilibrium Propagation: layered networks of conductances, diode clamps and amplifiers trained by EP at circuit level.");
        var config = new Option<string?>("--config", "-c") { Description = "Training file (YAML or JSON). Without it the built-in MNIST 784-100-10 run (see --print-default).", HelpName = "FILE" };
        var outDir = new Option<string?>("--out", "-o") { Description = "Output folder. Default: ./out/<name>/", HelpName = "DIR" };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last per-epoch checkpoint (epochs may be raised)." };
        var printDefault = new Option<bool>("--print-default") { Description = "Print the built-in configuration as YAML and exit." };
        var train = new Command("train",
            "Train on digits or MNIST with the layered fast path (free, +β, −β phases as events; conductance updates through ideal or variable devices). " +
            "Writes epochs.csv (online train error, test error, loss, energy per phase and per sample), timing.csv, summary.json and a checkpoint after every epoch.")
        {
            config, outDir, resume, printDefault,
        };
        train.SetAction(p => CliErrors.Guard(io, () =>
        {
            if (p.GetValue(printDefault))
            {
                io.Out.Write(ConfigYaml.Serialize(new EpTrainConfig()));
                return ExitCodes.Ok;
            }
            string? file = p.GetValue(config);
            var cfg = file is null ? new EpTrainConfig() : Load(file);
            string dir = p.GetValue(outDir) ?? Path.Combine("out", cfg.Name);
            var summary = EpTrainExperiment.Run(cfg, dir, p.GetValue(resume), io.Err);
            io.Out.Write(summary.Report());
            io.Out.WriteLine($"Results: {Path.GetFullPath(dir)}");
            return ExitCodes.Ok;
        }));
        ep.Subcommands.Add(train);
        return ep;
    }

    private static EpTrainConfig Load(string path)
    {
        if (!File.Exists(path)) throw new ExperimentConfigException($"{path}: training file not found");
        var cfg = ConfigYaml.Deserialize<EpTrainConfig>(File.ReadAllText(path), path);
        try
        {
            cfg.Validate();
        }
        catch (ExperimentConfigException ex)
        {
            throw new ExperimentConfigException($"{path}: {ex.Message}");
        }
        return cfg;
    }
}
