namespace CircuitNeuro.Circuits.Devices;

/// <summary>
/// Closed-form solution of the seed-002 threshold memristor (Eq. 3.2 [S L1635], <see cref="ThresholdMemristor"/>) under a
/// constant voltage: with x = (G − Gmin)/(Gmax − Gmin), SET obeys dx/dt = c·e^{kx}, whose solution is
/// e^{−k x₁} = e^{−k x₀} − k·c·t (x₁ = x₀ + c·t when k = 0); RESET is the same in 1 − x. The state stops at the bounds.
/// Learning rules apply millions of such writes (EqSpike), so the adaptive integrator is only used to check this (tests).
/// </summary>
public static class ThresholdWrite
{
    /// <summary>Conductance after <paramref name="duration"/> s at <paramref name="volts"/> for a device with these (drawn) parameters.</summary>
    public static double Step(ThresholdMemristorParameters p, double slopePos, double slopeNeg, double vthPos, double vthNeg, double g, double volts, double duration)
    {
        double range = p.Gmax - p.Gmin;
        double x = Math.Clamp((g - p.Gmin) / range, 0, 1);
        double sign = p.Convention == NonLinearityConvention.AsPrinted ? 1 : -1;
        if (volts > vthPos && x < 1)
            x = Advance(x, slopePos * (volts - vthPos) * duration / range, sign * p.EtaPositive);
        else if (volts < vthNeg && x > 0)
            x = 1 - Advance(1 - x, slopeNeg * (vthNeg - volts) * duration / range, sign * p.EtaNegative);
        return p.Gmin + range * x;
    }

    /// <summary>x after dx/dt = c·e^{kx} with c·t = <paramref name="ct"/> ≥ 0, clamped to [0, 1].</summary>
    private static double Advance(double x0, double ct, double k)
    {
        if (k == 0) return Math.Min(1, x0 + ct);
        double rhs = Math.Exp(-k * x0) - k * ct;
        if (rhs <= 0) return 1;
        return Math.Min(1, -Math.Log(rhs) / k);
    }
}
