using MathNet.Numerics.Distributions;

namespace CircuitNeuro.Circuits.Devices;

/// <summary>Table 4.2's Type 3 rates (0 → ±1) for the two Fig. 4.7 pulse widths [S L1486–1490, L1518].</summary>
public sealed record Table42Targets(double LongPulse = 100e-6, double LongRate = 0.065, double ShortPulse = 1e-6, double ShortRate = 0.185);

/// <summary>The fitted RESET law and the HRS medians it was fitted through.</summary>
public sealed record HfO2Calibration(HfO2FilamentParameters Parameters, double LongMedian, double ShortMedian);

/// <summary>
/// Fits the two free RESET parameters of <see cref="HfO2FilamentParameters"/> (c_ref, R_c) to Table 4.2 through a given read
/// rule (Devices/README, "Table 4.2 calibration"): the calibration belongs to the read it was fitted through, since Type 3
/// counts zero pairs (two lognormal HRS devices, median R_med, σ_ln) that the rule reads as ±1.
/// 1. P3(R_med) = 2∫ φ(z)·Φ((ln a*(R_z) − ln R_med)/σ) dz, R_z = R_med·e^{σz}, a* the rule's <see cref="IPcsaZeroFrontier.ZeroFrontier"/>
///    (for a fixed frontier R_f: 1 − (1 − p)², p = Φ((ln R_f − ln R_med)/σ)); solved for R_med at each rate.
/// 2. The log-time RESET law R(t) = R_c·ln(e^{R₀/R_c} + c·t/R_c) through both medians from R₀ = the compliance LRS gives R_c,
///    then c(V_ref) and c_ref = c(V_ref)/(1 − e^{(V_th − V_ref)/V_0}).
/// </summary>
public static class HfO2TernaryCalibration
{
    private const double ZSpan = 8;
    private const int ZSteps = 3200;

    /// <summary>P3: probability that a zero pair with HRS medians <paramref name="median"/> and log-spread <paramref name="sigmaLn"/> reads ±1.</summary>
    public static double ZeroMisreadRate(IPcsaZeroFrontier rule, double median, double sigmaLn)
    {
        if (!(median > 0) || !(sigmaLn > 0)) throw new ArgumentException($"need median > 0 and σ_ln > 0 (got {median}, {sigmaLn})");
        double mu = Math.Log(median), h = 2 * ZSpan / ZSteps, sum = 0;
        for (int k = 0; k <= ZSteps; k++)
        {
            double z = -ZSpan + k * h;
            double frontier = rule.ZeroFrontier(Math.Exp(mu + sigmaLn * z));
            double term = Normal.PDF(0, 1, z) * Normal.CDF(0, 1, (Math.Log(frontier) - mu) / sigmaLn);
            sum += (k == 0 || k == ZSteps) ? term / 2 : term;
        }
        return 2 * sum * h;
    }

    /// <summary>The HRS median at which <see cref="ZeroMisreadRate"/> equals <paramref name="rate"/> (bisection in ln R over 1 kΩ–1 GΩ).</summary>
    public static double MedianForRate(IPcsaZeroFrontier rule, double rate, double sigmaLn)
    {
        if (!(rate > 0 && rate < 1)) throw new ArgumentException($"rate must be in (0, 1) (got {rate})");
        double lo = Math.Log(1e3), hi = Math.Log(1e9);
        if (ZeroMisreadRate(rule, Math.Exp(lo), sigmaLn) < rate || ZeroMisreadRate(rule, Math.Exp(hi), sigmaLn) > rate)
            throw new ArgumentException($"Type 3 rate {rate} not reachable with HRS medians in 1 kΩ–1 GΩ through this read rule");
        for (int k = 0; k < 60; k++)
        {
            double mid = (lo + hi) / 2;
            if (ZeroMisreadRate(rule, Math.Exp(mid), sigmaLn) > rate) lo = mid; else hi = mid;
        }
        return Math.Exp((lo + hi) / 2);
    }

    /// <summary>
    /// (c_ref, R_c) of <paramref name="nominal"/> refitted so that Fig. 4.7 programming (RESET at V_ref from <paramref name="startResistance"/>)
    /// gives Table 4.2's Type 3 rates through <paramref name="rule"/>. Everything else in <paramref name="nominal"/> is kept.
    /// </summary>
    public static HfO2Calibration Fit(IPcsaZeroFrontier rule, HfO2FilamentParameters nominal, double startResistance, Table42Targets? targets = null)
    {
        var t = targets ?? new Table42Targets();
        double rLong = MedianForRate(rule, t.LongRate, nominal.ResetSigmaLn), rShort = MedianForRate(rule, t.ShortRate, nominal.ResetSigmaLn);
        if (!(rLong > rShort && rShort > startResistance))
            throw new ArgumentException($"Table 4.2 medians {rShort:G4} Ω (short) and {rLong:G4} Ω (long) must rise above R₀ = {startResistance:G4} Ω");
        double ratio = t.LongPulse / t.ShortPulse;
        // e^{(R_L−R_S)/R_c} − e^{(R₀−R_S)/R_c} − ratio·(1 − e^{(R₀−R_S)/R_c}) = 0: positive for small R_c, negative for large.
        double Gap(double rc) => Math.Exp((rLong - rShort) / rc) - Math.Exp((startResistance - rShort) / rc) - ratio * (1 - Math.Exp((startResistance - rShort) / rc));
        double lo = Math.Log(10), hi = Math.Log(1e8);
        for (int k = 0; k < 100; k++)
        {
            double mid = (lo + hi) / 2;
            if (Gap(Math.Exp(mid)) > 0) lo = mid; else hi = mid;
        }
        double rc = Math.Exp((lo + hi) / 2);
        // c·t_S = R_c(e^{R_S/R_c} − e^{R₀/R_c}), written relative to e^{R_S/R_c} to stay finite.
        double cAtRef = rc * Math.Exp(rShort / rc) * (1 - Math.Exp((startResistance - rShort) / rc)) / t.ShortPulse;
        double cRef = cAtRef / (1 - Math.Exp((nominal.ResetThreshold - nominal.ResetReferenceVoltage) / nominal.ResetVoltageScale));
        return new HfO2Calibration(nominal with { ResetRate = cRef, ResetLogScale = rc }, rLong, rShort);
    }
}
