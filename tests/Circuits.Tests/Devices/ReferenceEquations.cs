namespace CircuitNeuro.Circuits.Tests.Devices;

/// <summary>Model equations transcribed again from the papers, independently of the device classes, for the references.</summary>
internal static class ReferenceEquations
{
    /// <summary>Seed 002 Eq. (3.2) as printed, G in siemens, ohmic.</summary>
    public static MathNetReference.Equations Seed002(double gmin, double gmax, double sp, double sn, double vtp, double vtn, double etap, double etan) => new(
        (v, g) => v > vtp ? sp * (v - vtp) * Math.Exp(etap * (g - gmin) / (gmax - gmin))
            : v < vtn ? sn * (v - vtn) * Math.Exp(etan * (gmax - g) / (gmax - gmin)) : 0,
        (v, g) => g * v, gmin, gmax);

    /// <summary>VTEAM (Kvatinsky 2015) with normalised w, linear R(w), no window.</summary>
    public static MathNetReference.Equations Vteam(double koff, double kon, double aoff, double aon, double voff, double von, double ron, double roff) => new(
        (v, w) => v > voff ? koff * Math.Pow(v / voff - 1, aoff) : v < von ? kon * Math.Pow(v / von - 1, aon) : 0,
        (v, w) => v / (ron + (roff - ron) * w), 0, 1);

    /// <summary>Yakopcic (2011/2013), η = 1, as the authors' SPICE functions G(V), F(V, x), IVRel(V, x).</summary>
    public static MathNetReference.Equations Yakopcic(double a1, double a2, double b, double vp, double vn, double ap, double an,
        double xp, double xn, double alphap, double alphan) => new(
        (v, x) =>
        {
            double g = v <= vp ? (v >= -vn ? 0 : -an * (Math.Exp(-v) - Math.Exp(vn))) : ap * (Math.Exp(v) - Math.Exp(vp));
            double f = v >= 0 ? (x >= xp ? Math.Exp(-alphap * (x - xp)) * ((xp - x) / (1 - xp) + 1) : 1)
                : (x <= 1 - xn ? Math.Exp(alphan * (x + xn - 1)) * x / (1 - xn) : 1);
            return g * f;
        },
        (v, x) => v >= 0 ? a1 * x * Math.Sinh(b * v) : a2 * x * Math.Sinh(b * v), 0, 1);
}
