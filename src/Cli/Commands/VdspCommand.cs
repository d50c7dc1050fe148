using System.CommandLine;
using CircuitNeuro.Cli.Experiments;
using CircuitNeuro.Cli.Sweeps;

namespace CircuitNeuro.Cli.Commands;

/// <summary>`vdsp train`: unsupervised VDSP / pair-STDP learning of the single-layer WTA network (notes 003 §2).</summary>
public static class VdspCommand
{
    public static Command Create(CliConsole io)
    {
        var vdsp = new Command("vdsp", "Voltage-dependent synaptic plasticity (Garg et al. 2022) and the pair-STDP baseline on the single-layer winner-take-all spiking network.");
        vdsp.Subcommands.Add(Train(io));
        return vdsp;
    }

    private static Command Train(CliConsole io)
    {
        var config = new Option<string?>("--config", "-c") { Description = "Experiment file (YAML). Without it the built-in default (100 neurons, MNIST) runs; see --print-default.", HelpName = "FILE" };
        var outDir = new Option<string?>("--out", "-o") { Description = "Output folder. Default: ./out/<name>/", HelpName = "DIR" };
        var resume = new Option<bool>("--resume") { Description = "Continue from DIR/checkpoint.bin (bit-identical to an uninterrupted run)." };
        var printDefault = new Option<bool>("--print-default") { Description = "Print the built-in default experiment as YAML and exit." };
        var command = new Command("train",
            "Train (rule vdsp|stdp|none, device ideal|tio2|hfo2|hfzro4|tio2-2022), label neurons by their responses, test by vote. " +
            "Writes chunks.csv (per chunk: spikes, update counts, programming energy), summary.json, config.yaml and checkpoint.bin.")
        {
            config, outDir, resume, printDefault,
        };
        command.SetAction(p => CliErrors.Guard(io, () =>
        {
            if (p.GetValue(printDefault))
            {
                io.Out.Write(ConfigYaml.Serialize(new VdspConfig()));
                return ExitCodes.Ok;
            }
            string? file = p.GetValue(config);
            var cfg = file is null ? new VdspConfig() : VdspRun.Load(file);
            string dir = p.GetValue(outDir) ?? Path.Combine("out", cfg.Name);
            var experiment = VdspRun.Run(cfg, dir, p.GetValue(resume), io.Err);
            io.Out.WriteLine($"test accuracy: {experiment.TestAccuracy:P2} ({experiment.TestCorrect}/{experiment.TestSeen})");
            io.Out.WriteLine($"Results: {Path.GetFullPath(dir)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
