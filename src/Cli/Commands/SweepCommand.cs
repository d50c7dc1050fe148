using System.CommandLine;
using System.Globalization;
using CircuitNeuro.Cli.Output;
using CircuitNeuro.Cli.Plots;
using CircuitNeuro.Cli.Sweeps;

namespace CircuitNeuro.Cli.Commands;

/// <summary>`sweep`: an experiment (inference or pulse-study) over a grid or sampled parameter points, with repeats and aggregated metrics.</summary>
public static class SweepCommand
{
    public static Command Create(CliConsole io)
    {
        var file = new Argument<string>("experiment") { Description = "Experiment file: an inference experiment (as for run), a pulse study (kind: pulse-study), an EqSpike/A-EqSpike training (kind: eqspike) a VDSP training (kind: vdsp) or a back-propagation baseline (kind: bp)." };
        var set = new Option<string[]>("--set")
        {
            Description = "Grid axis: a dotted snake_case key of the experiment file and its values, e.g. crossbar.line_resistance=1,2.5,5 " +
                          "(repeat for more keys: the grid is their cartesian product; a list value goes in brackets: pulse.pwl_times=[0,0.5,1]).",
            HelpName = "KEY=V1,V2,...",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var sample = new Option<string[]>("--sample")
        {
            Description = "Sampled key: key=normal(mu,sigma), uniform(a,b) or lognormal(mu,sigma) (mu, sigma of ln x); needs --samples.",
            HelpName = "KEY=DIST(A,B)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var samples = new Option<int?>("--samples") { Description = "Number of sampled points (draws are reproducible from the file's seed).", HelpName = "N" };
        var repeats = new Option<int>("--repeats", "-r") { Description = "Runs per point, with seeds derived from the point's seed and the repeat index (repeat 0 uses the seed itself).", DefaultValueFactory = _ => 1, HelpName = "R" };
        var metric = new Option<string[]>("--metric", "-m")
        {
            Description = "Metric(s) of summary.json to report and plot (default: accuracy, mean_energy_per_read for inference; " +
                          "final_conductance_mean, final_conductance_std, energy_per_pulse_mean for pulse-study; accuracy, writes, energy_per_write " +
                          "for eqspike; test_accuracy, updates_per_train_image, energy_per_update_j for vdsp).",
            HelpName = "NAME",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var outDir = new Option<string?>("--out", "-o") { Description = "Output folder; one subfolder per point, so rerunning resumes. Default: ./out/sweep-<experiment name>/", HelpName = "DIR" };
        var command = new Command("sweep",
            "Run an experiment for every point of a parameter grid (--set) or for sampled points (--sample, --samples), R repeats each, " +
            "and aggregate the summary metrics per point (mean, std, 5/50/95 % quantiles). Writes sweep.csv, sweep.json and " +
            "sweep-<metric>.png; an interrupted sweep resumes, skipping finished points.")
        {
            file, set, sample, samples, repeats, metric, outDir,
        };
        command.SetAction(parse => CliErrors.Guard(io, () => Run(io,
            parse.GetValue(file)!,
            parse.GetValue(set) ?? [],
            parse.GetValue(sample) ?? [],
            parse.GetValue(samples),
            parse.GetValue(repeats),
            (parse.GetValue(metric) ?? []).SelectMany(m => m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
            parse.GetValue(outDir))));
        return command;
    }

    public static int Run(CliConsole io, string file, string[] sets, string[] samples, int? sampleCount, int repeats, string[] metrics, string? outDir,
        CancellationToken cancel = default)
    {
        var plan = SweepPlan.Create(file, sets.Select(SweepSpec.ParseSet).ToList(), samples.Select(SweepSpec.ParseSample).ToList(),
            sampleCount, repeats, metrics, outDir);
        io.Err.WriteLine($"sweep: {plan.Experiment.Kind} experiment '{plan.Name}': {plan.Points.Count} point(s) × {plan.Repeats} repeat(s) -> {plan.OutDir}");

        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; interrupt.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            var points = SweepRunner.Run(plan, io.Err, interrupt.Token);
            SweepResultFiles.Write(plan, points);
            SweepPlot.Write(plan, points);
            WriteTable(io.Out, plan, points);
            io.Out.WriteLine($"Results: {Path.GetFullPath(plan.OutDir)}");
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            io.Err.WriteLine($"sweep: interrupted; finished points are kept in {plan.OutDir}; run the same command again to resume");
            return ExitCodes.Error;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static void WriteTable(TextWriter w, SweepPlan plan, IReadOnlyList<PointSummary> points)
    {
        var table = new TextTable(["point", .. plan.Keys.Select(k => ">" + k), .. plan.Metrics.Select(m => $">{m} (mean ± std)")]);
        foreach (var p in points)
            table.AddRow([p.Index.ToString(CultureInfo.InvariantCulture), .. plan.Keys.Select(k => p.Parameters[k]),
                .. plan.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{p.Metrics[m].Mean:G5} ± {p.Metrics[m].Std:G3}"))]);
        w.WriteLine($"Sweep of {plan.Name} ({plan.Experiment.Kind}), {plan.Repeats} repeat(s) per point:");
        table.Write(w);
    }
}
