using CircuitNeuro.Circuits.Ngspice;
using static CircuitNeuro.Circuits.Tests.Ngspice.NgspiceTestSupport;

namespace CircuitNeuro.Circuits.Tests.Ngspice;

/// <summary>Both backends against hand-computed answers for netlists in netlists/.</summary>
[Collection(NgspiceSharedCollection.Name)]
public sealed class NgspiceAnalyticTests
{
    public static TheoryData<string> Backends => new() { "shared", "batch" };

    private static string TightOp(string file) =>
        NgspicePrecision.WithTightOp(NgspiceNetlist.KeepOnlyAnalysis(ReadNetlist(file), "op"));

    [Theory, MemberData(nameof(Backends))]
    public void Divider_is_exact(string backend)
    {
        var r = RunFile(backend, "divider.cir");
        Assert.Equal("op", r.AnalysisKind);
        Close(10.0 * 2000 / 3000, r.Voltage("out")[0], 1e-14, what: "V(out)");
        Close(10.0, r.Value("v(in)"), 1e-15, what: "V(in)");
        // SPICE: source current is positive into the + node, so a supplying battery is negative.
        Close(-10.0 / 3000, r.Current("V1")[0], 1e-14, what: "I(V1)");
    }

    [Theory, MemberData(nameof(Backends))]
    public void Current_source_network(string backend)
    {
        var r = RunFile(backend, "current_source.cir");
        Close(1.5, r.Value("n1"), 1e-14, what: "V(n1)");
        Close(1.0, r.Value("n2"), 1e-14, what: "V(n2)");
    }

    [Theory, MemberData(nameof(Backends))]
    public void Controlled_sources(string backend)
    {
        var g = RunFile(backend, "vccs.cir");
        Close(-15.0, g.Value("out"), 1e-14, what: "VCCS V(out)");

        var f = RunFile(backend, "cccs.cir");
        Close(5e-3, f.Current("Vsense")[0], 1e-14, what: "CCCS I(Vsense)");
        Close(-7.5, f.Value("out"), 1e-14, what: "CCCS V(out)");

        var h = RunFile(backend, "ccvs.cir");
        Close(2e-3, h.Current("vsense")[0], 1e-14, what: "CCVS I(Vsense)");
        Close(2.0, h.Value("out"), 1e-14, what: "CCVS V(out)");
        Close(-0.5e-3, h.Current("H1")[0], 1e-14, what: "CCVS I(H1)");

        var e = RunFile(backend, "vcvs.cir").Plot("op");
        double a = 1e5, beta = 1000.0 / 11000.0;
        // Loop gain 1e5 amplifies round-off: ~1e-12 relative is what double precision gives.
        Close(a * 0.5 / (1 + a * beta), e.Value("out"), 1e-11, what: "VCVS V(out)");
    }

    [Theory, MemberData(nameof(Backends))]
    public void Param_expressions_and_subcircuits(string backend)
    {
        var p = RunFile(backend, "param_expr.cir");
        Close(6.0, p.Value("in"), 1e-14, what: "vs = sqrt(16)+2");
        Close(2.0, p.Value("out"), 1e-14, what: "V(out)");
        Close(8.0, p.Value("amp"), 1e-14, what: "V(amp)");

        // X1: 1k/1k divider from 9 V loaded by X2 (2k + 6k) -> Thevenin then cascade.
        var s = RunFile(backend, "subckt_params.cir");
        double rLoad3 = 10e3 + 1 + 10e3;                      // X3 (r=10k + 1 ohm) + Rl, C open at DC
        double rX2 = 2e3 + 1.0 / (1.0 / 6e3 + 1.0 / rLoad3); // X2 seen from o1
        double rLow1 = 1.0 / (1.0 / 1e3 + 1.0 / rX2);
        double vo1 = 9.0 * rLow1 / (1e3 + rLow1);
        double rLow2 = 1.0 / (1.0 / 6e3 + 1.0 / rLoad3);
        double vo2 = vo1 * rLow2 / (2e3 + rLow2);
        double vo3 = vo2 * 10e3 / rLoad3;
        Close(vo1, s.Value("o1"), 1e-13, what: "V(o1)");
        Close(vo2, s.Value("o2"), 1e-13, what: "V(o2)");
        Close(vo3, s.Value("o3"), 1e-13, what: "V(o3)");
        Close(vo2 - (vo2 / rLoad3) * 10e3, s.Value("v(x3.mid)"), 1e-13, what: "V(x3.mid)");
    }

