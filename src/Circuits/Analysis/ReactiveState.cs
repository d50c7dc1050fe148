namespace CircuitNeuro.Circuits.Analysis;

/// <summary>
/// One charge (capacitor, junction) or flux (inductor) with the history the integration formulas
/// need: index 0 is the time point being solved, 1 the last accepted one, 2 and 3 older ones.
/// </summary>
public sealed class ReactiveState
{
    internal readonly double[] Q = new double[4];
    internal double Derivative0;
    internal double Derivative1;

    /// <summary>Charge at the last accepted time point.</summary>
    public double Accepted => Q[1];

    /// <summary>Derivative dq/dt at the last accepted time point.</summary>
    public double AcceptedDerivative => Derivative1;

    /// <summary>Sets a flat history (start of a transient: the circuit is at rest at its operating point).</summary>
    public void Initialize(double q)
    {
        Array.Fill(Q, q);
        Derivative0 = Derivative1 = 0;
    }

    /// <summary>Records the trial value and returns dq/dt from the active integration formula.</summary>
    public double Integrate(Integrator integrator, double q)
    {
        if (integrator.InitializingStates)
        {
            Initialize(q);
            return 0;
        }
        Q[0] = q;
        Derivative0 = integrator.Derivative(this);
        return Derivative0;
    }

    internal void Accept()
    {
        Q[3] = Q[2];
        Q[2] = Q[1];
        Q[1] = Q[0];
        Derivative1 = Derivative0;
    }
}
