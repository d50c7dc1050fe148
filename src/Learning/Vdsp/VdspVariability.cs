namespace CircuitNeuro.Learning.Vdsp;

/// <summary>
/// Device-to-device variability of the synapses of a device VDSP run (notes 003 §2.4 and §9 item 6: "variability of
/// switching thresholds and ratios between high and low resistance state levels", stuck devices; the 2025 code's
/// per-synapse V_th arrays and stuck_LRS / stuck_HRS). Drawn once per synapse when the network is built.
/// </summary>
public sealed record VdspVariability
{
    /// <summary>Relative σ of each switching threshold (V_th,p and V_th,n drawn independently, factor 𝒩(1, σ²) truncated to [0.05, 3]).</summary>
    public double ThresholdSpread { get; init; }
    /// <summary>Nominal HRS/LRS ratio G_max/G_min (0: the fit's own, 4 for HfO2).</summary>
    public double OnOffRatio { get; init; }
    /// <summary>σ of ln(ratio) per device (log-normal around the nominal ratio, floored at 1: G_min ≤ G_max).</summary>
    public double OnOffSpread { get; init; }
    /// <summary>Fraction of devices stuck at LRS (w = 1, never programmed).</summary>
    public double StuckLrs { get; init; }
    /// <summary>Fraction of devices stuck at HRS (w = 0, never programmed).</summary>
    public double StuckHrs { get; init; }

    public bool IsActive() => ThresholdSpread > 0 || OnOffRatio > 0 || OnOffSpread > 0 || StuckLrs > 0 || StuckHrs > 0;

    public void Validate()
    {
        foreach (var (key, value) in new[] { ("threshold_spread", ThresholdSpread), ("on_off_spread", OnOffSpread), ("stuck_lrs", StuckLrs), ("stuck_hrs", StuckHrs) })
            if (!(value >= 0) || !double.IsFinite(value)) throw new ArgumentException($"variability: {key} must be finite and ≥ 0 (got {value})");
        if (OnOffRatio != 0 && !(OnOffRatio >= 1 && double.IsFinite(OnOffRatio))) throw new ArgumentException($"variability: on_off_ratio must be ≥ 1, or 0 for the fit's own (got {OnOffRatio})");
        if (StuckLrs + StuckHrs > 1) throw new ArgumentException($"variability: stuck_lrs + stuck_hrs must be ≤ 1 (got {StuckLrs + StuckHrs})");
    }
}
