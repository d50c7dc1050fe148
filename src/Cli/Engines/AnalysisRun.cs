using CircuitNeuro.Circuits.Netlist;
using CircuitNeuro.Circuits.Results;

namespace CircuitNeuro.Cli.Engines;

/// <summary>
/// One analysis card run on one engine. Vector names follow the built-in engine for both
/// engines: "v(node)" for node voltages, "i(vsource)" for branch currents.
/// </summary>
public sealed record AnalysisRun(AnalysisCard Card, string Engine, VectorTable Table, TimeSpan Elapsed)
{
    public string Kind => AnalysisCards.Kind(Card);

    /// <summary>Energy per element over the transient (built-in engine only).</summary>
    public EnergyLedger? Energy { get; init; }

    /// <summary>Time points the step control rejected (built-in transient only).</summary>
    public int? RejectedPoints { get; init; }
}
