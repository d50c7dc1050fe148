using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Models;

namespace CircuitNeuro.Circuits.Tests.Ekv;

/// <summary>
/// The EKV 2.6 core against closed forms no one here derived from our code: the weak-inversion slope
/// n·U_T·ln10 per decade, the strong-inversion square law of Shichman–Hodges, the SPICE band-gap/threshold
/// temperature laws, the long-channel charge limits (C_gg = C_ox·W·L in the linear region, C_gs = ⅔·C_ox·W·L
/// in saturation), and every analytic derivative against central differences.
/// </summary>
public class EkvClosedFormTests
{
    private const double W = 2e-6, L = 0.5e-6;
    private static readonly EkvModel Plain = new() { Vto = 0.6, Kp = 100e-6, Gamma = 0, Phi = 0.8, Theta = 0, Lambda = 0, Cox = 3e-3, Tcv = 1e-3, Bex = -1.5 };
    private static readonly EkvModel Full = Plain with { Gamma = 0.5, Theta = 0.1, Lambda = 0.05 };

    private static EkvTemperature At(EkvModel m, double celsius = 27) => m.AtTemperature(celsius, 27);

    private static double Id(EkvModel m, double vg, double vd, double vs, double celsius = 27)
    {
        var t = At(m, celsius);
        return EkvCore.Current(m, t, t.Kp * W / L, vg, vd, vs).Id;
    }

    [Fact]
    public void Weak_inversion_slope_is_UT_ln10_without_body_effect_and_n_UT_ln10_with_it()
    {
        double ut = Physics.ThermalVoltage(27);
        // γ = 0: n = 1 exactly, so 59.5 mV/decade at 300 K.
        double s0 = 0.02 / Math.Log10(Id(Plain, 0.07, 1, 0) / Id(Plain, 0.05, 1, 0));
        Assert.Equal(ut * Math.Log(10), s0, 1e-3 * s0);

        // γ > 0: textbook n = 1 + γ/(2√(ψ_s)) with ψ_s the surface potential at the gate bias, solved
        // independently here from V_G − V_FB = ψ_s + γ√ψ_s (depletion approximation).
        var m = Plain with { Gamma = 0.5 };
        double vfb = m.Vto - m.Phi - m.Gamma * Math.Sqrt(m.Phi);
        double vg = 0.3;
        double root = (-m.Gamma + Math.Sqrt(m.Gamma * m.Gamma + 4 * (vg - vfb))) / 2;
        double nTextbook = 1 + m.Gamma / (2 * root);
        double s = 0.01 / Math.Log10(Id(m, vg + 0.005, 1, 0) / Id(m, vg - 0.005, 1, 0));
        Assert.Equal(nTextbook * ut * Math.Log(10), s, 0.02 * s);
    }

    [Theory]
    [InlineData(1.6, 3.0)]  // saturation: β/2·(V_GS − V_T)²
    [InlineData(1.8, 0.1)]  // linear: β·((V_GS − V_T)·V_DS − V_DS²/2)
    public void Strong_inversion_without_body_effect_is_the_square_law(double vg, double vd)
    {
        double beta = Plain.Kp * W / L, vov = vg - Plain.Vto;
        double expected = vd >= vov ? beta / 2 * vov * vov : beta * (vov * vd - vd * vd / 2);
        Assert.Equal(expected, Id(Plain, vg, vd, 0), 1e-6 * expected);
    }

    [Fact]
    public void Temperature_follows_TCV_BEX_and_the_thermal_voltage()
    {
        // Strong-inversion saturation: KP(T)·W/L/2·(V_G − VTO(T))².
        double t = 60 + Physics.KelvinOffset, tnom = 27 + Physics.KelvinOffset;
        double kp = Plain.Kp * Math.Pow(t / tnom, Plain.Bex), vto = Plain.Vto - Plain.Tcv * (t - tnom);
        double expected = kp * W / L / 2 * (1.7 - vto) * (1.7 - vto);
        Assert.Equal(expected, Id(Plain, 1.7, 3, 0, 60), 1e-6 * expected);
        // Weak-inversion slope scales with kT/q.
        double s = 0.02 / Math.Log10(Id(Plain, 0.07, 1, 0, 60) / Id(Plain, 0.05, 1, 0, 60));
        Assert.Equal(Physics.Boltzmann * t / Physics.Charge * Math.Log(10), s, 1e-3 * s);
        // PHI(T) of EKV 2.6 at Tnom is the card value.
        Assert.Equal(Plain.Phi, At(Plain).Phi, 12);
    }

