using System.Diagnostics;
using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Netlist;

namespace CircuitNeuro.Cli.Engines;

/// <summary>Runs analysis cards on the built-in MNA engine, each on a freshly built circuit so analyses cannot influence each other.</summary>
public static class BuiltinEngine
{
    public const string Name = "builtin";

    public static AnalysisRun Run(NetlistInput input, AnalysisCard card)
    {
        var circuit = CircuitFactory.Build(input.Parsed);
        var clock = Stopwatch.StartNew();
        try
        {
            using var system = new MnaSystem(circuit);
            switch (card)
            {
                case OpCard:
                    return new AnalysisRun(card, Name, Analyses.OperatingPoint(system), clock.Elapsed);
                case DcCard d:
                    var sweep = Analyses.DcSweep(system, d.Source, d.Start, d.Stop, d.Step, d.Source2, d.Start2, d.Stop2, d.Step2);
                    return new AnalysisRun(card, Name, sweep, clock.Elapsed);
                case TranCard t:
                    var (table, sim) = Analyses.Transient(system, t.Step, t.Stop,
                        double.IsNaN(t.Start) ? 0 : t.Start, t.MaxStep, t.Uic);
                    return new AnalysisRun(card, Name, table, clock.Elapsed) { Energy = sim.Energy, RejectedPoints = sim.RejectedPoints };
                default:
                    throw new CliFailure($"{card.Location}: {card.GetType().Name} is not supported by the built-in engine");
            }
        }
        catch (CircuitException ex)
        {
            // Name the card that failed, then the element or unknown the engine blames.
            string element = ex.Element is null ? "" : $"element '{ex.Element}': ";
            throw new CliFailure($"{card.Location}: {AnalysisCards.Describe(card)} failed: {element}{CliErrors.OneLine(CliErrors.WithoutElementPrefix(ex))}");
        }
    }
}
