using CircuitNeuro.Circuits.Devices;

namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// Memristive synapses of seed 002 chapter 3: one programmed device G per synapse beside a reference fixed at mid-range,
/// W = (G − Gmin)/(Gmax − Gmin) − 0.5 (Eq. 3.3–3.4 [S L1648–1678]; the seed's Gmin = 0.1 % Gmax makes its W start at
/// −0.499, here W spans [−0.5, 0.5] exactly), and the non-idealities of §3.7, drawn once per device (D2D) except the
/// write noise (C2C, per programming pulse).
/// </summary>
public sealed record MemristorSynapseOptions
{
    /// <summary>Nominal device (Eq. 3.2); its η⁺, η⁻ and convention are the non-linearity study's knobs (§3.7.3).</summary>
    public ThresholdMemristorParameters Device { get; init; } = new();
    /// <summary>Length of each half of the bipolar programming pulse, s (50 ns in the speed definition, Eq. 3.16).</summary>
    public double PulseWidth { get; init; } = 50e-9;
    /// <summary>Relative std of the slopes S^± (§3.7.4), factors 𝒩(1, σ²) truncated at 0.</summary>
    public double SlopeSpread { get; init; }
    /// <summary>S⁺ = S⁻ per device (Fig. 3.13) instead of independent draws (Fig. 3.12).</summary>
    public bool SlopeSymmetric { get; init; }
    /// <summary>Relative std of each threshold, V_th^± × (1 + e), e ~ 𝒩(0, σ²) (Eq. 3.14).</summary>
    public double ThresholdSpread { get; init; }
    /// <summary>σ of the additive write noise per pulse, in units of the weight range (Eq. 3.13, §3.7.2).</summary>
    public double WriteNoise { get; init; }

    /// <summary>
    /// Write the ideal-device limit instead of integrating Eq. 3.2 per device: W = clamp(W + ΔW, −0.5, 0.5), what a linear
    /// device (η = 0) without spread or noise writes while one half of the pulse overshoots (|V_ρ| &lt; 2 V_th), to rounding;
    /// the weights live as numbers, so no conductances and no energy (A-EqSpike synch only, checked in
    /// <see cref="EqSpikeSetup.Validate"/>; the same as the device path in AEqSpikeIdealDeviceTests).
    /// </summary>
    public bool Ideal { get; init; }

    /// <summary>Normalised ΔW per volt above threshold for one pulse at nominal slope (the "speed" of Eq. 3.16 when t = 50 ns).</summary>
    public double SpeedPerVolt => Device.SlopePositive * PulseWidth / (Device.Gmax - Device.Gmin);

    public void Validate()
    {
        try
        {
            Device.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"device: {ex.Message}", ex);
        }
        EqSpikeParameters.Check(PulseWidth > 0, "pulse_width", PulseWidth, "> 0");
        EqSpikeParameters.Check(SlopeSpread >= 0, "slope_spread", SlopeSpread, "≥ 0");
        EqSpikeParameters.Check(ThresholdSpread >= 0, "threshold_spread", ThresholdSpread, "≥ 0");
        EqSpikeParameters.Check(WriteNoise >= 0, "write_noise", WriteNoise, "≥ 0");
        EqSpikeParameters.Check(Device.SlopePositive > 0 && Device.SlopeNegative > 0, "slope", Device.SlopePositive, "> 0 for both polarities");
    }
}
