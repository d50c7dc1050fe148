namespace CircuitNeuro.Circuits.Devices;

/// <summary>
/// Parameters of one HfO2 1T1R cell in the reduced filament model of <see cref="HfO2FilamentMemristor"/>.
/// Provenance: [S Lnnnn] stated in seed 000 at that line, [D] derived from seed numbers (README, "HfO2 calibration"),
/// [A] assumed (no source; change freely). Defaults are the Table 4.2 calibration.
/// </summary>
public sealed record HfO2FilamentParameters
{
    /// <summary>Lower bound of the filament resistance, Ω [A] (well below any compliance-set LRS).</summary>
    public double MinResistance { get; init; } = 1e3;
    /// <summary>Upper bound of the filament resistance, Ω [A] (above any HRS the RESET law reaches in 1 s).</summary>
    public double MaxResistance { get; init; } = 1e7;

    /// <summary>V_set: SET (filament growth) proceeds while the cell voltage exceeds it [A]; with I_cc = 200 µA it gives R_LRS = 3 kΩ.</summary>
    public double SetVoltage { get; init; } = 0.6;
    /// <summary>k_set, 1/s: d(ln R)/dt = −k_set(v/V_set − 1) [A]; 1e8/s completes a SET in ≈ 0.1 µs, well inside the seed's 1 µs pulses [S L1449].</summary>
    public double SetRate { get; init; } = 1e8;
    /// <summary>
    /// I_cc, A: the access transistor's current compliance during SET, idealised as a current limiter in series
    /// (positive voltages only). +∞ (default) is a bare 1R device. The seed's programming uses 200 µA [S L1518].
    /// </summary>
    public double ComplianceCurrent { get; init; } = double.PositiveInfinity;

    /// <summary>V_th,reset &gt; 0: RESET needs v &lt; −V_th,reset [A] (below the seed's 1.5–2.5 V RESET range, S L1449).</summary>
    public double ResetThreshold { get; init; } = 1.0;
    /// <summary>V_ref &gt; 0: the RESET amplitude where <see cref="ResetRate"/> is given: 2.5 V, the Fig. 4.7 RESET voltage [S L1518].</summary>
    public double ResetReferenceVoltage { get; init; } = 2.5;
    /// <summary>c_ref, Ω/s: dR/dt at R = 0 and |v| = V_ref, fitted to Table 4.2 [D] (README, HfO2 calibration).</summary>
    public double ResetRate { get; init; } = 1.515e15;
    /// <summary>R_c, Ω: each e-fold of RESET time adds R_c to the HRS (log-time law), fitted to Table 4.2 [D].</summary>
    public double ResetLogScale { get; init; } = 9.055e3;
    /// <summary>V_0, V: +V_0 on the RESET amplitude acts as ×e on its duration [A].</summary>
    public double ResetVoltageScale { get; init; } = 0.15;

    /// <summary>
    /// σ of ln R_HRS around the deterministic RESET result (cycle-to-cycle filament rupture, S L1524) [A, 0.6].
    /// Not used by the deterministic ODE: <c>Variability.StochasticResetCell</c> draws it after each RESET.
    /// </summary>
    public double ResetSigmaLn { get; init; } = 0.6;

    /// <summary>Compliance-limited LRS, V_set/I_cc (the SET fixed point under compliance).</summary>
    public double ComplianceLrs => SetVoltage / ComplianceCurrent;

    public void Validate()
    {
        if (!(MinResistance > 0) || !(MaxResistance > MinResistance)) throw new ArgumentException($"need 0 < Rmin < Rmax (got {MinResistance}, {MaxResistance})");
        if (!(SetVoltage > 0) || !(SetRate >= 0)) throw new ArgumentException("need V_set > 0 and k_set ≥ 0");
        if (!(ComplianceCurrent > 0)) throw new ArgumentException($"compliance current must be > 0 (got {ComplianceCurrent})");
        if (!(ResetThreshold > 0) || !(ResetReferenceVoltage > 0)) throw new ArgumentException("need V_th,reset > 0 and V_ref > 0");
        if (!(ResetRate >= 0) || !(ResetLogScale > 0) || !(ResetVoltageScale > 0)) throw new ArgumentException("need c_ref ≥ 0, R_c > 0, V_0 > 0");
        if (!(ResetSigmaLn >= 0)) throw new ArgumentException("σ_ln must be ≥ 0");
    }
}

