using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Models;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>
/// S element: resistance RON when the control voltage exceeds VT+VH, ROFF below VT−VH, and in
/// between it keeps the state it had at the last accepted point (hysteresis), as ngspice's switch.
/// In a transient the switching instant is resolved (see <see cref="SuggestTimestep"/>), so it does not
/// depend on how large the step that happened to cross the threshold was.
/// </summary>
public sealed class VoltageSwitch(string name, string p, string n, string cp, string cn, SwitchModel model, bool initiallyOn = false)
    : Element(name, p, n, cp, cn)
{
    private ConductanceStamp _stamp;
    private bool _acceptedOn = initiallyOn;
    private bool _on = initiallyOn;
    private double _acceptedControl;
    private double _acceptedTime = double.NaN;

    private double _crossingResolution = double.NaN;

    /// <summary>Length of the step that changes the state, as a fraction of the step that first crossed the threshold.</summary>
    public const double CrossingResolution = 1e-3;

    public SwitchModel Model { get; } = model;
    public bool IsOn => _on;
    public override bool IsNonlinear => true;
    public override string Category => "switch";

    public override void RegisterSlots(SetupContext ctx) => _stamp.Register(ctx, NodeIndex[0], NodeIndex[1]);

    private double Control(LoadContext ctx) => ctx.V(NodeIndex[2]) - ctx.V(NodeIndex[3]);

    private bool Decide(LoadContext ctx)
    {
        double vc = Control(ctx);
        if (vc > Model.Vt + Model.Vh) return true;
        if (vc < Model.Vt - Model.Vh) return false;
        return _acceptedOn;
    }

    public override void Load(LoadContext ctx)
    {
        bool on = ctx.InitJunctions ? _acceptedOn : Decide(ctx);
        if (on != _on) ctx.DevicesConverged = false;
        _on = on;
        _stamp.Load(ctx, 1 / (on ? Model.Ron : Model.Roff));
    }

    public override void Accept(LoadContext ctx)
    {
        if (_on != _acceptedOn) _crossingResolution = double.NaN; // kept while approaching one crossing
        _acceptedOn = _on;
        _acceptedControl = Control(ctx);
        _acceptedTime = ctx.Mode == AnalysisMode.Transient ? ctx.Time : 0;
    }

    /// <summary>
    /// A step that changes the state is rejected unless it is short: the simulator first lands just
    /// before the (linearly estimated) crossing, then crosses with a step of 1e-3 of the step that found it.
    /// Implicit integration treats the switch as changed over the whole step, so that step must be short.
    /// </summary>
    public override double SuggestTimestep(LoadContext ctx)
    {
        double h = ctx.Time - _acceptedTime;
        if (ctx.Mode != AnalysisMode.Transient || _on == _acceptedOn || !(h > 0)) return double.PositiveInfinity;
        double threshold = _on ? Model.Vt + Model.Vh : Model.Vt - Model.Vh;
        double fraction = (threshold - _acceptedControl) / (Control(ctx) - _acceptedControl);
        if (!(fraction >= 0 && fraction <= 1)) return double.PositiveInfinity; // decided otherwise (e.g. hysteresis at t = 0)
        if (double.IsNaN(_crossingResolution)) _crossingResolution = CrossingResolution * h;
        if (h <= _crossingResolution)
        {
            ctx.StepCrossesDiscontinuity = true;
            return double.PositiveInfinity;
        }
        double toCrossing = fraction * h;
        double next = toCrossing > 0.5 * _crossingResolution ? toCrossing - 0.5 * _crossingResolution : _crossingResolution;
        return Math.Min(next, 0.85 * h); // below 0.9 h: the simulator keeps steps whose suggestion is ≥ 0.9 h
    }

    public override double Power(LoadContext ctx)
    {
        double v = ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1]);
        return v * v / (_on ? Model.Ron : Model.Roff);
    }
}
