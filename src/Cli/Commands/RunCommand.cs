using System.CommandLine;
using System.Diagnostics;
using CircuitNeuro.Cli.Experiments;

namespace CircuitNeuro.Cli.Commands;

/// <summary>`run`: an experiment file, or the built-in default experiment, with progress, checkpoints and a report.</summary>
public static class RunCommand
{
    public static Command Create(CliConsole io)
    {
        var file = new Argument<string?>("experiment")
        {
            Description = "Experiment file (YAML or JSON). Without it the built-in default runs (see --print-default).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outDir = new Option<string?>("--out", "-o") { Description = "Output folder (checkpoint, results, report). Default: ./out/<experiment name>/", HelpName = "DIR" };
        var maxSamples = new Option<int?>("--max-samples") { Description = "Run at most this many test samples (overrides dataset.max_test_samples).", HelpName = "N" };
        var printDefault = new Option<bool>("--print-default") { Description = "Print the built-in default experiment as YAML and exit (a starting point for your own file)." };
        var command = new Command("run",
            "Run an experiment: spiking inference on a resistive crossbar solved by the circuit engine, with accuracy against the ideal " +
            "classifier and energy per read and per sample. Interrupted runs resume from the checkpoint in the output folder.")
        {
            file, outDir, maxSamples, printDefault,
        };
        command.SetAction(parse => CliErrors.Guard(io, () =>
            parse.GetValue(printDefault)
                ? PrintDefault(io)
                : Run(io, parse.GetValue(file), parse.GetValue(outDir), parse.GetValue(maxSamples))));
        return command;
    }

    private static int PrintDefault(CliConsole io)
    {
        io.Out.Write(ExperimentFile.ToYaml(new InferenceExperimentConfig()));
        return ExitCodes.Ok;
    }

    public static int Run(CliConsole io, string? file, string? outDir, int? maxSamples, CancellationToken cancel = default)
    {
        var cfg = file is null ? new InferenceExperimentConfig() : ExperimentFile.Load(file);
        if (maxSamples is int n) cfg.Dataset.MaxTestSamples = n;
        string dir = outDir ?? Path.Combine("out", cfg.Name);
        io.Err.WriteLine($"run: {(file is null ? "built-in default experiment" : file)} '{cfg.Name}' -> {dir}");

        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; interrupt.Cancel(); };
        Console.CancelKeyPress += onCancel;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var progress = new SynchronousProgress<(int Done, int Total)>(p =>
        {
            if (p.Done < p.Total && clock.Elapsed - lastReport < TimeSpan.FromSeconds(5)) return;
            lastReport = clock.Elapsed;
            double rate = p.Done / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            string eta = rate > 0 && p.Done < p.Total ? $", about {TimeSpan.FromSeconds((p.Total - p.Done) / rate):mm\\:ss} left" : "";
            io.Err.WriteLine($"run: {p.Done}/{p.Total} samples{eta}");
        });
        try
        {
            var summary = InferenceExperiment.Run(cfg, dir, progress, interrupt.Token);
            io.Out.Write(summary.Report());
            io.Out.WriteLine($"Results: {Path.GetFullPath(dir)}");
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            io.Err.WriteLine($"run: interrupted; finished samples are kept in {Path.Combine(dir, InferenceExperiment.SamplesFile)}; run the same command again to resume");
            return ExitCodes.Error;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
