using System.CommandLine;
using CircuitNeuro.Cli.Output;
using CircuitNeuro.Cli.Verification;
using CircuitNeuro.Circuits.Verification;
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
            Description = "Largest accepted relative error for .op and .dc: |a−b| / max(|ngspice|, 1e-4 × the largest value of the same kind).",
            DefaultValueFactory = _ => DefaultOpTolerance,
            HelpName = "REL",
        };
        var tranTolerance = new Option<double>("--tolerance-tran")
        {
            Description = "Largest accepted error for .tran, relative to each signal's range (ngspice interpolated onto our time points).",
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
        if (!File.Exists(netlistPath)) throw new CliFailure($"{netlistPath}: no such netlist file");
        var results = NgspiceCrossCheck.Run(netlistPath, (text, dir) => NgspiceShared.Instance.RunNetlist(text, dir));
        if (results.Count == 0) throw new CliFailure($"{netlistPath}: the netlist has no analysis card (.op, .dc or .tran)");
        io.Out.WriteLine($"{netlistPath}: builtin vs ngspice {NgspiceShared.Instance.LibraryName}");
        io.Out.WriteLine();
        double Tolerance(AnalysisComparison c) => c.Kind == "tran" ? tranTolerance : opTolerance;
        foreach (var c in results)
        {
            string options = c.Kind == "tran" ? NgspicePrecision.TransientOptions : NgspicePrecision.TightOpOptions;
            ComparisonReport.Write(io.Out, $".{c.Kind}  (both engines: {options})", c, Tolerance(c));
        }
        int passed = results.Count(c => c.Passed(Tolerance(c)));
        io.Out.WriteLine($"{(passed == results.Count ? "PASS" : "FAIL")}: {passed} of {results.Count} analyses within tolerance; " +
                         $"max relative error {string.Join(", ", results.Select(c => $"{c.Kind} {(c.Problem is null ? Si.Sci(c.MaxRelativeError) : "not compared")}"))}");
        return passed == results.Count ? ExitCodes.Ok : ExitCodes.Mismatch;
    }
}
