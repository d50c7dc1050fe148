using CircuitNeuro.Circuits.Devices;

namespace CircuitNeuro.Circuits.Tests.Devices;

/// <summary>
/// Seed 002 Eq. (3.2) is separable: with u the normalised distance from the bound the device leaves,
/// du/dt = (S/ΔG)·(|V| − |Vth|)⁺·e^{ηu}, so for any pulse shape e^{−ηu₀} − e^{−ηu} = η·(S/ΔG)·∫(|V| − |Vth|)⁺ dt.
/// The integrals of the shapes are computed by hand here; the integrator must reproduce the closed form.
/// </summary>
public class ThresholdMemristorClosedFormTests
{
    private const double Gmin = 1e-5, Gmax = 1e-4, Range = Gmax - Gmin, Vth = 1.0, S = 18; // S/(V·s): 100× the seed's intermediate speed

    private static ThresholdMemristorParameters Params(double eta) => new()
    {
        Gmin = Gmin, Gmax = Gmax, SlopePositive = S, SlopeNegative = S, ThresholdPositive = Vth, ThresholdNegative = -Vth,
        EtaPositive = eta, EtaNegative = eta,
    };

    /// <summary>u after a pulse whose over-threshold integral is <paramref name="overdrive"/> (V·s).</summary>
    private static double ClosedForm(double u0, double eta, double overdrive)
    {
        double kappa = S / Range * overdrive;
        return eta == 0 ? u0 + kappa : -Math.Log(Math.Exp(-eta * u0) - eta * kappa) / eta;
    }

    public static TheoryData<string, double> Shapes => new()
    {
        { "rectangular", 0 }, { "triangular", 0 }, { "trapezoid", 0 },
        { "rectangular", 1.5 }, { "triangular", 1.5 }, { "trapezoid", 1.5 }, { "triangular", -2 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Set_pulse_of_any_shape_matches_closed_form(string shape, double eta)
    {
        const double w = 2e-6;
        // Over-threshold integrals by hand: rectangle (A − Vth)·W; triangle (any peak position) W(A − Vth)²/(2A);
        // trapezoid with edges e: (A − Vth)(W − 2e) + 2·e(A − Vth)²/(2A).
        (ProgrammingPulse pulse, double overdrive) = shape switch
        {
            "rectangular" => ((ProgrammingPulse)new RectangularPulse(1.5, w), 0.5 * w),
            "triangular" => (new TriangularPulse(1.8, w, 0.3), w * 0.8 * 0.8 / (2 * 1.8)),
            _ => (new RectangularPulse(1.6, w, 0.25 * w), 0.6 * 0.5 * w + 2 * 0.25 * w * 0.6 * 0.6 / (2 * 1.6)),
        };
        var device = new MemristorDevice(new ThresholdMemristor(Params(eta)), Gmin + 0.3 * Range);
        new PulseIntegrator().Apply(device, pulse);
        double expected = ClosedForm(0.3, eta, overdrive);
        Assert.InRange(expected, 0.31, 0.99); // a sizeable change that stays inside the bounds
        Assert.Equal(expected, (device.State - Gmin) / Range, 1e-7);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Bipolar_pwl_pulse_sets_then_resets_by_the_closed_form(double eta)
    {
        // A-EqSpike-like programming pulse (seed 002 §4.2): +A for the first half, −A for the second.
        const double w = 2e-6, a = 1.4;
        var pulse = new PwlPulse(a, w, [0, 0.5, 0.5, 1], [1, 1, -1, -1]);
        var device = new MemristorDevice(new ThresholdMemristor(Params(eta)), Gmin + 0.5 * Range);
        new PulseIntegrator().Apply(device, pulse);
        double afterSet = ClosedForm(0.5, eta, (a - Vth) * w / 2);           // u measured from Gmin
        double afterReset = 1 - ClosedForm(1 - afterSet, eta, (a - Vth) * w / 2); // u measured from Gmax
        Assert.Equal(afterReset, (device.State - Gmin) / Range, 1e-7);
    }

    [Fact]
    public void Linear_device_energy_is_V2_times_integral_of_G()
    {
        // η = 0, rectangular: G(t) = G0 + k t with k = S(V − Vth); E = V²(G0 W + k W²/2).
        const double v = 1.5, w = 1e-6, g0 = 3e-5;
        var device = new MemristorDevice(new ThresholdMemristor(Params(0)), g0);
        var r = new PulseIntegrator().Apply(device, new RectangularPulse(v, w));
        double k = S * (v - Vth);
        Assert.Equal(g0 + k * w, device.State, 1e-12 * Gmax);
        Assert.Equal(v * v * (g0 * w + k * w * w / 2), r.DeviceEnergy, 1e-9 * r.DeviceEnergy);
        Assert.Equal(v * (g0 * w + k * w * w / 2), r.Charge, 1e-9 * r.Charge);
    }

    [Fact]
    public void Sub_threshold_pulse_changes_nothing_and_costs_G_times_integral_of_V2()
    {
        const double a = 0.9, w = 1e-6, g0 = 5e-5;
        var device = new MemristorDevice(new ThresholdMemristor(Params(1)), g0);
        var r = new PulseIntegrator().Apply(device, new TriangularPulse(a, w));
        Assert.Equal(g0, device.State);
        Assert.Equal(g0 * a * a * w / 3, r.DeviceEnergy, 1e-10 * r.DeviceEnergy);
    }

    [Fact]
    public void Long_pulse_saturates_at_the_bound()
    {
        var device = new MemristorDevice(new ThresholdMemristor(Params(0)), Gmin + 0.9 * Range);
        var r = new PulseIntegrator().Apply(device, new RectangularPulse(2, 1e-3));
        Assert.Equal(Gmax, device.State);
        Assert.Equal(Gmax - (Gmin + 0.9 * Range), r.StateChange, 1e-15);
    }

    [Fact]
    public void Saturating_convention_slows_down_toward_the_bound()
    {
        // With e^{−ηu} the same pulse moves the device less near Gmax than near Gmin; as printed (e^{+ηu}) it moves it more.
        double Step(NonLinearityConvention c, double u0)
        {
            var d = new MemristorDevice(new ThresholdMemristor(Params(1.5) with { Convention = c }), Gmin + u0 * Range);
            return new PulseIntegrator().Apply(d, new RectangularPulse(1.2, 1e-7)).StateChange;
        }
        Assert.True(Step(NonLinearityConvention.Saturating, 0.8) < Step(NonLinearityConvention.Saturating, 0.2));
        Assert.True(Step(NonLinearityConvention.AsPrinted, 0.8) > Step(NonLinearityConvention.AsPrinted, 0.2));
        // Small-step ratio is e^{∓η·Δu}: e^{−1.5·0.6} for the saturating reading.
        Assert.Equal(Math.Exp(-1.5 * 0.6), Step(NonLinearityConvention.Saturating, 0.8) / Step(NonLinearityConvention.Saturating, 0.2), 1e-3);
    }
}
