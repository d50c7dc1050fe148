using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Models;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>
/// MOSFET on the EKV 2.6 core (<see cref="EkvModel"/>, <see cref="EkvCore"/>): a bulk-referenced, source/drain
/// symmetric channel current with analytic derivatives, charge-conserving intrinsic charges (gate, drain,
/// source, bulk; their Jacobian, a non-reciprocal capacitance matrix, is taken by central differences of the
/// closed-form charges), linear overlap capacitances, and gmin from drain and source to bulk. Newton steps
/// are limited like SPICE's MOSFETs (<see cref="FetLimits"/>).
/// </summary>
public sealed class MosfetEkv : Element
{
    private const int D = 0, Gt = 1, S = 2, B = 3;
    private const double ChargeDifferenceStep = 1e-5; // V; the charges are smooth, so the O(h²) error is ~1e-10 relative
    private readonly int[,] _slot = new int[4, 4];
    private ConductanceStamp _cgs, _cgd, _cgb, _gminD, _gminS;
    private readonly ReactiveState _qg = new(), _qd = new(), _qs = new(), _ovGs = new(), _ovGd = new(), _ovGb = new();
    private double _vgsOld, _vdsOld;

    public MosfetEkv(string name, string drain, string gate, string source, string bulk, EkvModel model,
        double width, double length, double multiplier = 1)
        : base(name, drain, gate, source, bulk)
    {
        if (!(width > 0) || !(length > 0) || double.IsInfinity(width) || double.IsInfinity(length))
            throw new CircuitException(name, $"W and L must be finite and > 0 (W={width}, L={length})");
        if (!(multiplier > 0)) throw new CircuitException(name, $"M must be > 0 (got {multiplier})");
        Model = model;
        Width = width;
        Length = length;
        Multiplier = multiplier;
    }

    public EkvModel Model { get; }
    public double Width { get; }
    public double Length { get; }
    public double Multiplier { get; }
    public override bool IsNonlinear => true;
    public override string Category => "mosfet";
    public override IEnumerable<ReactiveState> States => [_qg, _qd, _qs, _ovGs, _ovGd, _ovGb];

    /// <summary>β₀ = KP(T)·W/L·M before mobility reduction.</summary>
    private double Beta(EkvTemperature t) => t.Kp * Width / Length * Multiplier;

    /// <summary>Gate-oxide capacitance C_ox·W·L·M (F).</summary>
    public double GateCapacitance => Model.Cox * Width * Length * Multiplier;

