using CircuitNeuro.Circuits.Devices;

namespace CircuitNeuro.Circuits.Tests.Devices;

/// <summary>
/// The HfO2 filament model against closed forms solved by hand (the integrator never provides the reference):
/// SET at constant applied voltage V_a under compliance I_cc, with u = R/R_∞ and R_∞ = V_set/I_cc:
/// phase 1 (R &gt; V_a/I_cc, full voltage on the cell) ln R falls linearly at k(V_a/V_set − 1);
/// phase 2 (in compliance, v_R = I_cc·R) du/dt = −k·u(u − 1) ⇒ 1/u = 1 − (1 − 1/u₁)e^{−k(t − t₁)}, u₁ = V_a/V_set.
/// RESET at constant v: dR/dt = c·e^{−R/R_c} ⇒ R(t) = R_c·ln(e^{R₀/R_c} + c·t/R_c).
/// </summary>
public class HfO2FilamentClosedFormTests
{
    private const double Vset = 0.6, K = 1e8;

    private static HfO2FilamentParameters P(double icc = double.PositiveInfinity) => new() { SetVoltage = Vset, SetRate = K, ComplianceCurrent = icc };

    private static double Apply(HfO2FilamentParameters p, double r0, ProgrammingPulse pulse)
    {
        var device = new MemristorDevice(new HfO2FilamentMemristor(p), Math.Log(r0));
        new PulseIntegrator { RelativeTolerance = 1e-10 }.Apply(device, pulse);
        return Math.Exp(device.State);
    }

    private static double SetClosedForm(double r0, double va, double icc, double t)
    {
        double rInf = Vset / icc, rSwitch = va / icc;
        double slope = K * (va / Vset - 1);
        double t1 = r0 > rSwitch ? Math.Log(r0 / rSwitch) / slope : 0;
        if (t <= t1) return r0 * Math.Exp(-slope * t);
        double u1 = Math.Min(r0, rSwitch) / rInf;
        return rInf / (1 - (1 - 1 / u1) * Math.Exp(-K * (t - t1)));
    }

    [Theory]
    [InlineData(100e-6, 6e3)]
    [InlineData(200e-6, 3e3)]
    [InlineData(400e-6, 1.5e3)]
    public void Long_set_under_compliance_stops_at_Vset_over_Icc(double icc, double expected)
    {
        // From a 150 kΩ HRS with a 2 V, 1 µs SET (seed S L1449): R_LRS = V_set/I_cc whatever the pulse.
        Assert.Equal(expected, Apply(P(icc), 150e3, new RectangularPulse(2.0, 1e-6)), expected * 1e-6);
        Assert.Equal(expected, Apply(P(icc), 150e3, new RectangularPulse(2.5, 1e-6)), expected * 1e-6);
    }

    [Theory]
    [InlineData(5e-9)]   // phase 1: full voltage on the cell
    [InlineData(15e-9)]  // just after entering compliance
    [InlineData(30e-9)]  // approaching V_set/I_cc
    public void Set_trajectory_matches_the_two_phase_closed_form(double width)
    {
        const double icc = 200e-6, va = 2.0, r0 = 150e3;
        double expected = SetClosedForm(r0, va, icc, width);
        Assert.InRange(expected, 3.01e3, 1.4e5); // a state strictly between start and fixed point
        Assert.Equal(expected, Apply(P(icc), r0, new RectangularPulse(va, width)), expected * 1e-6);
    }

    [Fact]
    public void Without_compliance_the_set_runs_to_the_lower_bound()
    {
        Assert.Equal(1e3, Apply(P(), 150e3, new RectangularPulse(2.0, 1e-6)), 1e-6);
    }

    [Theory]
    [InlineData(2.5, 1e-6)]
    [InlineData(2.5, 100e-6)]
    [InlineData(2.0, 10e-6)]
    [InlineData(1.5, 1e-6)]
    public void Reset_follows_the_log_time_law(double amplitude, double width)
    {
        var p = new HfO2FilamentParameters();
        // c(a) transcribed again: c_ref·(e^{(a − V_ref)/V_0} − e^{(V_th − V_ref)/V_0}).
        double c = p.ResetRate * (Math.Exp((amplitude - 2.5) / 0.15) - Math.Exp((1.0 - 2.5) / 0.15));
        const double r0 = 3e3;
        double expected = p.ResetLogScale * Math.Log(Math.Exp(r0 / p.ResetLogScale) + c * width / p.ResetLogScale);
        Assert.Equal(expected, Apply(p, r0, new RectangularPulse(-amplitude, width)), expected * 1e-6);
    }

    [Fact]
    public void Stronger_reset_gives_a_higher_hrs_and_each_decade_of_time_adds_Rc_ln10()
    {
        var p = new HfO2FilamentParameters();
        double r1 = Apply(p, 3e3, new RectangularPulse(-2.5, 1e-6));
        double r10 = Apply(p, 3e3, new RectangularPulse(-2.5, 10e-6));
        double r100 = Apply(p, 3e3, new RectangularPulse(-2.5, 100e-6));
        Assert.Equal(p.ResetLogScale * Math.Log(10), r10 - r1, 1.0);
        Assert.Equal(p.ResetLogScale * Math.Log(10), r100 - r10, 1.0);
        Assert.True(Apply(p, 3e3, new RectangularPulse(-2.0, 1e-6)) < r1);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.59)]
    [InlineData(-0.99)]
    public void Below_both_thresholds_nothing_moves(double v)
    {
        Assert.Equal(20e3, Apply(P(200e-6), 20e3, new RectangularPulse(v, 1e-3)), 1e-6);
    }

    [Fact]
    public void Current_is_ohmic_below_compliance_and_saturates_at_Icc()
    {
        var m = new HfO2FilamentMemristor(P(200e-6));
        Assert.Equal(2.0 / 100e3, m.Current(2.0, Math.Log(100e3)), 1e-15);
        Assert.Equal(200e-6, m.Current(2.0, Math.Log(3e3)), 1e-15);
        Assert.Equal(0, m.DifferentialConductance(2.0, Math.Log(3e3)));
        Assert.Equal(-2.5 / 3e3, m.Current(-2.5, Math.Log(3e3)), 1e-15); // RESET: no compliance on negative voltages
        Assert.Equal(1 / 50e3, m.ReadConductance(Math.Log(50e3)), 1e-15);
    }
}
