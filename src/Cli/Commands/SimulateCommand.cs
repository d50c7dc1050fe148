using System.CommandLine;
using CircuitNeuro.Cli.Engines;
using CircuitNeuro.Cli.Output;

namespace CircuitNeuro.Cli.Commands;

/// <summary>`simulate`: runs every analysis card of a netlist and writes one CSV per analysis.</summary>
public static class SimulateCommand
{
    public static Command Create(CliConsole io)
    {
        var netlist = new Argument<string>("netlist") { Description = "SPICE netlist file (ngspice dialect: .op, .dc and .tran cards are run)." };
        var outDir = new Option<string?>("--out", "-o")
        {
            Description = "Directory for the CSV files (one per analysis: op.csv, dc.csv, tran.csv, dc2.csv ...). Default: ./out/<netlist-name>/",
            HelpName = "DIR",
        };
        var engine = new Option<string>("--engine", "-e")
        {
            Description = "Simulator: the built-in MNA engine, or ngspice through its shared library (libngspice).",
            DefaultValueFactory = _ => BuiltinEngine.Name,
        };
        engine.AcceptOnlyFromAmong(BuiltinEngine.Name, NgspiceEngine.Name);

        var command = new Command("simulate",
            "Run every analysis of a netlist, each on its own, and write its vectors as CSV.\n" +
            "Prints node voltages and source currents for .op, point counts for .dc/.tran, and for .tran the energy " +
            "delivered by each source and absorbed per element class.")
        {
            netlist, outDir, engine,
        };
        command.SetAction(parse => CliErrors.Guard(io, () =>
            Run(io, parse.GetValue(netlist)!, parse.GetValue(outDir), parse.GetValue(engine)!)));
        return command;
    }

    public static int Run(CliConsole io, string netlistPath, string? outDir, string engine)
    {
        var input = NetlistInput.Load(netlistPath);
        var cards = input.Parsed.Analyses;
        if (cards.Count == 0) throw new CliFailure($"{netlistPath}: the netlist has no analysis card (.op, .dc or .tran)");
        string dir = outDir ?? Path.Combine("out", input.Name);
        Directory.CreateDirectory(dir);

        io.Out.WriteLine($"{input.Parsed.Title}  [{netlistPath}, {cards.Count} {(cards.Count == 1 ? "analysis" : "analyses")}, engine {engine}]");
        io.Out.WriteLine();
        var names = AnalysisCards.ResultNames(cards);
        for (int k = 0; k < cards.Count; k++)
        {
            var run = engine == NgspiceEngine.Name ? NgspiceEngine.Run(input, cards[k]) : BuiltinEngine.Run(input, cards[k]);
            string csv = Path.Combine(dir, names[k] + ".csv");
            run.Table.WriteCsv(csv);
            SimulationSummary.Write(io.Out, run, csv);
        }
        return ExitCodes.Ok;
    }
}
