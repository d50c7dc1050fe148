namespace CircuitNeuro.Circuits.Devices;

public enum VteamIvShape { Linear, Exponential }

public enum VteamWindow
{
    /// <summary>No window: only the hard bounds stop the state.</summary>
    Rectangular,
    /// <summary>Kvatinsky's TEAM windows: f_off = exp(−exp((w − a_off)/w_c)), f_on = exp(−exp(−(w − a_on)/w_c)).</summary>
    Kvatinsky,
}

/// <summary>
/// VTEAM parameters (Kvatinsky, Ramadan, Friedman, Kolodny, IEEE TCAS-II 62(8):786, 2015) with the
/// state normalised to w ∈ [0, 1] (w = 0 at R_ON, 1 at R_OFF), so k_on, k_off are in 1/s (the
/// paper's k divided by w_off − w_on). The defaults are illustrative, not a published fit:
/// ±1 V thresholds and a rate that moves w by ~0.1 in 1 µs at 1.5 V.
/// </summary>
public sealed record VteamParameters
{
    /// <summary>k_off &gt; 0: rate toward R_OFF for v &gt; v_off.</summary>
    public double KOff { get; init; } = 8e5;
    /// <summary>k_on &lt; 0: rate toward R_ON for v &lt; v_on.</summary>
    public double KOn { get; init; } = -8e5;
    public double AlphaOff { get; init; } = 3;
    public double AlphaOn { get; init; } = 3;
    /// <summary>v_off &gt; 0.</summary>
    public double VOff { get; init; } = 1.0;
    /// <summary>v_on &lt; 0.</summary>
    public double VOn { get; init; } = -1.0;
    public double ROn { get; init; } = 10e3;
    public double ROff { get; init; } = 100e3;
    public VteamIvShape IvShape { get; init; } = VteamIvShape.Linear;
    public VteamWindow Window { get; init; } = VteamWindow.Rectangular;
    public double AOn { get; init; }
    public double AOff { get; init; } = 1;
    public double WindowWidth { get; init; } = 0.05;

    public void Validate()
    {
        if (!(KOff > 0) || !(KOn < 0)) throw new ArgumentException("VTEAM needs k_off > 0 > k_on");
        if (!(VOff > 0) || !(VOn < 0)) throw new ArgumentException("VTEAM needs v_off > 0 > v_on");
        if (!(ROn > 0) || !(ROff > ROn)) throw new ArgumentException("VTEAM needs 0 < R_ON < R_OFF");
    }
}

/// <summary>
/// VTEAM (Kvatinsky et al. 2015, Eqs. 1–3): dw/dt = k_off(v/v_off − 1)^α_off·f_off(w) for v &gt; v_off &gt; 0,
/// k_on(v/v_on − 1)^α_on·f_on(w) for v &lt; v_on &lt; 0, 0 in between. I–V (Eq. 2): linear
/// R(w) = R_ON + (R_OFF − R_ON)·w, or exponential i = v/R_ON·e^{−λw} with λ = ln(R_OFF/R_ON).
/// Positive voltage moves toward R_OFF (the paper's convention).
/// </summary>
public sealed class VteamMemristor : IMemristorModel
{
    public VteamMemristor(VteamParameters? parameters = null)
    {
        Parameters = parameters ?? new VteamParameters();
        Parameters.Validate();
    }

    public VteamParameters Parameters { get; }
    public string Name => "vteam";
    public double MinState => 0;
    public double MaxState => 1;
    public IReadOnlyList<double> SwitchingThresholds => [Parameters.VOff, Parameters.VOn];

    public double Resistance(double w)
    {
        var p = Parameters;
        return p.IvShape == VteamIvShape.Linear ? p.ROn + (p.ROff - p.ROn) * w : p.ROn * Math.Exp(Math.Log(p.ROff / p.ROn) * w);
    }

    public double Current(double v, double x) => v / Resistance(x);

    public double DifferentialConductance(double v, double x) => 1 / Resistance(x);

    public double StateDerivative(double v, double x)
    {
        var p = Parameters;
        if (v > p.VOff) return p.KOff * Math.Pow(v / p.VOff - 1, p.AlphaOff) * WindowOff(x);
        if (v < p.VOn) return p.KOn * Math.Pow(v / p.VOn - 1, p.AlphaOn) * WindowOn(x);
        return 0;
    }

    private double WindowOff(double w) => Parameters.Window == VteamWindow.Kvatinsky
        ? Math.Exp(-Math.Exp((w - Parameters.AOff) / Parameters.WindowWidth)) : 1;

    private double WindowOn(double w) => Parameters.Window == VteamWindow.Kvatinsky
        ? Math.Exp(-Math.Exp(-(w - Parameters.AOn) / Parameters.WindowWidth)) : 1;
}
