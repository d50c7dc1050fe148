namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// Hyperparameters of EqSpike (seed 002 Table 2.1 [S L1404–1412]). Times are in T_refract as in the seed and
/// converted to steps of dt = 0.5 T_refract; rates are in spikes per step, so f_max = 1/T_refract = 0.5.
/// </summary>
public sealed record EqSpikeParameters
{
    /// <summary>Steps per T_refract (dt = 0.5 T_refract, Table 2.1; the refractory period is 2 dt [S L1062]).</summary>
    public const int StepsPerRefract = 2;
    /// <summary>f_max = 1/T_refract in spikes per step.</summary>
    public const double MaxRate = 1.0 / StepsPerRefract;

    /// <summary>γ_LIF, leak per step (Table 2.1; 0.001 in the Fig. 2.1/2.7 checks, notes §8 item 1).</summary>
    public double LeakLif { get; init; } = 0.01;
    /// <summary>γ_LI, leak per step of the ρ̄ block's integrator (Eq. 2.7).</summary>
    public double LeakIntegrator { get; init; } = 0.1;
    public double Threshold { get; init; } = 1.0;
    /// <summary>τ of the delay-and-subtract (Eq. 2.10), T_refract.</summary>
    public double Tau { get; init; } = 50;
    /// <summary>η_lr (Eq. 2.12): ΔW = η_lr × (filtered block output ≈ (τ/γ_LI) ρ̇).</summary>
    public double LearningRate { get; init; } = 3e-6;
    /// <summary>N_filt, moving-average window in steps (Eq. 2.11).</summary>
    public int FilterLength { get; init; } = 10;
    public double Beta { get; init; } = 0.5;
    public double FreeTime { get; init; } = 75;
    public double NudgeTime { get; init; } = 100;
    /// <summary>Window of the output-rate estimate for the error, steps ("100 dt" [S L1357]).</summary>
    public int RateWindow { get; init; } = 100;
    /// <summary>
    /// Lower bound of the membrane potential, u_th units. The seed's Eq. 2.5 has none (−∞, default); without one a neuron
    /// driven below threshold stores an unbounded negative charge and can stay silent through the whole nudge (README).
    /// </summary>
    public double MembraneFloor { get; init; } = double.NegativeInfinity;
    /// <summary>
    /// Not in Alg. 2 (default off, seed-literal): at the nudge start the ρ̄ blocks' delay lines are loaded with the present
    /// V_LI and their filters cleared, so during the first τ of the nudge they output V(t) − V(T_free) instead of
    /// V(t) − V(t − τ), i.e. only "le changement de dynamique apporté par la phase d'apprentissage" [S L1391], whatever
    /// the free phase was still doing at T_free − τ (a sample-and-hold of V_LI at the phase switch) [D].
    /// </summary>
    public bool HoldReferenceAtNudge { get; init; }
    /// <summary>
    /// Units of the rates in the nudge u_o −= β(ρ_o − ρ̂_o) (Alg. 2 [S L1304], "la dérivée de l'erreur (ρ̂_k − ρ_k)"
    /// [S L1357]; notes §2.5, §8): <see cref="EqSpike.NudgeRateUnits.PerStep"/> (default) uses spikes per step (f_max = 0.5),
    /// <see cref="EqSpike.NudgeRateUnits.PerFmax"/> rates over f_max = spikes per T_refract, the seed's time unit [S L1062]
    /// (ρ/f_max ∈ [0, 1], a nudge 2× stronger; the same as β × 2 in per-step units).
    /// </summary>
    public NudgeRateUnits NudgeRateUnits { get; init; } = NudgeRateUnits.PerStep;
    /// <summary>Flip the signs of β and η_lr jointly with probability ½ per sample [S L1337].</summary>
    public bool RandomBetaSign { get; init; } = true;
    /// <summary>
    /// Skip the nudge phase when the free-phase error Σ_k |target_k − ρ_k| / f_max is below this (Park et al. 2020
    /// as used at [S L1506], whose printed inequality is inverted, notes §8 item 5); 0 disables the gate.
    /// </summary>
    public double NudgeGate { get; init; }

    public int TauSteps => ToSteps(Tau);

    /// <summary>The error ρ_o − ρ̂_o (rates in spikes per step) in the units of <see cref="NudgeRateUnits"/>; the nudge is −β × this.</summary>
    public double NudgeError(double rate, double target) =>
        NudgeRateUnits == NudgeRateUnits.PerFmax ? (rate - target) / MaxRate : rate - target;
    public int FreeSteps => ToSteps(FreeTime);
    public int NudgeSteps => ToSteps(NudgeTime);

    public static int ToSteps(double refractTimes) => (int)Math.Round(refractTimes * StepsPerRefract);

    public void Validate()
    {
        Check(LeakLif >= 0 && LeakLif < 1, "leak_lif", LeakLif, "in [0, 1)");
        Check(LeakIntegrator > 0 && LeakIntegrator < 1, "leak_integrator", LeakIntegrator, "in (0, 1)");
        Check(Threshold > 0, "threshold", Threshold, "> 0");
        Check(TauSteps >= 1, "tau", Tau, "≥ 0.5 T_refract (one step)");
        Check(double.IsFinite(LearningRate), "learning_rate", LearningRate, "finite");
        Check(FilterLength >= 1, "filter_length", FilterLength, "≥ 1");
        Check(double.IsFinite(Beta), "beta", Beta, "finite");
        Check(FreeSteps >= 1, "free_time", FreeTime, "≥ 0.5 T_refract");
        Check(NudgeSteps >= 0, "nudge_time", NudgeTime, "≥ 0");
        Check(RateWindow >= 1, "rate_window", RateWindow, "≥ 1");
        Check(!double.IsNaN(MembraneFloor) && MembraneFloor <= 0, "membrane_floor", MembraneFloor, "≤ 0 (−inf: none)");
        Check(NudgeGate >= 0, "nudge_gate", NudgeGate, "≥ 0");
    }

    internal static void Check(bool ok, string name, double value, string what)
    {
        if (!ok) throw new ArgumentException($"{name} must be {what} (got {value})");
    }
}

/// <summary>Units of the rates in the output nudge (see <see cref="EqSpikeParameters.NudgeRateUnits"/>).</summary>
public enum NudgeRateUnits { PerStep, PerFmax }
