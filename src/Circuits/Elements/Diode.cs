using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Models;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>
/// Junction diode, the SPICE level-1 equations (ngspice manual, "Junction Diodes"):
/// forward Id = Is(e^{Vd/NVt} − 1); below −3NVt the reverse current −Is(1 + (3NVt/(e·Vd))³);
/// breakdown beyond −BV; gmin in parallel; series RS through an internal anode node;
/// depletion charge (CJO, VJ, M, FC) and diffusion charge TT·Id in transient.
/// </summary>
public sealed class Diode : Element
{
    private ConductanceStamp _junction, _series;
    private int _anode; // internal anode (after RS) or the external one
    private double _vdOld;
    private readonly ReactiveState _charge = new();

    public Diode(string name, string anode, string cathode, DiodeModel model, double area = 1, bool off = false) : base(name, anode, cathode)
    {
        if (!(area > 0)) throw new CircuitException(name, $"area must be > 0, got {area}");
        Model = model;
        Area = area;
        Off = off;
    }

    public DiodeModel Model { get; }
    public double Area { get; }
    public bool Off { get; }
    public override bool IsNonlinear => true;
    public override string Category => "diode";
    public override IEnumerable<ReactiveState> States => [_charge];

    public override void AllocateUnknowns(SetupContext ctx) =>
        _anode = Model.Rs > 0 ? ctx.AddUnknown($"{Name}#anode") : -2;

    public override void RegisterSlots(SetupContext ctx)
    {
        if (_anode == -2) _anode = NodeIndex[0];
        else _series.Register(ctx, NodeIndex[0], _anode);
        _junction.Register(ctx, _anode, NodeIndex[1]);
    }

    private double SaturationCurrent(LoadContext ctx) => Area * Model.SaturationCurrent(ctx.Options.Temperature, ctx.Options.NominalTemperature);

    public override void Load(LoadContext ctx)
    {
        double vte = Model.N * ctx.ThermalVoltage;
        double isat = SaturationCurrent(ctx);
        double vcrit = Junction.CriticalVoltage(vte, isat);
        double vd;
        if (ctx.InitJunctions) vd = Off ? 0 : vcrit;
        else
        {
            vd = Junction.Limit(ctx.V(_anode) - ctx.V(NodeIndex[1]), _vdOld, vte, vcrit, out bool limited);
            if (limited) ctx.DevicesConverged = false;
        }
        _vdOld = vd;

        var (id, gd) = DcCurrent(vd, isat, vte, ctx.Gmin);
        if (ctx.Mode == AnalysisMode.Transient)
        {
            var (q, c) = Charge(vd, id, gd);
            double ic = _charge.Integrate(ctx.Integrator, q);
            double gc = ctx.Integrator.A0 * c;
            id += ic;
            gd += gc;
        }
        if (Model.Rs > 0) _series.Load(ctx, 1 / (Model.Rs / Area));
        _junction.Load(ctx, gd);
        double ieq = id - gd * vd;
        ctx.AddRhs(_anode, -ieq);
        ctx.AddRhs(NodeIndex[1], ieq);
    }

    /// <summary>Junction current and conductance at vd, gmin included.</summary>
    public (double Current, double Conductance) DcCurrent(double vd, double isat, double vte, double gmin)
    {
        double id, gd;
        if (vd >= -3 * vte)
        {
            double e = Math.Exp(vd / vte);
            id = isat * (e - 1);
            gd = isat * e / vte;
        }
        else if (double.IsInfinity(Model.Bv) || vd >= -Model.Bv)
        {
            double a = 3 * vte / (vd * Math.E);
            a = a * a * a;
            id = -isat * (1 + a);
            gd = isat * 3 * a / vd;
        }
        else
        {
            double e = Math.Exp(-(Model.Bv + vd) / vte);
            id = -isat * e;
            gd = isat * e / vte;
        }
        return (id + gmin * vd, gd + gmin);
    }

    private (double Charge, double Capacitance) Charge(double vd, double id, double gd)
    {
        var (q, c) = Junction.DepletionCharge(vd, Model.Cjo * Area, Model.Vj, Model.M, Model.Fc);
        return (q + Model.Tt * id, c + Model.Tt * gd);
    }

    /// <summary>Current through the junction from anode to cathode at the present solution.</summary>
    public double Current(LoadContext ctx)
    {
        double vd = ctx.V(_anode) - ctx.V(NodeIndex[1]);
        double id = DcCurrent(vd, SaturationCurrent(ctx), Model.N * ctx.ThermalVoltage, ctx.Gmin).Current;
        return ctx.Mode == AnalysisMode.Transient ? id + _charge.Derivative0 : id;
    }

    public override double Power(LoadContext ctx) => (ctx.V(NodeIndex[0]) - ctx.V(NodeIndex[1])) * Current(ctx);
}
