namespace CircuitNeuro.Circuits.Devices;

/// <summary>Window of a VDSP device fit as a function of u, the progress toward the bound the update approaches (u = w for SET, 1 − w for RESET).</summary>
public abstract record VdspWindow
{
    public abstract double Value(double u);
}

/// <summary>(1 − u)^γ, the 2025 fits (notes 003 §2.4: f_p = (1 − w)^γp, f_n = w^γn); 1 for u ≥ <see cref="FullRateBeyond"/> (the code's "f_n = 1 if w ≤ 0.01").</summary>
public sealed record PowerWindow(double Gamma, double FullRateBeyond = double.PositiveInfinity) : VdspWindow
{
    public override double Value(double u) => u >= FullRateBeyond ? 1 : Math.Pow(Math.Max(0, 1 - u), Gamma);
}

/// <summary>Yakopcic's window on u (notes 003 §2.2, `fun_post_tio2`): 1 below X, else e^{−α(u − X)}·(1 − u)/(1 − X).</summary>
public sealed record YakopcicWindow(double X, double Decay) : VdspWindow
{
    public override double Value(double u) => u < X ? 1 : Math.Exp(-Decay * (u - X)) * (1 - u) / (1 - X);
}

/// <summary>One polarity of a VDSP fit: Δw per programming event = Rate·window·(e^{α(|V| − Vth)} − 1) above threshold.</summary>
public sealed record VdspBranch(double Rate, double Alpha, double Threshold, VdspWindow Window);

/// <summary>
/// A device fit from the VDSP papers, normalised weight w ∈ [0, 1], G = Gmin + w(Gmax − Gmin).
/// The fits give Δw per programming event (per post spike), not a rate: here dw/dt = Δw_event / EventDuration,
/// so a rectangular pulse of width EventDuration gives the fitted Δw (to first order in Δw).
/// Voltages of the 2025 fits are in the network's membrane units, used as volts [D].
/// </summary>
public sealed record VdspFitParameters
{
    public required string Device { get; init; }
    public required VdspBranch Potentiation { get; init; }
    public required VdspBranch Depression { get; init; }
    /// <summary>HRS/LRS ratio Gmax/Gmin.</summary>
    public required double OnOffRatio { get; init; }
    /// <summary>LRS conductance: not in the fits, 100 µS (10 kΩ) assumed [R].</summary>
    public double Gmax { get; init; } = 1e-4;
    /// <summary>Duration of one fitted programming event: 20 ns, the "Tpw = 20n" of the earlier fit's comment [C, notes 003 §2.2].</summary>
    public double EventDuration { get; init; } = 20e-9;

    public double Gmin => Gmax / OnOffRatio;
}

/// <summary>
/// VDSP device fits (notes 003 §2.2 and §2.4). SET for V &gt; Vth_p: dw/dt = (Rate_p/τ)·W_p(w)·(e^{α_p(V − Vth_p)} − 1);
/// RESET for V &lt; −Vth_n: dw/dt = −(Rate_n/τ)·W_n(1 − w)·(e^{α_n(−V − Vth_n)} − 1), τ the event duration.
/// The device voltage is V_app = V_prog − V_mem,pre (the code's potentiation on V_mem &lt; −Vth is V &gt; Vth here).
/// </summary>
public sealed class VdspFittedMemristor(VdspFitParameters parameters) : IMemristorModel
{
    public VdspFitParameters Parameters { get; } = parameters;
    public string Name => $"vdsp-{Parameters.Device}";
    public double MinState => 0;
    public double MaxState => 1;
    public IReadOnlyList<double> SwitchingThresholds => [Parameters.Potentiation.Threshold, -Parameters.Depression.Threshold];

    public double Conductance(double w) => Parameters.Gmin + w * (Parameters.Gmax - Parameters.Gmin);

    public double Current(double v, double x) => Conductance(x) * v;

    public double DifferentialConductance(double v, double x) => Conductance(x);

    public double StateDerivative(double v, double x)
    {
        var (p, n, tau) = (Parameters.Potentiation, Parameters.Depression, Parameters.EventDuration);
        if (v > p.Threshold) return p.Rate / tau * p.Window.Value(x) * double.ExpM1(p.Alpha * (v - p.Threshold));
        if (v < -n.Threshold) return -n.Rate / tau * n.Window.Value(1 - x) * double.ExpM1(n.Alpha * (-v - n.Threshold));
        return 0;
    }
}

/// <summary>The published VDSP device fits as parameter records.</summary>
public static class VdspDeviceFits
{
    /// <summary>
    /// TiO2, 2022 Nengo code (`fun_post_tio2`, notes 003 §2.2): (α_p, α_n, A_p, A_n, η) = (1.62708935, 2.1204144,
    /// 0.044, 0.07223655, 0.95411709), x_p = x_n = 0.01, Vth = 0.5 V. ηA(e^V − e^Vth) = ηA·e^Vth·(e^{V−Vth} − 1),
    /// so α = 1 and Rate = η·A·e^Vth. No on/off ratio in that code: the 2025 TiO2 ratio 7.5 is used.
    /// </summary>
    public static VdspFitParameters TiO2Nengo2022 { get; } = new()
    {
        Device = "TiO2-2022",
        Potentiation = new VdspBranch(0.95411709 * 0.044 * Math.Exp(0.5), 1, 0.5, new YakopcicWindow(0.01, 1.62708935)),
        Depression = new VdspBranch(0.95411709 * 0.07223655 * Math.Exp(0.5), 1, 0.5, new YakopcicWindow(0.01, 2.1204144)),
        OnOffRatio = 7.5,
    };

    /// <summary>2025 fit (notes 003 §2.4): lr = lr_pn = 1, γ_n = γ·γ_pn, α_n = α·α_pn, Vth_n = Vth·vth_pn; f_n = 1 for w ≤ 0.01.</summary>
    private static VdspFitParameters Fit2025(string device, double gamma, double alpha, double vth, double vthPn, double gammaPn, double alphaPn, double ratio) => new()
    {
        Device = device,
        Potentiation = new VdspBranch(1, alpha, vth, new PowerWindow(gamma)),
        Depression = new VdspBranch(1, alpha * alphaPn, vth * vthPn, new PowerWindow(gamma * gammaPn, FullRateBeyond: 0.99)),
        OnOffRatio = ratio,
    };

    public static VdspFitParameters TiO2 { get; } = Fit2025("TiO2", 1.6796, 0.6790, 1.4323, 1.0921, 0.9439, 1.1248, 7.5);

    public static VdspFitParameters HfZrO4 { get; } = Fit2025("HfZrO4", 1.0679, 1.1592, 0.4117, 0.9438, 1.5798, 0.4741, 2.65);

    /// <summary>γ_pn = 0.5 as in the code (its comment says 0.2, notes 003 §2.4).</summary>
    public static VdspFitParameters HfO2 { get; } = Fit2025("HfO2", 1.0172, 0.9608, 0.8038, 1.0596, 0.5, 1.3357, 4);

    /// <summary>The fits under the names netlist cards and experiment files use; the first is the default.</summary>
    public static IReadOnlyList<string> Names { get; } = ["hfo2", "tio2", "hfzro4", "tio2-2022"];

    public static VdspFitParameters ByName(string name) => name.ToLowerInvariant() switch
    {
        "hfo2" => HfO2,
        "tio2" => TiO2,
        "hfzro4" => HfZrO4,
        "tio2-2022" => TiO2Nengo2022,
        _ => throw new ArgumentException($"no VDSP device fit named '{name}' (one of {string.Join("|", Names)})"),
    };
}
