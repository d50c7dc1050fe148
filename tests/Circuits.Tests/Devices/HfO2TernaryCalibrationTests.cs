using CircuitNeuro.Circuits.Devices;
using MathNet.Numerics.Distributions;

namespace CircuitNeuro.Circuits.Tests.Devices;

/// <summary>
/// The Table 4.2 calibration routine against the hand calculation of Devices/README (steps 1–3: medians 150.6 kΩ and
/// 108.9 kΩ, R_c = 9.055 kΩ, c_ref = 1.515e15 Ω/s through the 50 kΩ behavioural frontier), against the closed form
/// P3 = 1 − (1 − p)² of a fixed frontier, and against the closed-form RESET law it inverts.
/// </summary>
public class HfO2TernaryCalibrationTests
{
    [Fact]
    public void Behavioural_fit_reproduces_the_hand_calibration_and_the_model_defaults()
    {
        var fit = HfO2TernaryCalibration.Fit(new BehaviouralPcsaReadRule(), new HfO2FilamentParameters(), 3e3);
        Assert.Equal(150.6e3, fit.LongMedian, 150.6e3 * 1e-3);
        Assert.Equal(108.9e3, fit.ShortMedian, 108.9e3 * 1e-3);
        var defaults = new HfO2FilamentParameters();
        Assert.Equal(defaults.ResetLogScale, fit.Parameters.ResetLogScale, defaults.ResetLogScale * 2e-3);
        Assert.Equal(defaults.ResetRate, fit.Parameters.ResetRate, defaults.ResetRate * 5e-3);
    }

    [Theory]
    [InlineData(50e3, 150e3, 0.6)]
    [InlineData(62e3, 90e3, 0.4)]
    public void Fixed_frontier_rate_matches_the_closed_form(double frontier, double median, double sigma)
    {
        double p = Normal.CDF(0, 1, (Math.Log(frontier) - Math.Log(median)) / sigma);
        double rate = HfO2TernaryCalibration.ZeroMisreadRate(new BehaviouralPcsaReadRule(frontier), median, sigma);
        Assert.Equal(1 - (1 - p) * (1 - p), rate, 1e-6);
    }

    [Fact]
    public void Fitted_reset_law_passes_through_both_medians()
    {
        // A frontier that rises with the other device (as the transistor PCSA's does) and a higher one than 50 kΩ.
        var rule = new BehaviouralPcsaReadRule(62e3);
        var fit = HfO2TernaryCalibration.Fit(rule, new HfO2FilamentParameters(), 3e3);
        var device = new HfO2FilamentMemristor(fit.Parameters);
        double c = device.ResetDriver(2.5), rc = fit.Parameters.ResetLogScale;
        double R(double t) => rc * Math.Log(Math.Exp(3e3 / rc) + c * t / rc);
        Assert.Equal(fit.LongMedian, R(100e-6), fit.LongMedian * 1e-9);
        Assert.Equal(fit.ShortMedian, R(1e-6), fit.ShortMedian * 1e-9);
        Assert.Equal(0.065, HfO2TernaryCalibration.ZeroMisreadRate(rule, fit.LongMedian, 0.6), 1e-9);
        // A higher frontier needs a higher HRS for the same rate: R_med scales with R_f at fixed z.
        Assert.Equal(150.6e3 * 62 / 50, fit.LongMedian, 150.6e3 * 62 / 50 * 1e-3);
    }

    [Fact]
    public void Unreachable_rate_is_a_clear_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => HfO2TernaryCalibration.MedianForRate(new BehaviouralPcsaReadRule(), 1.0, 0.6));
        Assert.Contains("rate", ex.Message);
    }
}
