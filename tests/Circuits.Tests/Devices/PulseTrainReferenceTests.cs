using CircuitNeuro.Circuits.Devices;

namespace CircuitNeuro.Circuits.Tests.Devices;

/// <summary>
/// Every model on a mixed pulse train (rectangular, triangular, bipolar PWL; both polarities) against MathNet's
/// fixed-step RK4 with 20 000 steps per pulse on equations transcribed separately (<see cref="ReferenceEquations"/>).
/// Agreement, pulse by pulse: state within 1e-6 of the state range, energy within 1e-5 relative
/// (the reference's first-order error at threshold kinks and jumps dominates; 20 000 steps keep it near 1e-7).
/// </summary>
public class PulseTrainReferenceTests
{
    private const double StateTolerance = 1e-6, EnergyTolerance = 1e-5;

    private static void AssertTrainMatches(IMemristorModel model, MathNetReference.Equations eq, double x0,
        IReadOnlyList<ProgrammingPulse> train, double seriesResistance = 0, double stateTolerance = StateTolerance)
    {
        var device = new MemristorDevice(model, x0);
        var integrator = new PulseIntegrator { SeriesResistance = seriesResistance };
        double xRef = x0, totalChange = 0;
        foreach (var pulse in train)
        {
            var r = integrator.Apply(device, pulse);
            var (x, e) = MathNetReference.Pulse(eq, pulse, xRef, seriesResistance: seriesResistance);
            Assert.True(Math.Abs(r.StateAfter - x) <= stateTolerance * model.StateRange(),
                $"{model.Name} {pulse}: state {r.StateAfter} vs reference {x}");
            Assert.True(Math.Abs(r.DeviceEnergy - e) <= EnergyTolerance * Math.Abs(e),
                $"{model.Name} {pulse}: energy {r.DeviceEnergy} vs reference {e}");
            totalChange += Math.Abs(r.StateChange);
            xRef = x;
        }
        Assert.True(totalChange > 0.05 * model.StateRange(), $"{model.Name}: the train should move the state noticeably (moved {totalChange})");
    }

    private static IReadOnlyList<ProgrammingPulse> Train(double a, double w) =>
    [
        new RectangularPulse(a, w),
        new TriangularPulse(1.3 * a, w, 0.3),
        new RectangularPulse(-a, w, 0.1 * w),
        new PwlPulse(a, 2 * w, [0, 0.2, 0.5, 0.5, 0.8, 1], [0, 1, 1, -1, -1, 0]),
        new RectangularPulse(0.5 * a, w), // below threshold for every model here
        new TriangularPulse(-1.2 * a, w),
    ];

    [Fact]
    public void Seed002_threshold_memristor_with_nonlinearity()
    {
        var p = new ThresholdMemristorParameters { SlopePositive = 30, SlopeNegative = 20, ThresholdNegative = -0.9, EtaPositive = 1.2, EtaNegative = 0.7 };
        AssertTrainMatches(new ThresholdMemristor(p),
            ReferenceEquations.Seed002(p.Gmin, p.Gmax, 30, 20, 1.0, -0.9, 1.2, 0.7), 5e-5, Train(1.5, 1e-6));
    }

    [Fact]
    public void Vteam_linear_iv()
    {
        var p = new VteamParameters { AlphaOn = 2 };
        AssertTrainMatches(new VteamMemristor(p), ReferenceEquations.Vteam(8e5, -8e5, 3, 2, 1, -1, 10e3, 100e3), 0.5, Train(1.5, 1e-6));
    }

    [Fact]
    public void Yakopcic_oblea_fit()
    {
        AssertTrainMatches(new YakopcicMemristor(),
            ReferenceEquations.Yakopcic(0.17, 0.17, 0.05, 0.16, 0.15, 4000, 4000, 0.3, 0.5, 1, 5), 0.4, Train(0.45, 50e-6));
    }

    [Fact]
    public void Vdsp_TiO2_2025_fit()
    {
        // Reference transcription of notes 003 §2.4 with V = −V_mem: SET (1 − w)^γ|e^{α(V − Vth)} − 1|, RESET w^{γγpn}|e^{ααpn(−V − Vth·vthpn)} − 1|, per 20 ns event.
        const double g = 1.6796, a = 0.6790, vth = 1.4323, vpn = 1.0921, gpn = 0.9439, apn = 1.1248, tau = 20e-9;
        var fit = VdspDeviceFits.TiO2;
        var eq = new MathNetReference.Equations(
            (v, w) => v > vth ? Math.Pow(1 - w, g) * Math.Abs(Math.Exp(a * (v - vth)) - 1) / tau
                : v < -vth * vpn ? -(w <= 0.01 ? 1 : Math.Pow(w, g * gpn)) * Math.Abs(Math.Exp(a * apn * (-v - vth * vpn)) - 1) / tau : 0,
            (v, w) => (fit.Gmin + w * (fit.Gmax - fit.Gmin)) * v, 0, 1);
        AssertTrainMatches(new VdspFittedMemristor(fit), eq, 0.5, Train(1.9, 5e-9));
    }

    [Fact]
    public void Vteam_through_series_resistance()
    {
        // 20 kΩ in series with a 10–100 kΩ device: the device sees a state-dependent fraction of the pulse.
        AssertTrainMatches(new VteamMemristor(), ReferenceEquations.Vteam(8e5, -8e5, 3, 3, 1, -1, 10e3, 100e3), 0.3,
            Train(2.2, 2e-6), seriesResistance: 20e3, stateTolerance: 1e-5);
    }

    [Fact]
    public void Vdsp_event_of_reference_width_gives_the_fitted_update()
    {
        // Definition of the time scale: a rectangular pulse of one event duration gives the code's Δw (first order in Δw).
        var fit = VdspDeviceFits.HfO2;
        var device = new MemristorDevice(new VdspFittedMemristor(fit), 0.4);
        const double v = 0.85; // 0.046 V over the 0.8038 V threshold: a small update
        var r = new PulseIntegrator().Apply(device, new RectangularPulse(v, fit.EventDuration));
        double dwEvent = Math.Pow(1 - 0.4, 1.0172) * (Math.Exp(0.9608 * (v - 0.8038)) - 1); // the code's update at w = 0.4
        Assert.Equal(dwEvent, r.StateChange, 0.05 * dwEvent); // first order: the window shrinks by ~γΔw/(2(1 − w)) during the pulse
        // Exact: dw/dt = c(1 − w)^γ/τ ⇒ (1 − w)^{1−γ} = (1 − w₀)^{1−γ} − (1 − γ)c over one event.
        const double gamma = 1.0172;
        double c = Math.Exp(0.9608 * (v - 0.8038)) - 1;
        double w1 = 1 - Math.Pow(Math.Pow(0.6, 1 - gamma) - (1 - gamma) * c, 1 / (1 - gamma));
        Assert.Equal(w1, device.State, 1e-8);
    }

    [Fact]
    public void Same_rule_with_other_pulse_shapes_gives_other_updates()
    {
        // Equal amplitude and width: rectangle > trapezoid > triangle in over-threshold time, so in update.
        double Update(ProgrammingPulse p) => new PulseIntegrator().Apply(new MemristorDevice(new VteamMemristor(), 0.2), p).StateChange;
        double rect = Update(new RectangularPulse(1.5, 1e-6)), trap = Update(new RectangularPulse(1.5, 1e-6, 0.2e-6)), tri = Update(new TriangularPulse(1.5, 1e-6));
        Assert.True(rect > trap && trap > tri && tri > 0, $"{rect} {trap} {tri}");
    }
}
