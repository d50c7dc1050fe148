using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Models;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>
/// S element: resistance RON when the control voltage exceeds VT+VH, ROFF below VT−VH, and in
/// between it keeps the state it had at the last accepted point (hysteresis), as ngspice's switch.
/// </summary>
public sealed class VoltageSwitch(string name, string p, string n, string cp, string cn, SwitchModel model, bool initiallyOn = false)
    : Element(name, p, n, cp, cn)
{
    private ConductanceStamp _stamp;
    private bool _acceptedOn = initiallyOn;
    private bool _on = initiallyOn;

    public SwitchModel Model { get; } = model;
    public bool IsOn => _on;
    public override bool IsNonlinear => true;
    public override string Category => "switch";

    public override void RegisterSlots(SetupContext ctx) => _stamp.Register(ctx, NodeIndex[0], NodeIndex[1]);

    private bool Decide(LoadContext ctx)
    {
        double vc = ctx.V(NodeIndex[2]) - ctx.V(NodeIndex[3]);
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

    public override void Accept(LoadContext ctx) => _acceptedOn = _on;

    public override double Power(LoadContext ctx)
    {
        double v = ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1]);
        return v * v / (_on ? Model.Ron : Model.Roff);
    }
}
