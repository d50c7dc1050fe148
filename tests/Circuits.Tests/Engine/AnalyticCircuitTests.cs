using CircuitNeuro.Circuits;
using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Elements;
using CircuitNeuro.Circuits.Waveforms;

namespace CircuitNeuro.Circuits.Tests.Engine;

/// <summary>Engine results against closed-form solutions of textbook circuits.</summary>
public class AnalyticCircuitTests
{
    [Fact]
    public void Divider_and_bridge_match_nodal_hand_solution()
    {
        var c = new Circuit();
        c.Add(new VoltageSource("v1", "in", "0", 10));
        c.Add(new Resistor("r1", "in", "a", 1e3));
        c.Add(new Resistor("r2", "a", "0", 3e3));
        c.Add(new Resistor("r3", "a", "b", 2e3));
        c.Add(new Resistor("r4", "b", "0", 2e3));
        using var sys = new MnaSystem(c);
        var op = Analyses.OperatingPoint(sys);
        // r2 || (r3 + r4) = 3k || 4k = 12/7 k; v(a) = 10 * (12/7)/(1 + 12/7) = 120/19.
        Assert.Equal(120.0 / 19, op["v(a)"][0], 12);
        Assert.Equal(60.0 / 19, op["v(b)"][0], 12);
        Assert.Equal(-(10 - 120.0 / 19) / 1e3, op["i(v1)"][0], 15);
    }

    [Theory]
    [InlineData(IntegrationMethod.Trapezoidal)]
    [InlineData(IntegrationMethod.Gear2)]
    public void Rc_step_follows_exponential_and_source_delivers_CV2(IntegrationMethod method)
    {
        const double r = 1e3, cap = 1e-6, v = 5, tau = r * cap;
        var c = new Circuit { Options = new SimulationOptions { Method = method } };
        c.Add(new VoltageSource("v1", "in", "0", double.NaN, new PulseWaveform(0, v, 0, 1e-9, 1e-9, 1, 2)));
        c.Add(new Resistor("r1", "in", "out", r));
        c.Add(new Capacitor("c1", "out", "0", cap));
        using var sys = new MnaSystem(c);
        var (table, sim) = Analyses.Transient(sys, tau / 50, 12 * tau);
        double worst = 0;
        for (int k = 0; k < table.Count; k++)
        {
            double t = table.Scale[k];
            if (t < 1e-8) continue;
            double exact = v * (1 - Math.Exp(-(t - 1e-9) / tau));
            worst = Math.Max(worst, Math.Abs(table["v(out)"][k] - exact));
        }
        Assert.True(worst < 5e-3 * v, $"max deviation {worst} V");
        Assert.True(table.Count < 2000, $"{table.Count} points: step control does not grow the step");
        // After ~12 tau the source has delivered C·V² (half stored, half burnt in R).
        Assert.Equal(cap * v * v, sim.Energy.Delivered(), 2e-3 * cap * v * v);
        Assert.Equal(0.5 * cap * v * v, sim.Energy.Total("r1"), 2e-3 * cap * v * v);
        Assert.Equal(0.5 * cap * v * v, sim.Energy.Total("c1"), 2e-3 * cap * v * v);
    }

    [Fact]
    public void Series_rlc_underdamped_step_matches_closed_form()
    {
        const double r = 10, l = 1e-3, cap = 1e-6, v = 1;
        var c = new Circuit();
        c.Add(new VoltageSource("v1", "in", "0", double.NaN, new PulseWaveform(0, v, 1e-6, 1e-9, 1e-9, 1, 2)));
        c.Add(new Resistor("r1", "in", "a", r));
        c.Add(new Inductor("l1", "a", "b", l));
        c.Add(new Capacitor("c1", "b", "0", cap));
        using var sys = new MnaSystem(c);
        var (table, _) = Analyses.Transient(sys, 1e-6, 1e-3);
        double alpha = r / (2 * l), w0 = 1 / Math.Sqrt(l * cap), wd = Math.Sqrt(w0 * w0 - alpha * alpha);
        double worst = 0;
        for (int k = 0; k < table.Count; k++)
        {
            double t = table.Scale[k] - 1e-6 - 0.5e-9;
            if (t <= 1e-8) continue;
            double exact = v * (1 - Math.Exp(-alpha * t) * (Math.Cos(wd * t) + alpha / wd * Math.Sin(wd * t)));
            worst = Math.Max(worst, Math.Abs(table["v(b)"][k] - exact));
        }
        Assert.True(worst < 1e-2 * v, $"max deviation {worst} V");
    }

    [Fact]
    public void Diode_resistor_matches_lambert_w_solution()
    {
        const double vs = 2, r = 1e3, isat = 1e-14;
        var c = new Circuit();
        c.Add(new VoltageSource("v1", "in", "0", vs));
        c.Add(new Resistor("r1", "in", "a", r));
        c.Add(new Diode("d1", "a", "0", new Models.DiodeModel { Is = isat }));
        using var sys = new MnaSystem(c, Tight());
        OperatingPoint.Solve(sys);
        double vt = Physics.ThermalVoltage(27);
        // I = (vt/R)·W((Is·R/vt)·exp((V + Is·R)/vt)) − Is, neglecting gmin (1e-12 S changes I by < 1e-12 A).
        double current = vt / r * LambertW(isat * r / vt, (vs + isat * r) / vt) - isat;
        Assert.Equal(vs - r * current, sys.Voltage("a"), 9);
    }

    private static SimulationOptions Tight() => new() { RelTol = 1e-12, VnTol = 1e-15, AbsTol = 1e-18 };

    /// <summary>W(a·e^b) for large arguments, by Newton on w + ln w = ln a + b (no overflow).</summary>
    private static double LambertW(double a, double b)
    {
        double target = Math.Log(a) + b, w = target;
        for (int i = 0; i < 100; i++) w -= (w + Math.Log(w) - target) / (1 + 1 / w);
        return w;
    }

    [Fact]
    public void Capacitor_only_node_is_reported_by_name()
    {
        var c = new Circuit();
        c.Add(new VoltageSource("v1", "in", "0", 1));
        c.Add(new Capacitor("c1", "in", "floating", 1e-9));
        c.Add(new Resistor("r1", "in", "0", 1e3));
        using var sys = new MnaSystem(c);
        var ex = Assert.Throws<SingularCircuitException>(() => Analyses.OperatingPoint(sys));
        Assert.Equal("floating", ex.Unknown);
        Assert.Contains("no DC path to ground", ex.Message);
    }

    [Fact]
    public void Loop_of_voltage_sources_is_reported()
    {
        var c = new Circuit();
        c.Add(new VoltageSource("v1", "a", "0", 1));
        c.Add(new VoltageSource("v2", "a", "0", 2));
        c.Add(new Resistor("r1", "a", "0", 1e3));
        using var sys = new MnaSystem(c);
        var ex = Assert.Throws<SingularCircuitException>(() => Analyses.OperatingPoint(sys));
        Assert.Contains("i(v", ex.Unknown);
    }
}
