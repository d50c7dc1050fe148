using CircuitNeuro.Circuits.Variability;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// Device variability of the conductances EP trains (all zero: ideal devices). Device to device, drawn once
/// per device with <see cref="DeviceSampler{T}"/>: each device's window bounds are the nominal bounds times
/// 𝒩(1, σ²) factors, its update step the wanted step times a 𝒩(1, σ²) factor (truncated to stay positive).
/// Cycle to cycle, per write, <see cref="Nonidealities"/>' write noise (σ as a fraction of the device's own
/// window) and relative update noise, as in seed 002 §3.7.2 (ΔW_total = ΔW + 𝒩(0, σ²)): per write for numbers
/// (<see cref="EpDeviceArray"/>), per pulse for pulses (<see cref="ThresholdDeviceArray"/>). Updates written as pulses
/// use the slope and threshold spreads of the threshold device instead of the step spread.
/// </summary>
public sealed record EpVariability
{
    /// <summary>σ of the relative device-to-device spread of each device's lower and upper conductance bound.</summary>
    public double WindowSpread { get; init; }
    /// <summary>σ of the relative device-to-device spread of the update step (a device that writes too much or too little).</summary>
    public double StepSpread { get; init; }
    /// <summary>σ of the relative device-to-device spread of the threshold device's slopes S⁺ and S⁻ (each drawn apart; pulses only).</summary>
    public double SlopeSpread { get; init; }
    /// <summary>σ of the relative device-to-device spread of its thresholds V⁺th and V⁻th (each drawn apart; pulses only).</summary>
    public double ThresholdSpread { get; init; }
    /// <summary>
    /// Pulses only: apply the cycle-to-cycle noise once to a device's whole written change (n pulses) instead of to every
    /// pulse (the default, as <see cref="VariableMemristor"/>). Per pulse costs two normal draws and one closed-form
    /// pulse per pulse; per write one closed form and two draws per device and update.
    /// </summary>
    public bool NoisePerWrite { get; init; }
    /// <summary>Cycle-to-cycle noise of every write (only <see cref="Nonidealities.WriteNoise"/> and <see cref="Nonidealities.RelativeUpdateNoise"/> are used).</summary>
    public Nonidealities CycleToCycle { get; init; } = new();

    public void Validate()
    {
        if (!(WindowSpread >= 0) || !(StepSpread >= 0) || !(SlopeSpread >= 0) || !(ThresholdSpread >= 0) || !(CycleToCycle.WriteNoise >= 0) || !(CycleToCycle.RelativeUpdateNoise >= 0))
            throw new ArgumentException("variability spreads and noises must be ≥ 0");
        if (CycleToCycle.StuckLrsFraction != 0 || CycleToCycle.StuckHrsFraction != 0 || CycleToCycle.Levels != 0 || CycleToCycle.ReadNoise != 0)
            throw new ArgumentException("EP variability uses only the write noise and relative update noise of Nonidealities (stuck devices, levels and read noise are not modelled here)");
    }
}
