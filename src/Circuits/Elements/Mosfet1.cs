using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Models;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>
/// Level-1 MOSFET (Shichman–Hodges, as in SPICE): square law with channel-length modulation and
/// body effect, symmetric (drain and source swap when vds &lt; 0), bulk–drain and bulk–source
/// junctions with gmin, optional RD/RS, overlap and junction capacitances. Voltages are handled in
/// the "polarity frame" (multiplied by +1 NMOS, −1 PMOS) so one set of equations serves both.
/// </summary>
public sealed class Mosfet1 : Element
{
    private int _d, _s; // internal drain/source (after RD/RS)
    private ConductanceStamp _rd, _rs, _bd, _bs, _cgs, _cgd, _cgb;
    private readonly int[,] _slot = new int[2, 4]; // rows {d, s} × cols {d, g, s, b}
    private double _vgsOld, _vdsOld, _vbsOld;
    private readonly ReactiveState _qgs = new(), _qgd = new(), _qgb = new(), _qbd = new(), _qbs = new();

    public Mosfet1(string name, string drain, string gate, string source, string bulk, Mosfet1Model model,
        double width = 1e-4, double length = 1e-4, double multiplier = 1, bool off = false)
        : base(name, drain, gate, source, bulk)
    {
        if (!(width > 0) || !(length > 0)) throw new CircuitException(name, $"W and L must be > 0 (W={width}, L={length})");
        if (!(length - 2 * model.Ld > 0)) throw new CircuitException(name, $"effective length L − 2·LD = {length - 2 * model.Ld} must be > 0");
        Model = model;
        Width = width;
        Length = length;
        Multiplier = multiplier;
        Off = off;
    }

    public Mosfet1Model Model { get; }
    public double Width { get; }
    public double Length { get; }
    public double Multiplier { get; }
    public bool Off { get; }
    public override bool IsNonlinear => true;
    public override string Category => "mosfet";
    public override IEnumerable<ReactiveState> States => [_qgs, _qgd, _qgb, _qbd, _qbs];

    private int G => NodeIndex[1];
    private int B => NodeIndex[3];

    public override void AllocateUnknowns(SetupContext ctx)
    {
        _d = Model.Rd > 0 ? ctx.AddUnknown($"{Name}#drain") : -2;
        _s = Model.Rs > 0 ? ctx.AddUnknown($"{Name}#source") : -2;
    }

