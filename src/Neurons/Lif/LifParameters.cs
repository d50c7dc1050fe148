namespace CircuitNeuro.Neurons.Lif;

/// <summary>
/// Parameters of the leaky integrate-and-fire neuron  τ_m dV/dt = −(V − V_rest) + R·(I_ext + I_syn)
/// (Gerstner, Kistler, Naud &amp; Paninski, "Neuronal Dynamics", 2014, §1.3). SI units throughout.
/// </summary>
public sealed record LifParameters
{
    public double TauMembrane { get; init; } = 20e-3;        // s
    public double RestingPotential { get; init; } = -70e-3;   // V
    public double ResetPotential { get; init; } = -65e-3;     // V
    public double Threshold { get; init; } = -50e-3;          // V
    public double Resistance { get; init; } = 1e8;            // Ω
    public double RefractoryPeriod { get; init; } = 2e-3;     // s; V is clamped to reset and delta inputs are dropped

    /// <summary>Decay constant of exponential-current synapses (s); 0 disables them. Must differ from τ_m.</summary>
    public double TauSynapse { get; init; }

    /// <summary>Spike-frequency adaptation: the threshold rises by this much per spike (V)...</summary>
    public double AdaptationIncrement { get; init; }
    /// <summary>...and relaxes back with this time constant (s).</summary>
    public double TauAdaptation { get; init; } = 100e-3;

    /// <summary>Homeostasis target rate (Hz); active when <see cref="HomeostasisGain"/> &gt; 0.</summary>
    public double HomeostasisTargetRate { get; init; } = 10.0;
    /// <summary>Threshold change per Hz of rate error, applied every <see cref="HomeostasisPeriod"/> (V/Hz).</summary>
    public double HomeostasisGain { get; init; }
    public double HomeostasisPeriod { get; init; } = 0.1; // s

    public bool HasExponentialSynapses => TauSynapse > 0;
    public bool HasAdaptation => AdaptationIncrement != 0;
    public bool HasHomeostasis => HomeostasisGain > 0;

    /// <summary>Minimum voltage by which the (homeostatically shifted) threshold stays above reset, so a reset neuron is never instantly re-fired.</summary>
    internal const double MinimumThresholdMargin = 1e-4;

    public void Validate()
    {
        Require(TauMembrane > 0, "TauMembrane must be > 0.");
        Require(Resistance > 0, "Resistance must be > 0.");
        Require(RefractoryPeriod >= 0, "RefractoryPeriod must be ≥ 0.");
        Require(ResetPotential < Threshold - MinimumThresholdMargin, "ResetPotential must be below Threshold (by more than 0.1 mV).");
        Require(TauSynapse >= 0, "TauSynapse must be ≥ 0.");
        // τ_s = τ_m turns the exact solution into t·e^{−t/τ}, which this implementation does not handle.
        Require(!HasExponentialSynapses || System.Math.Abs(TauSynapse - TauMembrane) > 1e-9 * TauMembrane,
                "TauSynapse must differ from TauMembrane.");
        Require(!HasAdaptation || TauAdaptation > 0, "TauAdaptation must be > 0 when adaptation is on.");
        Require(!HasHomeostasis || HomeostasisPeriod > 0, "HomeostasisPeriod must be > 0 when homeostasis is on.");
        Require(double.IsFinite(RestingPotential) && double.IsFinite(Threshold) && double.IsFinite(ResetPotential), "Potentials must be finite.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message);
    }
}