    public override void RegisterSlots(SetupContext ctx)
    {
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++)
                _slot[r, c] = ctx.Slot(NodeIndex[r], NodeIndex[c]);
        _cgs.Register(ctx, NodeIndex[Gt], NodeIndex[S]);
        _cgd.Register(ctx, NodeIndex[Gt], NodeIndex[D]);
        _cgb.Register(ctx, NodeIndex[Gt], NodeIndex[B]);
        _gminD.Register(ctx, NodeIndex[D], NodeIndex[B]);
        _gminS.Register(ctx, NodeIndex[S], NodeIndex[B]);
    }

    private EkvTemperature Temperature(LoadContext ctx) => Model.AtTemperature(ctx.Options.Temperature, ctx.Options.NominalTemperature);

    /// <summary>Polarity-frame, bulk-referenced (v_G, v_D, v_S) at the present solution.</summary>
    private (double Vg, double Vd, double Vs) BulkReferenced(LoadContext ctx)
    {
        int pol = Model.Polarity;
        double vb = ctx.V(NodeIndex[B]);
        return (pol * (ctx.V(NodeIndex[Gt]) - vb), pol * (ctx.V(NodeIndex[D]) - vb), pol * (ctx.V(NodeIndex[S]) - vb));
    }

    public override void Load(LoadContext ctx)
    {
        var t = Temperature(ctx);
        int pol = Model.Polarity;
        var (vg, vd, vs) = BulkReferenced(ctx);
        double vgs = vg - vs, vds = vd - vs;
        if (ctx.InitJunctions) (vgs, vds) = (t.Vto, 0);
        else
        {
            var (lg, ld) = FetLimits.GateAndDrain(vgs, vds, _vgsOld, _vdsOld, t.Vto);
            if (Math.Abs(lg - vgs) + Math.Abs(ld - vds) > 1e-15) ctx.DevicesConverged = false;
            (vgs, vds) = (lg, ld);
        }
        _vgsOld = vgs; _vdsOld = vds;
        (vg, vd) = (vgs + vs, vds + vs);

        var op = EkvCore.Current(Model, t, Beta(t), vg, vd, vs);
        StampTerminalCurrent(ctx, D, op.Id, op.Gg, op.Gd, op.Gs, vg, vd, vs, +1);
        StampTerminalCurrent(ctx, S, op.Id, op.Gg, op.Gd, op.Gs, vg, vd, vs, -1);
        _gminD.Load(ctx, ctx.Gmin);
        _gminS.Load(ctx, ctx.Gmin);
        if (ctx.Mode == AnalysisMode.Transient) LoadCharges(ctx, t, vg, vd, vs);
    }

    /// <summary>
    /// Stamps sign × f into terminal <paramref name="row"/>, f linearised as f₀ + Σ g_j·(v_j − v_j0) with the bulk column
    /// carrying −Σ g_j. The right-hand side uses the polarity frame: real current = pol·f, real conductances = g.
    /// </summary>
    private void StampTerminalCurrent(LoadContext ctx, int row, double f, double gg, double gd, double gs,
        double vg, double vd, double vs, int sign)
    {
        var v = ctx.Matrix.Values;
        v[_slot[row, Gt]] += sign * gg;
        v[_slot[row, D]] += sign * gd;
        v[_slot[row, S]] += sign * gs;
        v[_slot[row, B]] -= sign * (gg + gd + gs);
        double ieq = Model.Polarity * sign * (f - gg * vg - gd * vd - gs * vs);
        ctx.AddRhs(NodeIndex[row], -ieq);
    }

    private void LoadCharges(LoadContext ctx, EkvTemperature t, double vg, double vd, double vs)
    {
        int pol = Model.Polarity;
        double cgate = GateCapacitance;
        if (cgate > 0)
        {
            var q = EkvCore.Charges(Model, t, cgate, vg, vd, vs);
            double h = ChargeDifferenceStep;
            var dg = Difference(EkvCore.Charges(Model, t, cgate, vg + h, vd, vs), EkvCore.Charges(Model, t, cgate, vg - h, vd, vs), h);
            var dd = Difference(EkvCore.Charges(Model, t, cgate, vg, vd + h, vs), EkvCore.Charges(Model, t, cgate, vg, vd - h, vs), h);
            var ds = Difference(EkvCore.Charges(Model, t, cgate, vg, vd, vs + h), EkvCore.Charges(Model, t, cgate, vg, vd, vs - h), h);
            double a0 = ctx.Integrator.A0;
            double ig = _qg.Integrate(ctx.Integrator, pol * q.Qg);
            double id = _qd.Integrate(ctx.Integrator, pol * q.Qd);
            double isrc = _qs.Integrate(ctx.Integrator, pol * q.Qs);
            StampTerminalCurrent(ctx, Gt, ig * pol, a0 * dg.Qg, a0 * dd.Qg, a0 * ds.Qg, vg, vd, vs, +1);
            StampTerminalCurrent(ctx, D, id * pol, a0 * dg.Qd, a0 * dd.Qd, a0 * ds.Qd, vg, vd, vs, +1);
            StampTerminalCurrent(ctx, S, isrc * pol, a0 * dg.Qs, a0 * dd.Qs, a0 * ds.Qs, vg, vd, vs, +1);
            StampTerminalCurrent(ctx, B, -(ig + id + isrc) * pol, a0 * dg.Qb, a0 * dd.Qb, a0 * ds.Qb, vg, vd, vs, +1);
        }
        FetLimits.LoadOverlapCapacitance(ctx, _ovGs, _cgs, Model.Cgso * Width * Multiplier, NodeIndex[Gt], NodeIndex[S]);
        FetLimits.LoadOverlapCapacitance(ctx, _ovGd, _cgd, Model.Cgdo * Width * Multiplier, NodeIndex[Gt], NodeIndex[D]);
        FetLimits.LoadOverlapCapacitance(ctx, _ovGb, _cgb, Model.Cgbo * Length * Multiplier, NodeIndex[Gt], NodeIndex[B]);
    }

    private static EkvCharges Difference(EkvCharges plus, EkvCharges minus, double h) =>
        new((plus.Qg - minus.Qg) / (2 * h), (plus.Qd - minus.Qd) / (2 * h), (plus.Qs - minus.Qs) / (2 * h), (plus.Qb - minus.Qb) / (2 * h));

    /// <summary>Channel current into the drain terminal (A) at the present solution.</summary>
    public double DrainCurrent(LoadContext ctx)
    {
        var t = Temperature(ctx);
        var (vg, vd, vs) = BulkReferenced(ctx);
        return Model.Polarity * EkvCore.Current(Model, t, Beta(t), vg, vd, vs).Id;
    }

    public override double Power(LoadContext ctx)
    {
        double vd = ctx.V(NodeIndex[D]), vg = ctx.V(NodeIndex[Gt]), vs = ctx.V(NodeIndex[S]), vb = ctx.V(NodeIndex[B]);
        double p = DrainCurrent(ctx) * (vd - vs) + ctx.Gmin * ((vd - vb) * (vd - vb) + (vs - vb) * (vs - vb));
        if (ctx.Mode == AnalysisMode.Transient)
            p += _qg.Derivative0 * (vg - vb) + _qd.Derivative0 * (vd - vb) + _qs.Derivative0 * (vs - vb)
               + _ovGs.Derivative0 * (vg - vs) + _ovGd.Derivative0 * (vg - vd) + _ovGb.Derivative0 * (vg - vb);
        return p;
    }
}
