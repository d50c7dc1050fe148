using System.CommandLine;
using CircuitNeuro.Cli.Engines;
using CircuitNeuro.Cli.Output;
using CircuitNeuro.Cli.Verification;
using CircuitNeuro.Circuits.Netlist;
using CircuitNeuro.Circuits.Ngspice;

namespace CircuitNeuro.Cli.Commands;

/// <summary>`compare`: runs a netlist on the built-in engine and on ngspice with identical precision options and compares every vector.</summary>
public static class CompareCommand
{
    public const double DefaultOpTolerance = NgspicePrecision.OpCompareRelTol;
    public const double DefaultTranTolerance = 1e-3;

    public static Command Create(CliConsole io)
    {
        var netlist = new Argument<string>("netlist") { Description = "SPICE netlist file with .op, .dc and/or .tran cards." };
        var opTolerance = new Option<double>("--tolerance-op")
        {
            Description = "Largest accepted relative deviation for .op and .dc: |a−b| / max(|a|, |b|, floor), floor 1 µV for voltages and 1 nA for currents.",
            DefaultValueFactory = _ => DefaultOpTolerance,
            HelpName = "REL",
        };
        var tranTolerance = new Option<double>("--tolerance-tran")
        {
            Description = "Largest accepted deviation for .tran, relative to each signal's range (ngspice interpolated onto our time points).",
            DefaultValueFactory = _ => DefaultTranTolerance,
            HelpName = "REL",
        };
        var command = new Command("compare",
            "Cross-check the built-in engine against ngspice (shared library) on every node voltage and source current.\n" +
            $".op/.dc run on both engines with '{NgspicePrecision.TightOpOptions}', .tran with '{NgspicePrecision.TransientOptions}'.\n" +
            "Exit code 0 when every analysis is within tolerance, 1 when not, 2 on errors.")
        {
            netlist, opTolerance, tranTolerance,
        };
        command.SetAction(parse => CliErrors.Guard(io, () =>
            Run(io, parse.GetValue(netlist)!, parse.GetValue(opTolerance), parse.GetValue(tranTolerance))));
        return command;
    }

    public static int Run(CliConsole io, string netlistPath, double opTolerance = DefaultOpTolerance, double tranTolerance = DefaultTranTolerance)
    {
        if (!NgspiceAvailability.CheckShared(out string reason)) throw new CliFailure(reason);
        // The same text (with the preset inserted) feeds both engines, so they see identical .options.
        var opInput = NetlistInput.Load(netlistPath, NgspicePrecision.WithTightOp);
        var tranInput = new Lazy<NetlistInput>(() => NetlistInput.Load(netlistPath, NgspicePrecision.WithTransientOptions));
        var cards = opInput.Parsed.Analyses;
        if (cards.Count == 0) throw new CliFailure($"{netlistPath}: the netlist has no analysis card (.op, .dc or .tran)");

        _ = CircuitFactory.Build(opInput.Parsed); // element errors are input errors (exit 2), not disagreements
        io.Out.WriteLine($"{opInput.Parsed.Title}  [{netlistPath}: builtin vs ngspice {NgspiceShared.Instance.LibraryName}]");
        io.Out.WriteLine();
        var results = new List<AnalysisComparison>();
        for (int k = 0; k < cards.Count; k++)
        {
            bool tran = AnalysisCards.Kind(cards[k]) == "tran";
            var input = tran ? tranInput.Value : opInput;
            var card = input.Parsed.Analyses[k];
            var comparison = Compare(input, card, tran ? tranTolerance : opTolerance);
            string options = tran ? NgspicePrecision.TransientOptions : NgspicePrecision.TightOpOptions;
            ComparisonReport.Write(io.Out, $"{AnalysisCards.Describe(card)}  ({card.Location}; both engines: {options})", comparison);
            results.Add(comparison);
        }

        bool passed = results.All(r => r.Passed);
        io.Out.WriteLine($"{(passed ? "PASS" : "FAIL")}: {results.Count(r => r.Passed)} of {results.Count} analyses within tolerance; " +
                         $"max deviation {string.Join(", ", results.Select(r => $"{r.Kind} {(r.Problem is null ? Si.Sci(r.MaxDeviation) : "not compared")}"))}");
        return passed ? ExitCodes.Ok : ExitCodes.Mismatch;
    }

    /// <summary>An analysis that fails on one engine only is a disagreement, reported in its table rather than aborting the other analyses.</summary>
    private static AnalysisComparison Compare(NetlistInput input, AnalysisCard card, double tolerance)
    {
        string kind = AnalysisCards.Kind(card);
        AnalysisRun ours, reference;
        try
        {
            ours = BuiltinEngine.Run(input, card);
        }
        catch (CliFailure f)
        {
            return AnalysisComparison.Failed(kind, tolerance, $"the built-in engine failed: {f.Message}");
        }
        try
        {
            reference = NgspiceEngine.Run(input, card);
        }
        catch (CliFailure f)
        {
            return AnalysisComparison.Failed(kind, tolerance, $"ngspice failed: {f.Message}");
        }
        return kind == "tran"
            ? EngineComparison.CompareTransient(ours.Table, reference.Table, tolerance)
            : EngineComparison.ComparePointwise(kind, ours.Table, reference.Table, tolerance);
    }
}