    public override void RegisterSlots(SetupContext ctx)
    {
        if (_d == -2) _d = NodeIndex[0]; else _rd.Register(ctx, NodeIndex[0], _d);
        if (_s == -2) _s = NodeIndex[2]; else _rs.Register(ctx, NodeIndex[2], _s);
        int[] rows = [_d, _s], cols = [_d, G, _s, B];
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 4; c++)
                _slot[r, c] = ctx.Slot(rows[r], cols[c]);
        _bd.Register(ctx, B, _d);
        _bs.Register(ctx, B, _s);
        _cgs.Register(ctx, G, _s);
        _cgd.Register(ctx, G, _d);
        _cgb.Register(ctx, G, B);
    }

    /// <summary>Channel and junction currents at the given polarity-frame voltages.</summary>
    private readonly record struct Operating(double Mode, double Ids, double Gm, double Gds, double Gmbs,
        double Ibs, double Gbs, double Ibd, double Gbd, double Von);

    private Operating Evaluate(Mosfet1Temperature t, double vgs, double vds, double vbs, double gmin)
    {
        double beta = t.Kp * Width / (Length - 2 * Model.Ld) * Multiplier;
        double isat = t.SaturationCurrent * Multiplier;
        double vbd = vbs - vds;
        var (ibs, gbs) = Bulk(vbs, isat, t.ThermalVoltage, gmin);
        var (ibd, gbd) = Bulk(vbd, isat, t.ThermalVoltage, gmin);

        double mode = vds >= 0 ? 1 : -1;
        double vgsE = mode > 0 ? vgs : vgs - vds; // gate to effective source
        double vdsE = mode * vds;
        double vbsE = mode > 0 ? vbs : vbd;

        double sarg;
        if (vbsE <= 0) sarg = Math.Sqrt(t.Phi - vbsE);
        else
        {
            sarg = Math.Sqrt(t.Phi);
            sarg = Math.Max(0, sarg - vbsE / (sarg + sarg));
        }
        double von = t.Vbi * Model.Polarity + Model.Gamma * sarg;
        double vgst = vgsE - von;
        double bodyFactor = sarg <= 0 ? 0 : Model.Gamma / (sarg + sarg);
        double ids = 0, gm = 0, gds = 0;
        if (vgst > 0)
        {
            double betap = beta * (1 + Model.Lambda * vdsE);
            if (vgst <= vdsE)
            {
                ids = betap * vgst * vgst * 0.5;
                gm = betap * vgst;
                gds = Model.Lambda * beta * vgst * vgst * 0.5;
            }
            else
            {
                ids = betap * vdsE * (vgst - 0.5 * vdsE);
                gm = betap * vdsE;
                gds = betap * (vgst - vdsE) + Model.Lambda * beta * vdsE * (vgst - 0.5 * vdsE);
            }
        }
        return new Operating(mode, ids, gm, gds, gm * bodyFactor, ibs, gbs, ibd, gbd, von);
    }

    private static (double I, double G) Bulk(double v, double isat, double vt, double gmin)
    {
        if (v <= -3 * vt) return (gmin * v - isat, gmin);
        double e = Math.Exp(Math.Min(v / vt, 709));
        return (isat * (e - 1) + gmin * v, isat * e / vt + gmin);
    }

    public override void Load(LoadContext ctx)
    {
        var t = Model.AtTemperature(ctx.Options.Temperature, ctx.Options.NominalTemperature);
        int pol = Model.Polarity;
        double vgs, vds, vbs;
        if (ctx.InitJunctions)
        {
            (vgs, vds, vbs) = Off ? (0.0, 0.0, 0.0) : (pol * t.Vto, 0.0, -1.0);
        }
        else
        {
            double vgsRaw = pol * (ctx.V(G) - ctx.V(_s));
            double vdsRaw = pol * (ctx.V(_d) - ctx.V(_s));
            double vbsRaw = pol * (ctx.V(B) - ctx.V(_s));
            (vgs, vds, vbs) = LimitStep(vgsRaw, vdsRaw, vbsRaw, t);
            if (Math.Abs(vgs - vgsRaw) + Math.Abs(vds - vdsRaw) + Math.Abs(vbs - vbsRaw) > 1e-15)
                ctx.DevicesConverged = false;
        }
        _vgsOld = vgs; _vdsOld = vds; _vbsOld = vbs;

        var op = Evaluate(t, vgs, vds, vbs, ctx.Gmin);
        double vbd = vbs - vds;
        double ibs = op.Ibs, gbs = op.Gbs, ibd = op.Ibd, gbd = op.Gbd;
        if (ctx.Mode == AnalysisMode.Transient) LoadCapacitances(ctx, vgs, vds, vbs, ref ibs, ref gbs, ref ibd, ref gbd);

        // Channel: current from effective drain to effective source, linearized around (vgs, vds, vbs).
        int dE = op.Mode > 0 ? 0 : 1, sE = 1 - dE; // rows of _slot: 0 = drain, 1 = source
        double vgsE = op.Mode > 0 ? vgs : vgs - vds, vdsE = op.Mode * vds, vbsE = op.Mode > 0 ? vbs : vbd;
        double ieq = pol * (op.Ids - op.Gm * vgsE - op.Gds * vdsE - op.Gmbs * vbsE);
        double gsum = op.Gm + op.Gds + op.Gmbs;
        var v = ctx.Matrix.Values;
        v[_slot[dE, 1]] += op.Gm; v[_slot[dE, 2 * dE]] += op.Gds; v[_slot[dE, 2 * sE]] -= gsum; v[_slot[dE, 3]] += op.Gmbs;
        v[_slot[sE, 1]] -= op.Gm; v[_slot[sE, 2 * dE]] -= op.Gds; v[_slot[sE, 2 * sE]] += gsum; v[_slot[sE, 3]] -= op.Gmbs;
        int dNode = dE == 0 ? _d : _s, sNode = dE == 0 ? _s : _d;
        ctx.AddRhs(dNode, -ieq);
        ctx.AddRhs(sNode, ieq);

        // Junctions bulk→drain and bulk→source.
        _bd.Load(ctx, gbd);
        double ieqBd = pol * (ibd - gbd * vbd);
        ctx.AddRhs(B, -ieqBd); ctx.AddRhs(_d, ieqBd);
        _bs.Load(ctx, gbs);
        double ieqBs = pol * (ibs - gbs * vbs);
        ctx.AddRhs(B, -ieqBs); ctx.AddRhs(_s, ieqBs);

        if (Model.Rd > 0) _rd.Load(ctx, 1 / Model.Rd);
        if (Model.Rs > 0) _rs.Load(ctx, 1 / Model.Rs);
    }

    private (double Vgs, double Vds, double Vbs) LimitStep(double vgs, double vds, double vbs, Mosfet1Temperature t)
    {
        (vgs, vds) = FetLimits.GateAndDrain(vgs, vds, _vgsOld, _vdsOld, t.Vto * Model.Polarity);
        double vcrit = Junction.CriticalVoltage(t.ThermalVoltage, t.SaturationCurrent * Multiplier);
        if (vds >= 0) vbs = Junction.Limit(vbs, _vbsOld, t.ThermalVoltage, vcrit, out _);
        else
        {
            double vbd = Junction.Limit(vbs - vds, _vbsOld - _vdsOld, t.ThermalVoltage, vcrit, out _);
            vbs = vbd + vds;
        }
        return (vgs, vds, vbs);
    }

    private void LoadCapacitances(LoadContext ctx, double vgs, double vds, double vbs, ref double ibs, ref double gbs, ref double ibd, ref double gbd)
    {
        double vbd = vbs - vds;
        var (qbd, cbd) = Junction.DepletionCharge(vbd, Model.Cbd * Multiplier, Model.Pb, Model.Mj, Model.Fc);
        var (qbs, cbs) = Junction.DepletionCharge(vbs, Model.Cbs * Multiplier, Model.Pb, Model.Mj, Model.Fc);
        double a0 = ctx.Integrator.A0;
        ibd += _qbd.Integrate(ctx.Integrator, qbd); gbd += a0 * cbd;
        ibs += _qbs.Integrate(ctx.Integrator, qbs); gbs += a0 * cbs;
        // Linear overlap capacitances, stamped as companion conductances between the terminals.
        FetLimits.LoadOverlapCapacitance(ctx, _qgs, _cgs, Model.Cgso * Width * Multiplier, G, _s);
        FetLimits.LoadOverlapCapacitance(ctx, _qgd, _cgd, Model.Cgdo * Width * Multiplier, G, _d);
        FetLimits.LoadOverlapCapacitance(ctx, _qgb, _cgb, Model.Cgbo * Length * Multiplier, G, B);
    }

    /// <summary>Drain current (into the drain terminal) at the present solution.</summary>
    public double DrainCurrent(LoadContext ctx)
    {
        var t = Model.AtTemperature(ctx.Options.Temperature, ctx.Options.NominalTemperature);
        int pol = Model.Polarity;
        double vgs = pol * (ctx.V(G) - ctx.V(_s)), vds = pol * (ctx.V(_d) - ctx.V(_s)), vbs = pol * (ctx.V(B) - ctx.V(_s));
        var op = Evaluate(t, vgs, vds, vbs, ctx.Gmin);
        return pol * (op.Mode * op.Ids - op.Ibd);
    }

    public override double Power(LoadContext ctx)
    {
        var t = Model.AtTemperature(ctx.Options.Temperature, ctx.Options.NominalTemperature);
        int pol = Model.Polarity;
        double vd = ctx.V(NodeIndex[0]), vg = ctx.V(G), vs = ctx.V(NodeIndex[2]), vb = ctx.V(B);
        double vdi = ctx.V(_d), vsi = ctx.V(_s);
        var op = Evaluate(t, pol * (vg - vsi), pol * (vdi - vsi), pol * (vb - vsi), ctx.Gmin);
        // Static power: channel, the two junctions, series resistances; reactive power of the capacitances.
        double p = op.Mode * op.Ids * pol * (vdi - vsi) + op.Ibd * pol * (vb - vdi) + op.Ibs * pol * (vb - vsi);
        if (Model.Rd > 0) p += (vd - vdi) * (vd - vdi) / Model.Rd;
        if (Model.Rs > 0) p += (vs - vsi) * (vs - vsi) / Model.Rs;
        if (ctx.Mode == AnalysisMode.Transient)
            p += _qgs.Derivative0 * (vg - vsi) + _qgd.Derivative0 * (vg - vdi) + _qgb.Derivative0 * (vg - vb)
               + pol * (_qbd.Derivative0 * (vb - vdi) + _qbs.Derivative0 * (vb - vsi));
        return p;
    }
}
