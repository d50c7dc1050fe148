namespace CircuitNeuro.Circuits.Devices;

/// <summary>
/// Yakopcic model parameters (Yakopcic, Taha, Subramanyam, Pino, Kozma: IEEE EDL 32(10):1436, 2011;
/// generalised in IEEE TCAD 32(8):1201, 2013). Defaults: the 2011 fit to the Oblea et al. Ag-chalcogenide
/// device (a1 = a2 = 0.17, b = 0.05, Vp = 0.16, Vn = 0.15, Ap = An = 4000, xp = 0.3, xn = 0.5,
/// αp = 1, αn = 5, η = 1), the values distributed with the authors' SPICE model.
/// </summary>
public sealed record YakopcicParameters
{
    public double A1 { get; init; } = 0.17;
    public double A2 { get; init; } = 0.17;
    public double B { get; init; } = 0.05;
    /// <summary>Positive threshold Vp &gt; 0.</summary>
    public double Vp { get; init; } = 0.16;
    /// <summary>Negative threshold magnitude Vn &gt; 0 (switching below −Vn).</summary>
    public double Vn { get; init; } = 0.15;
    public double Ap { get; init; } = 4000;
    public double An { get; init; } = 4000;
    public double Xp { get; init; } = 0.3;
    public double Xn { get; init; } = 0.5;
    public double AlphaP { get; init; } = 1;
    public double AlphaN { get; init; } = 5;
    /// <summary>±1: direction of state motion relative to the voltage.</summary>
    public double Eta { get; init; } = 1;

    public void Validate()
    {
        if (!(Vp >= 0) || !(Vn >= 0)) throw new ArgumentException("Yakopcic thresholds are magnitudes ≥ 0");
        if (!(Xp >= 0 && Xp < 1) || !(Xn >= 0 && Xn < 1)) throw new ArgumentException("Yakopcic xp, xn must lie in [0, 1)");
        if (!(A1 > 0) || !(A2 > 0) || !(B > 0)) throw new ArgumentException("Yakopcic a1, a2, b must be > 0");
    }
}

/// <summary>
/// Yakopcic model (2011 EDL Eqs. 1–6; 2013 TCAD): I = a1·x·sinh(bV) for V ≥ 0, a2·x·sinh(bV) for V &lt; 0;
/// dx/dt = η·g(V)·f(x), with g(V) = Ap(e^V − e^Vp) for V &gt; Vp, −An(e^{−V} − e^{Vn}) for V &lt; −Vn, 0 otherwise;
/// f(x) for ηV ≥ 0: e^{−αp(x−xp)}·((xp − x)/(1 − xp) + 1) when x ≥ xp, else 1;
/// for ηV &lt; 0: e^{αn(x+xn−1)}·x/(1 − xn) when x ≤ 1 − xn, else 1. State x ∈ [0, 1].
/// </summary>
public sealed class YakopcicMemristor : IMemristorModel
{
    public YakopcicMemristor(YakopcicParameters? parameters = null)
    {
        Parameters = parameters ?? new YakopcicParameters();
        Parameters.Validate();
    }

    public YakopcicParameters Parameters { get; }
    public string Name => "yakopcic";
    public double MinState => 0;
    public double MaxState => 1;
    public IReadOnlyList<double> SwitchingThresholds => [Parameters.Vp, -Parameters.Vn];

    public double Current(double v, double x) => (v >= 0 ? Parameters.A1 : Parameters.A2) * x * Math.Sinh(Parameters.B * v);

    public double DifferentialConductance(double v, double x) =>
        (v >= 0 ? Parameters.A1 : Parameters.A2) * x * Parameters.B * Math.Cosh(Parameters.B * v);

    public double StateDerivative(double v, double x)
    {
        var p = Parameters;
        double g = v > p.Vp ? p.Ap * (Math.Exp(v) - Math.Exp(p.Vp))
            : v < -p.Vn ? -p.An * (Math.Exp(-v) - Math.Exp(p.Vn))
            : 0;
        if (g == 0) return 0;
        double f;
        if (p.Eta * v >= 0) f = x >= p.Xp ? Math.Exp(-p.AlphaP * (x - p.Xp)) * ((p.Xp - x) / (1 - p.Xp) + 1) : 1;
        else f = x <= 1 - p.Xn ? Math.Exp(p.AlphaN * (x + p.Xn - 1)) * x / (1 - p.Xn) : 1;
        return p.Eta * g * f;
    }
}
