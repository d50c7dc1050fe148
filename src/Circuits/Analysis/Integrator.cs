namespace CircuitNeuro.Circuits.Analysis;

/// <summary>
/// Variable-step integration formulas for dq/dt and their local-truncation-error step control.
/// Backward Euler (order 1) starts the transient and every segment after a breakpoint, as SPICE
/// does, so a source corner does not make the trapezoidal rule ring. Trapezoidal:
/// i₁ = (2/h)(q₁−q₀) − i₀; Gear-2 (BDF2, variable step, ρ = h/h_prev):
/// i₁ = [(1+2ρ)q₁ − (1+ρ)² q₀ + ρ² q₋₁] / ((1+ρ) h).
/// </summary>
public sealed class Integrator
{
    // Times of the trial point (0) and the accepted ones before it (1..3).
    private readonly double[] _t = new double[4];
    private int _acceptedPoints;

    public Integrator(IntegrationMethod method) => Method = method;

    public IntegrationMethod Method { get; }

    /// <summary>Order of the formula in use for the present step (1 or 2).</summary>
    public int Order { get; private set; } = 1;

    /// <summary>
    /// While set, a load only records every state's present charge as its flat history
    /// (start of a transient) and A0 is 0, so no companion term is stamped.
    /// </summary>
    public bool InitializingStates { get; private set; }

    internal void BeginStateInitialization() { InitializingStates = true; A0 = 0; }
    internal void EndStateInitialization() => InitializingStates = false;

    /// <summary>Present step h = t₀ − t₁.</summary>
    public double Step { get; private set; }

    /// <summary>∂(dq/dt)/∂q of the present formula: the companion conductance factor.</summary>
    public double A0 { get; private set; }

    private double _a1, _a2;

    internal void Reset(double t0)
    {
        Array.Fill(_t, t0);
        _acceptedPoints = 1;
        Order = 1;
    }

    /// <summary>Prepares the formula for a step to <paramref name="time"/>; order 1 when forced or when history is short.</summary>
    internal void Prepare(double time, bool forceFirstOrder)
    {
        _t[0] = time;
        Step = time - _t[1];
        Order = forceFirstOrder || _acceptedPoints < 2 ? 1 : 2;
        double h = Step;
        if (Order == 1)
        {
            A0 = 1 / h; _a1 = -1 / h; _a2 = 0;
        }
        else if (Method == IntegrationMethod.Trapezoidal)
        {
            A0 = 2 / h; _a1 = -2 / h; _a2 = 0;
        }
        else
        {
            double rho = h / (_t[1] - _t[2]);
            A0 = (1 + 2 * rho) / ((1 + rho) * h);
            _a1 = -(1 + rho) / h;
            _a2 = rho * rho / ((1 + rho) * h);
        }
    }

    internal double Derivative(ReactiveState s)
    {
        if (Order == 2 && Method == IntegrationMethod.Trapezoidal)
            return A0 * (s.Q[0] - s.Q[1]) - s.Derivative1;
        return A0 * s.Q[0] + _a1 * s.Q[1] + _a2 * s.Q[2];
    }

    internal void Accept()
    {
        _t[3] = _t[2];
        _t[2] = _t[1];
        _t[1] = _t[0];
        _acceptedPoints++;
    }

    /// <summary>
    /// Largest step that keeps this state's local truncation error within tolerance
    /// (SPICE's CKTterr idea): the error of an order-p formula is C·h^(p+1)·q^(p+1), with
    /// q^(p+1) from divided differences over the trial and accepted points, and C = 1/2 (BE),
    /// 1/12 (trapezoidal), 2/9 (Gear-2). Infinity when the history is too short to estimate.
    /// </summary>
    internal double TruncationStep(ReactiveState s, SimulationOptions o)
    {
        int p = Order;
        if (_acceptedPoints < p + 1) return double.PositiveInfinity;
        double c = p == 1 ? 0.5 : Method == IntegrationMethod.Trapezoidal ? 1.0 / 12 : 2.0 / 9;

        // Divided differences of order p+1 over p+2 points.
        Span<double> dd = stackalloc double[4];
        for (int k = 0; k <= p + 1; k++) dd[k] = s.Q[k];
        for (int level = 1; level <= p + 1; level++)
            for (int k = 0; k <= p + 1 - level; k++)
                dd[k] = (dd[k] - dd[k + 1]) / (_t[k] - _t[k + level]);
        double factorial = p == 1 ? 2 : 6;
        double derivative = Math.Abs(dd[0] * factorial);

        double h = Step;
        double currentTol = o.RelTol * Math.Max(Math.Abs(s.Derivative0), Math.Abs(s.Derivative1)) + o.AbsTol;
        double chargeTol = o.RelTol * Math.Max(Math.Max(Math.Abs(s.Q[0]), Math.Abs(s.Q[1])), o.ChgTol) / h;
        double tol = Math.Max(currentTol, chargeTol);
        // Error expressed as a current: C·h^p·q^(p+1) ≤ trtol·tol.
        double denom = Math.Max(o.AbsTol, c * derivative);
        double hp = o.TrTol * tol / denom;
        return p == 1 ? hp : Math.Sqrt(hp);
    }
}
