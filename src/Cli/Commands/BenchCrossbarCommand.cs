using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CircuitNeuro.Cli.Bench;
using CircuitNeuro.Cli.Output;
using CircuitNeuro.Circuits.Ngspice;

namespace CircuitNeuro.Cli.Commands;

/// <summary>`bench crossbar`: operating point of N×N 1R crossbars, built-in engine vs ngspice.</summary>
public static class BenchCrossbarCommand
{
    public sealed record Settings(IReadOnlyList<int> Sizes, int NgspiceMax, double LineResistance, ulong Seed, string OutDir, double Tolerance);

    public const string NgspiceTimingNote =
        "ngspice ms = wall time of libngspice's 'run' command (NgspiceResult.Timing, Stopwatch; netlist loading excluded)";

    public static Command Create(CliConsole io)
    {
        var sizes = new Option<int[]>("--sizes")
        {
            Description = "Crossbar sizes N (N×N cells), comma-separated.",
            DefaultValueFactory = _ => [32, 64, 128, 256],
            CustomParser = ParseSizes,
            HelpName = "N,N,...",
        };
        var ngspiceMax = new Option<int>("--ngspice-max")
        {
            Description = "Run ngspice only for N up to this (it needs seconds at N=64 but minutes at N=128). 0 disables ngspice.",
            DefaultValueFactory = _ => 64,
            HelpName = "N",
        };
        var line = new Option<double>("--line-resistance")
        {
            Description = "Word- and bit-line resistance per cell segment, in ohms.",
            DefaultValueFactory = _ => 2.5,
            HelpName = "OHMS",
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the SplitMix64 generator for cell resistances (log-uniform 10 kΩ … 1 MΩ) and row voltages (uniform 0 … 0.2 V).",
            DefaultValueFactory = _ => 1UL,
            HelpName = "SEED",
        };
        var outDir = new Option<string>("--out", "-o")
        {
            Description = "Directory for crossbar.csv and crossbar.json.",
            DefaultValueFactory = _ => Path.Combine("out", "bench"),
            HelpName = "DIR",
        };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "Largest accepted relative difference of the column currents i(vsense<j>) between the engines.",
            DefaultValueFactory = _ => 1e-6,
            HelpName = "REL",
        };
        var command = new Command("crossbar",
            "Solve the operating point of N×N 1R crossbars with line resistance on the built-in engine (build, first solve, " +
            "re-solve after changing every cell = KLU refactor path), run ngspice on the same exported circuit and compare the " +
            "column currents. Exit code 1 if they disagree.")
        {
            sizes, ngspiceMax, line, seed, outDir, tolerance,
        };
        command.SetAction(parse => CliErrors.Guard(io, () => Run(io, new Settings(
            parse.GetValue(sizes)!, parse.GetValue(ngspiceMax), parse.GetValue(line), parse.GetValue(seed),
            parse.GetValue(outDir)!, parse.GetValue(tolerance)))));
        return command;
    }

    private static int[] ParseSizes(ArgumentResult result)
    {
        var values = new List<int>();
        foreach (var token in result.Tokens)
            foreach (var part in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
                {
                    result.AddError($"--sizes: '{part}' is not a positive whole number");
                    return [];
                }
                values.Add(n);
            }
        if (values.Count == 0) result.AddError("--sizes needs at least one size");
        return values.ToArray();
    }

    public static int Run(CliConsole io, Settings s)
    {
        if (!(s.LineResistance > 0)) throw new CliFailure($"--line-resistance must be > 0 (got {s.LineResistance})");
        bool anyNgspice = s.Sizes.Any(n => n <= s.NgspiceMax);
        if (anyNgspice && !NgspiceAvailability.CheckShared(out string reason))
            throw new CliFailure($"{reason} (use --ngspice-max 0 to benchmark the built-in engine alone)");

        var bench = new CrossbarBenchmark { LineResistance = s.LineResistance, Seed = s.Seed, Tolerance = s.Tolerance };
        // JIT-compile the engine on a tiny array first so the smallest measured size is not charged for it.
        bench.Run(4, withNgspice: false, _ => { });
        var results = new List<CrossbarBenchResult>();
        foreach (int n in s.Sizes)
            results.Add(bench.Run(n, n <= s.NgspiceMax, message => io.Err.WriteLine($"bench crossbar: {message}")));

        var table = new TextTable(">N", ">unknowns", ">build ms", ">first solve ms", ">re-solve ms", ">ngspice ms", ">speed-up", ">max rel diff", "");
        foreach (var r in results)
            table.AddRow(r.N.ToString(CultureInfo.InvariantCulture), r.Unknowns.ToString(CultureInfo.InvariantCulture),
                Si.Ms(r.BuildMs), Si.Ms(r.FirstSolveMs), Si.Ms(r.ResolveMs),
                r.NgspiceMs is double ng ? Si.Ms(ng) : "skipped",
                r.SpeedUp is double x ? x.ToString("F1", CultureInfo.InvariantCulture) + "×" : "",
                r.MaxRelativeDifference is double d ? Si.Sci(d) : "",
                r.Agrees switch { true => "ok", false => "DISAGREE", null => "" });

        io.Out.WriteLine($"1R crossbar operating point, line resistance {Si.Format(s.LineResistance, "Ω")}/segment, seed {s.Seed}");
        table.Write(io.Out);
        io.Out.WriteLine($"  {NgspiceTimingNote}.");
        io.Out.WriteLine("  speed-up = ngspice ms / our first solve ms (both include ordering, factorization and solve; our build/setup is listed apart).");
        io.Out.WriteLine($"  max rel diff: column currents i(vsense<j>) after the re-solve vs ngspice on the exported netlist (tolerance {Si.Sci(s.Tolerance)}).");
        var skipped = results.Where(r => r.NgspiceMs is null).Select(r => r.N).ToList();
        if (skipped.Count > 0)
            io.Out.WriteLine($"  ngspice skipped for N = {string.Join(", ", skipped)} (> --ngspice-max {s.NgspiceMax}; ngspice needs minutes at N=128 and grows steeply).");

        var (csv, json) = BenchResultFiles.Write(s.OutDir, bench, NgspiceTimingNote, results);
        io.Out.WriteLine($"  written: {csv}, {json}");
        return results.Any(r => r.Agrees == false) ? ExitCodes.Mismatch : ExitCodes.Ok;
    }
}
