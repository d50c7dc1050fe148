namespace CircuitNeuro.Circuits.Builders.Pcsa;

/// <summary>
/// Outcome of one read. Decision rule (seed 000 L1462; notes 000 §1.12): at t_SEN + window the XOR of Q and Qb is 1
/// when the outputs have differentiated, taken as |V(Q) − V(Qb)| &gt; V_DD/2; then Q gives the sign (+1 if Q is high),
/// otherwise the weight is 0. The resolution time is the first crossing of |V(Q) − V(Qb)| = V_DD/2 after SEN rises.
/// </summary>
public sealed record PcsaRead
{
    /// <summary>+1, −1 or 0 (for the XNOR variant: XNOR(X, W), or 0 when unresolved).</summary>
    public required int Weight { get; init; }
    /// <summary>Time from the start of the SEN edge to resolution (s); NaN if not resolved by the end of the run.</summary>
    public required double ResolutionTime { get; init; }
    /// <summary>V(Q) − V(Qb) at the decision time (V).</summary>
    public required double OutputDifference { get; init; }
    /// <summary>Energy drawn from V_DD (J) from the SEN edge to the end of the run: one sense + re-precharge cycle when the run includes it.</summary>
    public required double SupplyEnergy { get; init; }
    /// <summary>Accepted time points (our engine) or saved points (ngspice).</summary>
    public required int TimePoints { get; init; }

    public bool Resolved => !double.IsNaN(ResolutionTime);

    public static int Decide(double outputDifference, double supply) =>
        Math.Abs(outputDifference) > supply / 2 ? Math.Sign(outputDifference) : 0;
}
