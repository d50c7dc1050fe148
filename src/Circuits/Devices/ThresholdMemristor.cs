namespace CircuitNeuro.Circuits.Devices;

/// <summary>How the exponent of the seed-002 non-linearity is read (the printed sign is ambiguous, notes 002 §3.1).</summary>
public enum NonLinearityConvention
{
    /// <summary>Eq. (3.2) as printed: e^{η⁺(G−Gmin)/ΔG} for SET, e^{η⁻(Gmax−G)/ΔG} for RESET (η &gt; 0 speeds up toward the bound).</summary>
    AsPrinted,
    /// <summary>The saturating reading of the prose (seed L1924): e^{−η⁺(G−Gmin)/ΔG}, e^{−η⁻(Gmax−G)/ΔG}.</summary>
    Saturating,
}

/// <summary>The names of <see cref="NonLinearityConvention"/> in netlists and configuration files.</summary>
public static class NonLinearityConventions
{
    /// <summary>Accepted spellings: as_printed (printed is an older alias) and saturating.</summary>
    public const string Accepted = "as_printed|saturating";

    public static NonLinearityConvention? TryParse(string? name) => name?.ToLowerInvariant() switch
    {
        "as_printed" or "printed" => NonLinearityConvention.AsPrinted,
        "saturating" => NonLinearityConvention.Saturating,
        _ => null,
    };
}

/// <summary>
/// Parameters of one seed-002 threshold memristor (Martin 2022, ch. 3, Eq. 3.2; notes 002 §3.1).
/// The state is the conductance G itself (siemens). Defaults: the 10 kΩ–100 kΩ example of
/// seed L1829; slopes from the "intermediate" speed of Eq. (3.16), ΔG/ΔGrange ≈ 1e-4 for a 50 ns
/// pulse 1 V above threshold (S = 1e-4·ΔG/(50 ns·1 V)); the ±1 V thresholds are not in the seed [R].
/// </summary>
public sealed record ThresholdMemristorParameters
{
    public double Gmin { get; init; } = 1e-5;
    public double Gmax { get; init; } = 1e-4;
    /// <summary>S⁺ in S/(V·s), &gt; 0.</summary>
    public double SlopePositive { get; init; } = 1e-4 * 9e-5 / 50e-9;
    /// <summary>S⁻ in S/(V·s), &gt; 0 (ΔG = S⁻(V − V⁻_th) is then negative below V⁻_th).</summary>
    public double SlopeNegative { get; init; } = 1e-4 * 9e-5 / 50e-9;
    /// <summary>V⁺_th &gt; 0.</summary>
    public double ThresholdPositive { get; init; } = 1.0;
    /// <summary>V⁻_th &lt; 0.</summary>
    public double ThresholdNegative { get; init; } = -1.0;
    public double EtaPositive { get; init; }
    public double EtaNegative { get; init; }
    public NonLinearityConvention Convention { get; init; } = NonLinearityConvention.AsPrinted;

    public void Validate()
    {
        if (!(Gmin > 0) || !(Gmax > Gmin)) throw new ArgumentException($"need 0 < Gmin < Gmax (got {Gmin}, {Gmax})");
        if (!(SlopePositive >= 0) || !(SlopeNegative >= 0)) throw new ArgumentException("slopes must be ≥ 0");
        if (!(ThresholdPositive > 0) || !(ThresholdNegative < 0)) throw new ArgumentException("need V⁺th > 0 > V⁻th");
    }
}

/// <summary>
/// Seed-002 threshold memristor, Eq. (3.2) [S L1635] (from Querlioz et al. 2011):
/// dG/dt = S⁺(V − V⁺th)·e^{η⁺(G−Gmin)/(Gmax−Gmin)} for V &gt; V⁺th,
/// dG/dt = S⁻(V − V⁻th)·e^{η⁻(Gmax−G)/(Gmax−Gmin)} for V &lt; V⁻th, 0 otherwise,
/// with G bounded to [Gmin, Gmax]. The printed form is ΔG/t_pulse; here it is read as the rate
/// during the pulse, so a rectangular pulse gives exactly the printed ΔG when η = 0.
/// The seed gives no I–V: the device is ohmic, i = G·v [R].
/// </summary>
public sealed class ThresholdMemristor : IMemristorModel
{
    public ThresholdMemristor(ThresholdMemristorParameters? parameters = null)
    {
        Parameters = parameters ?? new ThresholdMemristorParameters();
        Parameters.Validate();
    }

    public ThresholdMemristorParameters Parameters { get; }
    public string Name => "seed002-threshold";
    public double MinState => Parameters.Gmin;
    public double MaxState => Parameters.Gmax;
    public IReadOnlyList<double> SwitchingThresholds => [Parameters.ThresholdPositive, Parameters.ThresholdNegative];

    public double Current(double v, double x) => x * v;

    public double DifferentialConductance(double v, double x) => x;

    public double StateDerivative(double v, double x)
    {
        var p = Parameters;
        double range = p.Gmax - p.Gmin, k = ThresholdHold.Exponent(p, v); // V⁺th > 0 > V⁻th: the branch is the sign of v
        if (v > p.ThresholdPositive)
            return p.SlopePositive * (v - p.ThresholdPositive) * Math.Exp(k * (x - p.Gmin) / range);
        if (v < p.ThresholdNegative)
            return p.SlopeNegative * (v - p.ThresholdNegative) * Math.Exp(k * (p.Gmax - x) / range);
        return 0;
    }
}
