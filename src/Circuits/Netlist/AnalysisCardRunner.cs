using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Results;

namespace CircuitNeuro.Circuits.Netlist;

/// <summary>Runs one analysis card (.op, .dc, .tran) on a laid-out system; the transient also hands back its simulation (energy ledger, step counts).</summary>
public static class AnalysisCardRunner
{
    public static (VectorTable Vectors, TransientSimulation? Transient) Run(MnaSystem system, AnalysisCard card)
    {
        switch (card)
        {
            case OpCard:
                return (Analyses.OperatingPoint(system), null);
            case DcCard d:
                return (Analyses.DcSweep(system, d.Source, d.Start, d.Stop, d.Step, d.Source2, d.Start2, d.Stop2, d.Step2), null);
            case TranCard t:
                var (table, sim) = Analyses.Transient(system, t.Step, t.Stop, double.IsNaN(t.Start) ? 0 : t.Start, t.MaxStep, t.Uic);
                return (table, sim);
            default:
                throw new NetlistException(card.Location, null, $"{card.GetType().Name} is not supported by the built-in engine");
        }
    }
}
