using System.CommandLine;
using CircuitNeuro.Cli.Experiments;
using CircuitNeuro.Learning.Data;

namespace CircuitNeuro.Cli.Commands;

/// <summary>`ising conv` and `ising digits`: equilibrium propagation on Ising networks with simulated annealing (seed 001, chapter 5).</summary>
public static class IsingCommand
{
    public static Command Create(CliConsole io)
    {
        var ising = new Command("ising", "Equilibrium propagation on Ising networks sampled by simulated annealing (free phase: anneal; nudged phase: reverse anneal).");
        ising.Subcommands.Add(Conv(io));
        ising.Subcommands.Add(Digits(io));
        ising.Subcommands.Add(Mnist(io));
        ising.Subcommands.Add(Bench(io));
        return ising;
    }

    private static Option<ulong> Seed() => new("--seed") { Description = "Root seed of every random stream.", DefaultValueFactory = _ => 1 };
    private static Option<string?> Out() => new("--out", "-o") { Description = "Output folder.", HelpName = "DIR" };

    private static Command Conv(CliConsole io)
    {
        var epochs = new Option<int>("--epochs") { Description = "Training epochs over the two patterns.", DefaultValueFactory = _ => 20 };
        var seed = Seed();
        var outDir = Out();
        var command = new Command("conv", "Train the convolution template placed on Chimera cells without embedding on the two 3×3 diagonal patterns; writes epochs.csv and embedding.png.")
        {
            epochs, seed, outDir,
        };
        command.SetAction(p => CliErrors.Guard(io, () =>
            Print(io, IsingExperiments.Convolution(p.GetValue(outDir) ?? Path.Combine("out", "ising-conv"), Positive(p.GetValue(epochs), "--epochs"), p.GetValue(seed), io.Err))));
        return command;
    }

    private static Command Digits(CliConsole io)
    {
        var hidden = new Option<int>("--hidden") { Description = "Hidden spins.", DefaultValueFactory = _ => 40 };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 8 };
        var train = new Option<int>("--train") { Description = "Training images (the first ones of the file).", DefaultValueFactory = _ => 400 };
        var test = new Option<int>("--test") { Description = "Test images (the last ones of the file).", DefaultValueFactory = _ => 300 };
        var data = new Option<string>("--data") { Description = "Digits file.", DefaultValueFactory = _ => DigitsDataset.DefaultFile };
        var seed = Seed();
        var outDir = Out();
        var command = new Command("digits", "Train a layered Ising network (input biases on the hidden layer, 4 output spins per class) on Digits; writes epochs.csv.")
        {
            hidden, epochs, train, test, data, seed, outDir,
        };
        command.SetAction(p => CliErrors.Guard(io, () => Print(io, IsingExperiments.Digits(
            p.GetValue(outDir) ?? Path.Combine("out", "ising-digits"), p.GetValue(data)!, Positive(p.GetValue(hidden), "--hidden"),
            Positive(p.GetValue(epochs), "--epochs"), Positive(p.GetValue(train), "--train"), Positive(p.GetValue(test), "--test"), p.GetValue(seed), io.Err))));
        return command;
    }

    private static Command Mnist(CliConsole io)
    {
        var config = new Option<string?>("--config") { Description = "Experiment file (YAML); without it the seed's MNIST/100 run (see --print-default).", HelpName = "FILE" };
        var outDir = Out();
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last per-epoch checkpoint (bit-identical to an uninterrupted run)." };
        var epochs = new Option<int?>("--epochs") { Description = "Override the epoch count of the file (a resumed run may be extended)." };
        var printDefault = new Option<bool>("--print-default") { Description = "Print the default experiment file and exit." };
        var fullTest = new Option<bool>("--evaluate-all-test") { Description = "After training, also classify all 10,000 MNIST test images (with --resume on a finished run: evaluation only)." };
        var command = new Command("mnist", "Train 784-120-40 (10 classes × 4 output spins) by EP with simulated annealing on MNIST/100 (first 100 training and 10 test images per class, seed 001 Sec. 5.3.2); writes epochs.csv and checkpoint.bin every epoch.")
        {
            config, outDir, resume, epochs, printDefault, fullTest,
        };
        command.SetAction(p => CliErrors.Guard(io, () =>
        {
            if (p.GetValue(printDefault)) { io.Out.Write(Sweeps.ConfigYaml.Serialize(new IsingMnistConfig())); return ExitCodes.Ok; }
            string? file = p.GetValue(config);
            var cfg = file is null ? new IsingMnistConfig() : IsingMnistConfig.Load(file);
            if (p.GetValue(epochs) is int e) cfg.Epochs = Positive(e, "--epochs");
            return Print(io, IsingMnistExperiment.Run(cfg, p.GetValue(outDir) ?? Path.Combine("out", cfg.Name), p.GetValue(resume), io.Err, p.GetValue(fullTest)));
        }));
        return command;
    }

    private static Command Bench(CliConsole io)
    {
        var sweeps = new Option<int>("--sweeps") { Description = "Sweeps per read.", DefaultValueFactory = _ => 1000 };
        var reads = new Option<int>("--reads") { Description = "Timed reads.", DefaultValueFactory = _ => 5 };
        var seed = Seed();
        var command = new Command("bench", "Simulated-annealing speed on a ±1 spin glass on Chimera C16 (2,048 spins), one core: prints spin updates per second (issue 8 target ≥ 1e8).")
        {
            sweeps, reads, seed,
        };
        command.SetAction(p => CliErrors.Guard(io, () =>
            Print(io, IsingExperiments.Bench(Positive(p.GetValue(sweeps), "--sweeps"), Positive(p.GetValue(reads), "--reads"), p.GetValue(seed)))));
        return command;
    }

    private static int Positive(int value, string option) => value > 0 ? value : throw new CliFailure($"{option} must be > 0 (got {value})");

    private static int Print(CliConsole io, IReadOnlyList<string> lines)
    {
        foreach (var line in lines) io.Out.WriteLine(line);
        return ExitCodes.Ok;
    }
}
