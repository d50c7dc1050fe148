using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Elements;

namespace CircuitNeuro.Circuits.Devices;

/// <summary>
/// A memristor in the MNA engine: a nonlinear two-terminal conductance i(v, x) stamped as a companion model
/// (g = ∂i/∂v, i_eq = i − g·v, as the diode), with gmin in parallel. The internal state x is held during a step
/// and advanced when the point is accepted, by integrating dx/dt = f(v, x) with v interpolated linearly between
/// the two accepted points. The step is limited so |Δx| stays within <see cref="MaxStateChangeFraction"/> of the
/// state range (a larger change rejects the point). Operating points read the device and never move its state.
/// Netlist card: <c>Ymname n+ n- modelname [x0=value]</c> with
/// <c>.model modelname memristor level=threshold|vteam|yakopcic|vdsp|hfo2 (parameters)</c> (see Devices/README.md).
/// </summary>
public sealed class MemristorElement : Element
{
    private ConductanceStamp _stamp;
    private double _acceptedVoltage, _acceptedTime;
    private double _state;
    private double _solvedState; // the state the present solution was computed with (KCL-consistent power)
    private bool _hasAcceptedPoint;

    public MemristorElement(string name, string a, string b, IMemristorModel model, double initialState) : base(name, a, b)
    {
        Model = model;
        State = initialState;
    }

    public IMemristorModel Model { get; }

    /// <summary>State at the last accepted point (may be set between analyses, for example to program a device directly).</summary>
    public double State
    {
        get => _state;
        set => _state = _solvedState = double.IsNaN(value) ? throw new CircuitException(Name, "state is NaN") : Math.Clamp(value, Model.MinState, Model.MaxState);
    }

    /// <summary>Largest state change per accepted step as a fraction of the state range.</summary>
    public double MaxStateChangeFraction { get; init; } = 0.01;

    public override bool IsNonlinear => true;
    public override string Category => "memristor";

    public override void RegisterSlots(SetupContext ctx) => _stamp.Register(ctx, NodeIndex[0], NodeIndex[1]);

    public double Voltage(LoadContext ctx) => ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1]);

    /// <summary>Current from the first terminal to the second at the present solution and the state the step was solved with.</summary>
    public double Current(LoadContext ctx)
    {
        double v = Voltage(ctx);
        return Model.Current(v, _solvedState) + ctx.Gmin * v;
    }

    public override void Load(LoadContext ctx)
    {
        double v = Voltage(ctx);
        if (ctx.Integrator.InitializingStates) MarkAccepted(ctx); // start of a transient (also after UIC, which has no operating point)
        _solvedState = _state;
        double g = Model.DifferentialConductance(v, _state) + ctx.Gmin;
        double i = Model.Current(v, _state) + ctx.Gmin * v;
        double ieq = i - g * v;
        _stamp.Load(ctx, g);
        ctx.AddRhs(NodeIndex[0], -ieq);
        ctx.AddRhs(NodeIndex[1], ieq);
    }

    public override double Power(LoadContext ctx) => Voltage(ctx) * Current(ctx);

    private double TrialState(LoadContext ctx) =>
        RampStateIntegrator.Advance(Model, _state, _acceptedVoltage, Voltage(ctx), ctx.Time - _acceptedTime);

    public override double SuggestTimestep(LoadContext ctx)
    {
        if (ctx.Mode != AnalysisMode.Transient || !_hasAcceptedPoint) return double.PositiveInfinity;
        double h = ctx.Time - _acceptedTime;
        double change = Math.Abs(TrialState(ctx) - _state);
        if (!(h > 0) || change == 0) return double.PositiveInfinity;
        return 0.9 * h * MaxStateChangeFraction * Model.StateRange() / change;
    }

    public override void Accept(LoadContext ctx)
    {
        if (ctx.Mode == AnalysisMode.Transient && _hasAcceptedPoint && ctx.Time > _acceptedTime)
            _state = TrialState(ctx);
        MarkAccepted(ctx);
    }

    private void MarkAccepted(LoadContext ctx)
    {
        _acceptedVoltage = Voltage(ctx);
        _acceptedTime = ctx.Time;
        _hasAcceptedPoint = true;
    }
}
