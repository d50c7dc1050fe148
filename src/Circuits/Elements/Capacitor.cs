using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>Linear capacitor: open in DC, companion model i = A0·C·v + (i_hist) in transient.</summary>
public sealed class Capacitor : Element
{
    private ConductanceStamp _stamp;
    private readonly ReactiveState _charge = new();

    public Capacitor(string name, string a, string b, double capacitance, double initialVoltage = double.NaN) : base(name, a, b)
    {
        if (!(capacitance >= 0) || double.IsInfinity(capacitance)) throw new CircuitException(name, $"capacitance must be finite and >= 0, got {capacitance}");
        Capacitance = capacitance;
        InitialVoltage = initialVoltage;
    }

    public double Capacitance { get; }

    /// <summary>IC= value used when a transient starts with UIC; NaN when not given.</summary>
    public double InitialVoltage { get; }

    public override string Category => "capacitor";
    public override IEnumerable<ReactiveState> States => [_charge];

    public override void RegisterSlots(SetupContext ctx) => _stamp.Register(ctx, NodeIndex[0], NodeIndex[1]);

    private double Voltage(LoadContext ctx) => ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1]);

    public override void Load(LoadContext ctx)
    {
        if (ctx.Mode != AnalysisMode.Transient) return;
        double v = ctx.Uic && ctx.Integrator.InitializingStates && !double.IsNaN(InitialVoltage) ? InitialVoltage : Voltage(ctx);
        double i = _charge.Integrate(ctx.Integrator, Capacitance * v);
        double geq = ctx.Integrator.A0 * Capacitance;
        double ieq = i - geq * v;
        _stamp.Load(ctx, geq);
        ctx.AddRhs(NodeIndex[0], -ieq);
        ctx.AddRhs(NodeIndex[1], ieq);
    }

    public double Current(LoadContext ctx) => ctx.Mode == AnalysisMode.Transient ? _charge.Derivative0 : 0;

    public override double Power(LoadContext ctx) => Voltage(ctx) * Current(ctx);
}
