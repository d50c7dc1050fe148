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
            var (table, sim) = AnalysisCardRunner.Run(system, card);
            return new AnalysisRun(card, Name, table, clock.Elapsed) { Energy = sim?.Energy, RejectedPoints = sim?.RejectedPoints };
        }
        catch (CircuitException ex)
        {
            // Name the card that failed, then the element or unknown the engine blames.
            string element = ex.Element is null ? "" : $"element '{ex.Element}': ";
            throw new CliFailure($"{card.Location}: {AnalysisCards.Describe(card)} failed: {element}{CliErrors.OneLine(CliErrors.WithoutElementPrefix(ex))}");
        }
    }
}
