using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>Linear inductor: a short in DC, v = dΦ/dt with Φ = L·i integrated like a charge in transient.</summary>
public sealed class Inductor : Element, IBranchElement
{
    private BranchStamp _stamp;
    private int _selfSlot;
    private readonly ReactiveState _flux = new();

    public Inductor(string name, string a, string b, double inductance, double initialCurrent = double.NaN) : base(name, a, b)
    {
        if (!(inductance > 0) || double.IsInfinity(inductance)) throw new CircuitException(name, $"inductance must be finite and > 0, got {inductance}");
        Inductance = inductance;
        InitialCurrent = initialCurrent;
    }

    public double Inductance { get; }
    public double InitialCurrent { get; }
    public int Branch { get; private set; }
    public override string Category => "inductor";
    public override IEnumerable<ReactiveState> States => [_flux];

    public override void AllocateUnknowns(SetupContext ctx) => Branch = ctx.AddUnknown($"i({Name})");

    public override void RegisterSlots(SetupContext ctx)
    {
        _stamp.Register(ctx, NodeIndex[0], NodeIndex[1], Branch);
        _selfSlot = ctx.Slot(Branch, Branch);
    }

    public override void Load(LoadContext ctx)
    {
        _stamp.Load(ctx);
        if (ctx.Mode != AnalysisMode.Transient) return;
        double i = ctx.Uic && ctx.Integrator.InitializingStates && !double.IsNaN(InitialCurrent) ? InitialCurrent : ctx.Solution[Branch];
        double v = _flux.Integrate(ctx.Integrator, Inductance * i);
        double req = ctx.Integrator.A0 * Inductance;
        ctx.Add(_selfSlot, -req);
        ctx.AddRhs(Branch, v - req * i);
    }

    public override double Power(LoadContext ctx) => (ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1])) * ctx.Solution[Branch];
}