    [Theory, MemberData(nameof(Backends))]
    public void Rc_step_reaches_63_percent_at_tau(string backend)
    {
        var r = RunFile(backend, "rc_step.cir");
        Assert.Equal("tran", r.AnalysisKind);
        const double tau = 1e-3;
        // The source ramps over 1 ns starting at t = 0, i.e. it acts ~0.5 ns late.
        foreach (double k in new[] { 0.5, 1.0, 2.0, 4.0 })
        {
            double expected = 1 - Math.Exp(-(k * tau - 0.5e-9) / tau);
            Close(expected, r.Interpolate("out", k * tau), 0, 2e-4, what: $"V(out) at {k} tau");
        }
        Close(1 - Math.Exp(-1), r.Interpolate("v(out)", tau), 0, 2e-4, what: "V(out)(tau) = 1 - 1/e");
    }

    [Theory, MemberData(nameof(Backends))]
    public void Rc_step_with_transient_preset_is_tighter(string backend)
    {
        var r = Run(backend, NgspicePrecision.WithTransientOptions(ReadNetlist("rc_step.cir")));
        Close(1 - Math.Exp(-(1e-3 - 0.5e-9) / 1e-3), r.Interpolate("out", 1e-3), 0, 2e-6, what: "V(out)(tau)");
    }

    [Theory, MemberData(nameof(Backends))]
    public void Rl_step_current(string backend)
    {
        var r = RunFile(backend, "rl_step.cir");
        const double tau = 10e-3 / 100;
        foreach (double t in new[] { 50e-6, 100e-6, 300e-6 })
        {
            double i = 0.01 * (1 - Math.Exp(-t / tau));
            Close(i, r.Interpolate("l1#branch", t), 0, 2e-6, what: $"I(L1) at {t}");
            Close(100 * i, r.Interpolate("out", t), 0, 2e-4, what: $"V(out) at {t}");
        }
    }

    [Theory, MemberData(nameof(Backends))]
    public void Rlc_underdamped_ringing(string backend)
    {
        var r = Run(backend, NgspicePrecision.WithTransientOptions(ReadNetlist("rlc_underdamped.cir")));
        double alpha = 10 / (2 * 1e-3), w0 = 1 / Math.Sqrt(1e-3 * 1e-6), wd = Math.Sqrt(w0 * w0 - alpha * alpha);
        foreach (double t in new[] { 50e-6, 100e-6, 157e-6, 400e-6, 900e-6 })
        {
            double v = 1 - Math.Exp(-alpha * t) * (Math.Cos(wd * t) + alpha / wd * Math.Sin(wd * t));
            Close(v, r.Interpolate("out", t), 0, 1e-3, what: $"V(C) at {t}");
        }
    }

    [Theory, MemberData(nameof(Backends))]
    public void Diode_op_matches_newton_solution_to_1e12(string backend)
    {
        var r = Run(backend, TightOp("diode_op.cir"));
        Assert.False(r.UsedHomotopy);
        // 5 V - 1k - diode (IS=1e-14, N=1) with ngspice's gmin = 1e-12 S across the junction.
        double vt = ThermalVoltage, v = 0.7;
        for (int i = 0; i < 100; i++)
        {
            double f = (5 - v) / 1e3 - 1e-14 * (Math.Exp(v / vt) - 1) - 1e-12 * v;
            double df = -1e-3 - 1e-14 / vt * Math.Exp(v / vt) - 1e-12;
            v -= f / df;
        }
        Close(v, r.Value("a"), 1e-12, what: "V(a)");
        Close(-(5 - v) / 1e3, r.Current("v1")[0], 1e-11, what: "I(V1)");
    }

