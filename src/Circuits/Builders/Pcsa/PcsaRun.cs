namespace CircuitNeuro.Circuits.Builders.Pcsa;

/// <summary>How long to simulate one read and what to keep.</summary>
/// <param name="Stop">End of the transient (s, absolute).</param>
/// <param name="SenseEnd">Time SEN falls back to 0 (s, absolute); infinity keeps it high.</param>
/// <param name="StopWhenResolved">Our engine stops once the outputs have resolved and the decision time is past.</param>
public sealed record PcsaRun(double Stop, double SenseEnd = double.PositiveInfinity, bool StopWhenResolved = false)
{
    /// <summary>Up to the decision time only: the 50 ns read.</summary>
    public static PcsaRun Decision(PcsaDesign d) => new(d.DecisionTime);

    /// <summary>Until the outputs resolve, at most <paramref name="maxDelay"/> after the SEN edge.</summary>
    public static PcsaRun Delay(PcsaDesign d, double maxDelay) => new(d.SenseStart + Math.Max(maxDelay, d.SenseWindow), StopWhenResolved: true);

    /// <summary>One full cycle for the energy per read: sense for the window, then SEN low and precharge again.</summary>
    public static PcsaRun Cycle(PcsaDesign d) => new(d.DecisionTime + d.PrechargeTime, SenseEnd: d.DecisionTime);
}

/// <summary>
/// Reads a PCSA waveform point by point (either engine's accepted points): first crossing of |V(Q) − V(Qb)| = V_DD/2
/// after the SEN edge (linear interpolation between points), V(Q) − V(Qb) at the decision time, and the supply
/// energy ∫ V_DD·I_DD dt from the SEN edge on (trapezoidal rule over the points).
/// </summary>
public sealed class PcsaWaveformReader
{
    private readonly PcsaDesign _design;
    private double _t = double.NaN, _d, _p;
    private double _energy;

    public PcsaWaveformReader(PcsaDesign design) => _design = design;

    public double ResolutionTime { get; private set; } = double.NaN;
    public double DifferenceAtDecision { get; private set; } = double.NaN;
    public int Points { get; private set; }
    public bool Resolved => !double.IsNaN(ResolutionTime);

    /// <param name="supplyPower">Power delivered by V_DD (W), i.e. −V_DD·i(vdd) in SPICE's branch-current sign.</param>
    public void Add(double time, double vq, double vqb, double supplyPower)
    {
        double d = vq - vqb, threshold = _design.SupplyVoltage / 2, start = _design.SenseStart, decision = _design.DecisionTime;
        Points++;
        if (!double.IsNaN(_t))
        {
            if (time > start) _energy += 0.5 * (supplyPower + _p) * (time - _t) * Fraction(_t, time, start);
            if (!Resolved && time > start && Math.Abs(d) >= threshold)
            {
                double f = Math.Abs(d) - Math.Abs(_d) is var rise && rise > 0 ? (threshold - Math.Abs(_d)) / rise : 1;
                ResolutionTime = Math.Max(_t + Math.Clamp(f, 0, 1) * (time - _t), start) - start;
            }
            if (double.IsNaN(DifferenceAtDecision) && time >= decision)
                DifferenceAtDecision = _d + (d - _d) * (decision - _t) / (time - _t);
        }
        (_t, _d, _p) = (time, d, supplyPower);
    }

    /// <summary>Share of the step (t0, t1] after the SEN edge, so the energy counts from the edge on.</summary>
    private static double Fraction(double t0, double t1, double start) => t0 >= start ? 1 : (t1 - start) / (t1 - t0);

    public PcsaRead Result()
    {
        if (double.IsNaN(DifferenceAtDecision))
            throw new InvalidOperationException($"the run ended at {_t:G4} s, before the decision time {_design.DecisionTime:G4} s");
        return new PcsaRead
        {
            Weight = PcsaRead.Decide(DifferenceAtDecision, _design.SupplyVoltage),
            ResolutionTime = ResolutionTime,
            OutputDifference = DifferenceAtDecision,
            SupplyEnergy = _energy,
            TimePoints = Points,
        };
    }
}
