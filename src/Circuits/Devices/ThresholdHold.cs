namespace CircuitNeuro.Circuits.Devices;

/// <summary>
/// The seed-002 threshold memristor (Eq. 3.2 [S L1635], <see cref="ThresholdMemristor"/>) held at a constant voltage,
/// in the normalised state x = (G − Gmin)/(Gmax − Gmin): dx/dt = c·e^{kx} with c = S·|V − Vth|/(Gmax − Gmin) and
/// k = ±η (SET; RESET is the same in 1 − x). It gives the state after a time T and ∫x dt over it, so the ohmic
/// energy V²·∫G dt of a rectangular pulse train is closed form too. With q = k·c·T·e^{k x₀}:
/// x(T) = x₀ + c·T·e^{k x₀}·L(q), L(q) = −ln(1 − q)/q, and ∫₀^T x dt = x₀·T + c·T²·e^{k x₀}·H(q),
/// H(q) = (1 + (1 − q)·ln(1 − q)/q)/q (L = 1, H = ½ for η = 0), until x reaches 1 at the time c·t* = (1 − e^{−k(1−x₀)})/(k·e^{k x₀}).
/// L, H and that ratio use series near 0, so the result is accurate to rounding for every η, including 0.
/// n identical rectangular pulses are one hold of n·T (the device does not move at 0 V between them).
/// </summary>
public static class ThresholdHold
{
    /// <summary>State after holding for <paramref name="duration"/> and ∫x dt over it, from x₀ ∈ [0, 1], rate c ≥ 0 (1/s), exponent k.</summary>
    public static (double State, double Integral) Advance(double x0, double rate, double duration, double k)
    {
        if (rate == 0 || x0 >= 1) return (x0, x0 * duration);
        double growth = rate * Math.Exp(k * x0); // dx/dt at the start
        double d = 1 - x0, toBound = d * ExpRatio(-k * d) / growth; // time to reach x = 1
        if (duration >= toBound)
        {
            double before = x0 * toBound + growth * toBound * toBound * H(k * growth * toBound);
            return (1, before + (duration - toBound));
        }
        double q = k * growth * duration;
        return (Math.Min(1, x0 + growth * duration * L(q)), x0 * duration + growth * duration * duration * H(q));
    }

    /// <summary>
    /// Holds a device of window [<paramref name="gmin"/>, <paramref name="gmax"/>] at <paramref name="volts"/> for
    /// <paramref name="duration"/> (n rectangular pulses: n × width): moves <paramref name="g"/> and returns the ohmic
    /// energy V²·∫G dt. <paramref name="rate"/> is c from <see cref="Rate"/>, <paramref name="k"/> the signed exponent of
    /// the branch that <paramref name="volts"/> drives (SET for V &gt; 0, RESET for V &lt; 0).
    /// </summary>
    public static double Hold(ref double g, double gmin, double gmax, double volts, double rate, double k, double duration)
    {
        double range = gmax - gmin, x = Math.Clamp((g - gmin) / range, 0, 1), integral;
        if (volts < 0)
        {
            var (y, yIntegral) = Advance(1 - x, rate, duration, k);
            (x, integral) = (1 - y, duration - yIntegral);
        }
        else (x, integral) = Advance(x, rate, duration, k);
        g = x >= 1 ? gmax : gmin + range * x; // the bound itself, not its rounding
        return volts * volts * (gmin * duration + range * integral);
    }

    /// <summary>c = S·|V − Vth|/(Gmax − Gmin) of the branch <paramref name="volts"/> drives, 0 between the thresholds.</summary>
    public static double Rate(double volts, double slopePositive, double thresholdPositive, double slopeNegative, double thresholdNegative, double range) =>
        volts > thresholdPositive ? slopePositive * (volts - thresholdPositive) / range
        : volts < thresholdNegative ? slopeNegative * (thresholdNegative - volts) / range
        : 0;

    /// <summary>Signed exponent k of the branch <paramref name="volts"/> drives (η read with the device's convention).</summary>
    public static double Exponent(ThresholdMemristorParameters p, double volts) =>
        (p.Convention == NonLinearityConvention.AsPrinted ? 1 : -1) * (volts < 0 ? p.EtaNegative : p.EtaPositive);

    /// <summary>One device's conductance and ohmic energy after <paramref name="n"/> rectangular pulses of <paramref name="volts"/> and <paramref name="width"/>.</summary>
    public static (double Conductance, double Energy) RectangularPulses(ThresholdMemristorParameters p, double g, double volts, double width, int n)
    {
        double rate = Rate(volts, p.SlopePositive, p.ThresholdPositive, p.SlopeNegative, p.ThresholdNegative, p.Gmax - p.Gmin);
        double energy = Hold(ref g, p.Gmin, p.Gmax, volts, rate, Exponent(p, volts), n * width);
        return (g, energy);
    }

    /// <summary>−ln(1 − q)/q.</summary>
    private static double L(double q) =>
        Math.Abs(q) < 1e-2 ? 1 + q * (1 / 2.0 + q * (1 / 3.0 + q * (1 / 4.0 + q * (1 / 5.0 + q * (1 / 6.0 + q * (1 / 7.0 + q / 8.0)))))) : -Math.Log(1 - q) / q;

    /// <summary>(1 + (1 − q)·ln(1 − q)/q)/q = Σ_{n≥2} q^{n−2}/(n(n−1)).</summary>
    private static double H(double q) =>
        Math.Abs(q) < 1e-2 ? 1 / 2.0 + q * (1 / 6.0 + q * (1 / 12.0 + q * (1 / 20.0 + q * (1 / 30.0 + q * (1 / 42.0 + q / 56.0)))))
        : q >= 1 ? 1 / q : (1 + (1 - q) * Math.Log(1 - q) / q) / q;

    /// <summary>(1 − e^{y})/(−y), 1 at y = 0.</summary>
    private static double ExpRatio(double y) =>
        Math.Abs(y) < 1e-2 ? 1 + y * (1 / 2.0 + y * (1 / 6.0 + y * (1 / 24.0 + y * (1 / 120.0 + y / 720.0)))) : (Math.Exp(y) - 1) / y;
}
