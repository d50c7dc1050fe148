namespace CircuitNeuro.Circuits.Elements;

/// <summary>
/// Shared pn-junction numerics: SPICE's junction voltage limiting (pnjlim) so that Newton never
/// evaluates exp() of a voltage far above the last one, and the critical voltage where it starts.
/// </summary>
public static class Junction
{
    /// <summary>Voltage above which exp(v/vt) grows too fast for a full Newton step.</summary>
    public static double CriticalVoltage(double vt, double saturationCurrent) =>
        vt * Math.Log(vt / (Math.Sqrt(2) * saturationCurrent));

    /// <summary>Limits a new junction voltage; <paramref name="limited"/> tells whether it had to.</summary>
    public static double Limit(double vNew, double vOld, double vt, double vCrit, out bool limited)
    {
        limited = false;
        if (vNew > vCrit && Math.Abs(vNew - vOld) > 2 * vt)
        {
            limited = true;
            if (vOld > 0)
            {
                double arg = 1 + (vNew - vOld) / vt;
                return arg > 0 ? vOld + vt * Math.Log(arg) : vCrit;
            }
            return vt * Math.Log(vNew / vt);
        }
        return vNew;
    }

    /// <summary>
    /// Depletion charge and capacitance of a junction with zero-bias capacitance cj0, built-in
    /// potential vj and grading m; above fc·vj the capacitance continues linearly (SPICE) so it stays finite.
    /// </summary>
    public static (double Charge, double Capacitance) DepletionCharge(double v, double cj0, double vj, double m, double fc)
    {
        if (cj0 == 0) return (0, 0);
        if (v < fc * vj)
        {
            double arg = 1 - v / vj;
            double sarg = Math.Pow(arg, -m);
            return (vj * cj0 * (1 - arg * sarg) / (1 - m), cj0 * sarg);
        }
        double f1 = vj * (1 - Math.Pow(1 - fc, 1 - m)) / (1 - m);
        double f2 = Math.Pow(1 - fc, 1 + m);
        double f3 = 1 - fc * (1 + m);
        double fcv = fc * vj;
        return (cj0 * f1 + cj0 / f2 * (f3 * (v - fcv) + m / (2 * vj) * (v * v - fcv * fcv)),
                cj0 / f2 * (f3 + m * v / vj));
    }
}