    [Fact]
    public void Current_and_transconductance_are_continuous_from_weak_to_strong_inversion()
    {
        var t = At(Full);
        double beta = t.Kp * W / L, prevI = 0, prevGm = 0, worstGmJump = 0;
        for (double vg = 0; vg <= 2.0 + 1e-12; vg += 1e-3)
        {
            var op = EkvCore.Current(Full, t, beta, vg, 1.2, 0.1);
            if (vg > 0)
            {
                // Over 1 mV neither I nor g_m may move by more than the local slope predicts (no kinks or jumps).
                Assert.True(Math.Abs(op.Id - prevI) <= 1e-3 * Math.Max(op.Gg, prevGm) * 1.01 + 1e-18, $"I jumps at {vg}");
                worstGmJump = Math.Max(worstGmJump, Math.Abs(op.Gg - prevGm) / Math.Max(op.Gg, 1e-15));
            }
            Assert.True(op.Id > prevI, $"I not increasing at {vg}");
            prevI = op.Id;
            prevGm = op.Gg;
        }
        Assert.True(worstGmJump < 0.045, $"g_m changes by {worstGmJump:P} over 1 mV somewhere");
    }

    [Theory]
    [InlineData(0.3, 0.9, 0.1)]
    [InlineData(0.9, 0.05, 0.3)]
    [InlineData(1.2, 0.2, 0.6)] // V_DS < 0: source and drain swap roles
    [InlineData(1.5, 1.5, 0.0)]
    [InlineData(-0.8, 0.5, 0.0)] // below flat band
    public void Analytic_derivatives_match_central_differences(double vg, double vd, double vs)
    {
        var t = At(Full);
        double beta = t.Kp * W / L, h = 1e-6;
        var op = EkvCore.Current(Full, t, beta, vg, vd, vs);
        double I(double g, double d, double s) => EkvCore.Current(Full, t, beta, g, d, s).Id;
        double scale = Math.Max(Math.Abs(op.Gg) + Math.Abs(op.Gd) + Math.Abs(op.Gs), 1e-18);
        Assert.Equal((I(vg + h, vd, vs) - I(vg - h, vd, vs)) / (2 * h), op.Gg, 1e-6 * scale);
        Assert.Equal((I(vg, vd + h, vs) - I(vg, vd - h, vs)) / (2 * h), op.Gd, 1e-6 * scale);
        Assert.Equal((I(vg, vd, vs + h) - I(vg, vd, vs - h)) / (2 * h), op.Gs, 1e-6 * scale);
    }

    [Fact]
    public void Source_drain_symmetry_reverses_the_current()
    {
        Assert.Equal(-Id(Full, 1.1, 0.2, 0.7), Id(Full, 1.1, 0.7, 0.2), 1e-15);
    }

    [Fact]
    public void Charges_sum_to_zero_and_meet_the_long_channel_capacitance_limits()
    {
        var t = At(Plain);
        double cox = Plain.Cox * W * L, h = 1e-4;
        var q = EkvCore.Charges(Plain, t, cox, 1.5, 0.4, 0.4);
        Assert.Equal(0, q.Qg + q.Qd + q.Qs + q.Qb, 1e-12 * cox);
        // Linear region (V_D = V_S), strong inversion: C_gg = C_ox·W·L (γ = 0: no depletion share).
        double cgg = (EkvCore.Charges(Plain, t, cox, 1.5 + h, 0.4, 0.4).Qg - EkvCore.Charges(Plain, t, cox, 1.5 - h, 0.4, 0.4).Qg) / (2 * h);
        Assert.Equal(cox, cgg, 0.02 * cox);
        // Saturation (drain far above pinch-off): C_gg = ⅔·C_ox·W·L, the classic gate–source share.
        double cgs = (EkvCore.Charges(Plain, t, cox, 1.6 + h, 3, 0).Qg - EkvCore.Charges(Plain, t, cox, 1.6 - h, 3, 0).Qg) / (2 * h);
        Assert.Equal(2.0 / 3 * cox, cgs, 0.02 * cox);
        // Weak inversion: the channel holds (almost) no charge.
        var weak = EkvCore.Charges(Plain, t, cox, 0.1, 1, 0);
        Assert.True(Math.Abs(weak.Qd + weak.Qs) < 1e-3 * cox, $"channel charge {weak.Qd + weak.Qs}");
    }

    [Fact]
    public void Card_errors_name_the_model_and_parameter()
    {
        var ex = Assert.Throws<CircuitException>(() => EkvModel.FromParameters("nx", "nmos",
            new Dictionary<string, double> { ["level"] = 44, ["kp"] = -1 }));
        Assert.Contains("nx", ex.Message);
        Assert.Contains("KP", ex.Message);
        ex = Assert.Throws<CircuitException>(() => EkvModel.FromParameters("nx", "nmos",
            new Dictionary<string, double> { ["level"] = 44, ["tox"] = 1e-8 }));
        Assert.Contains("tox", ex.Message);
    }
}