    [Theory, MemberData(nameof(Backends))]
    public void Diode_with_rs_and_n_sweep_matches_newton_solution(string backend)
    {
        var r = Run(backend, NgspicePrecision.WithTightOp(NgspiceNetlist.KeepOnlyAnalysis(ReadNetlist("diode_rs_n.cir"), "dc")));
        Assert.Equal("dc", r.AnalysisKind);
        Assert.Equal(201, r.PointCount);
        double nvt = 1.8 * ThermalVoltage, isat = 5e-9, rTotal = 10 + 5;
        var sweep = r.Sweep;
        var current = r.Current("V1");
        double vd = 0;
        for (int k = 0; k < sweep.Length; k++)
        {
            double vs = sweep[k];
            for (int i = 0; i < 200; i++)
            {
                double id = isat * (Math.Exp(vd / nvt) - 1) + 1e-12 * vd;
                double gd = isat / nvt * Math.Exp(vd / nvt) + 1e-12;
                double f = vs - vd - rTotal * id;
                double step = f / (1 + rTotal * gd);
                vd += Math.Clamp(step, -0.05, 0.05);
                if (Math.Abs(step) < 1e-16) break;
            }
            double expected = isat * (Math.Exp(vd / nvt) - 1) + 1e-12 * vd;
            // At 10 mV the current (1e-9 A) is fixed by a 12 nV drop across 15 ohm read off node
            // voltages of 10 mV: double round-off alone limits it to ~1e-10 relative, hence
            // the absolute floor (eps * V / R ~ 1e-17 A).
            Close(-expected, current[k], 1e-9, 1e-17, what: $"I(V1) at {vs}");
        }
    }

    [Theory, MemberData(nameof(Backends))]
    public void Nmos_level1_saturation_op_matches_square_law(string backend)
    {
        var r = Run(backend, TightOp("nmos_cs.cir"));
        Assert.False(r.UsedHomotopy);
        const double vto = 0.7, kp = 110e-6, lambda = 0.04, gamma = 0.4, phi = 0.65, beta = kp * 10;
        // Unknowns Vs, Vd; drain current Id = beta/2 (Vgs - Vth)^2 (1 + lambda Vds).
        // Bulk junctions (IS = 1e-14 default, reverse biased) leak IS + gmin*V; included.
        double vs = 0.1, vd = 3;
        for (int it = 0; it < 200; it++)
        {
            double Id(double s, double d)
            {
                double vth = vto + gamma * (Math.Sqrt(phi + s) - Math.Sqrt(phi));
                double ov = 1.5 - s - vth;
                return ov <= 0 ? 0 : beta / 2 * ov * ov * (1 + lambda * (d - s));
            }
            double Leak(double v) => 1e-14 * (1 - Math.Exp(-v / ThermalVoltage)) + 1e-12 * v; // current node -> bulk
            double F1(double s, double d) => Id(s, d) - Leak(s) - s / 500;            // KCL at source
            double F2(double s, double d) => (5 - d) / 10e3 - Id(s, d) - Leak(d);       // KCL at drain
            const double h = 1e-7;
            double f1 = F1(vs, vd), f2 = F2(vs, vd);
            double a11 = (F1(vs + h, vd) - F1(vs - h, vd)) / (2 * h), a12 = (F1(vs, vd + h) - F1(vs, vd - h)) / (2 * h);
            double a21 = (F2(vs + h, vd) - F2(vs - h, vd)) / (2 * h), a22 = (F2(vs, vd + h) - F2(vs, vd - h)) / (2 * h);
            double det = a11 * a22 - a12 * a21;
            vs -= (f1 * a22 - f2 * a12) / det;
            vd -= (a11 * f2 - a21 * f1) / det;
        }
        Assert.True(vd - vs > 1.5 - vs - vto, "operating point should be in saturation");
        Close(vs, r.Value("s"), 1e-10, what: "V(s)");
        Close(vd, r.Value("d"), 1e-10, what: "V(d)");
    }
}