/// <summary>
/// Reduced HfO2 filament model (seed 000 §4.4; structure after Bocquet et al., IEEE TED 61(3):674, 2014, ref [236]:
/// a filament grown by SET and dissolved by RESET, SET self-limited by the compliance current; the equations here are
/// our own reduced form, not the paper's). State x = ln(R/1 Ω), R the filament resistance; the cell is ohmic,
/// i = v/R (the seed's own circuit study models the RRAM as resistors, S L1503), except that with a finite
/// compliance the current saturates at I_cc for v &gt; 0:
/// <list type="bullet">
/// <item>cell voltage v_R = min(v, I_cc·R) for v &gt; 0 (the rest drops on the access transistor);</item>
/// <item>SET, v_R &gt; V_set: dx/dt = −k_set(v_R/V_set − 1). Under compliance the fixed point is I_cc·R = V_set, i.e.
/// R_LRS = V_set/I_cc (the compliance "naturally stops the filament growth", S L1522);</item>
/// <item>RESET, v &lt; −V_th: dR/dt = c(v)·e^{−R/R_c}, c(v) = c_ref(e^{(|v|−V_ref)/V_0} − e^{(V_th−V_ref)/V_0}) (0 at the
/// threshold). At constant v: R(t) = R_c·ln(e^{R₀/R_c} + c·t/R_c), the log-time law that makes 100 µs give a higher HRS
/// than 1 µs (S L1524: "stronger programming conditions lead to higher values of the HRS").</item>
/// </list>
/// The random part of the RESET (the broad HRS) is not in this deterministic ODE: see ResetSigmaLn.
/// </summary>
public sealed class HfO2FilamentMemristor : IMemristorModel
{
    public HfO2FilamentMemristor(HfO2FilamentParameters? parameters = null)
    {
        Parameters = parameters ?? new HfO2FilamentParameters();
        Parameters.Validate();
    }

    public HfO2FilamentParameters Parameters { get; }
    public string Name => "hfo2-filament";
    public double MinState => Math.Log(Parameters.MinResistance);
    public double MaxState => Math.Log(Parameters.MaxResistance);
    public IReadOnlyList<double> SwitchingThresholds => [Parameters.SetVoltage, -Parameters.ResetThreshold];

    /// <summary>State for a resistance (clamping is the caller's business).</summary>
    public static double StateOf(double resistance) => Math.Log(resistance);

    public static double ResistanceOf(double state) => Math.Exp(state);

    /// <summary>True when the compliance limits the current at (v, x).</summary>
    public bool InCompliance(double v, double x) => v > 0 && v > Parameters.ComplianceCurrent * ResistanceOf(x);

    /// <summary>Voltage across the filament itself (below v when the compliance transistor takes the rest).</summary>
    public double CellVoltage(double v, double x) => InCompliance(v, x) ? Parameters.ComplianceCurrent * ResistanceOf(x) : v;

    public double Current(double v, double x) => CellVoltage(v, x) / ResistanceOf(x);

    public double DifferentialConductance(double v, double x) => InCompliance(v, x) ? 0 : 1 / ResistanceOf(x);

    public double StateDerivative(double v, double x)
    {
        var p = Parameters;
        double vr = CellVoltage(v, x);
        if (vr > p.SetVoltage) return -p.SetRate * (vr / p.SetVoltage - 1);
        if (v < -p.ResetThreshold)
        {
            double r = ResistanceOf(x);
            return ResetDriver(-v) * Math.Exp(-r / p.ResetLogScale) / r; // d ln R/dt = (dR/dt)/R
        }
        return 0;
    }

    /// <summary>c(|v|) in Ω/s for a RESET amplitude a = |v| (0 at or below the threshold).</summary>
    public double ResetDriver(double amplitude)
    {
        var p = Parameters;
        if (!(amplitude > p.ResetThreshold)) return 0;
        return p.ResetRate * (Math.Exp((amplitude - p.ResetReferenceVoltage) / p.ResetVoltageScale)
                              - Math.Exp((p.ResetThreshold - p.ResetReferenceVoltage) / p.ResetVoltageScale));
    }
}
