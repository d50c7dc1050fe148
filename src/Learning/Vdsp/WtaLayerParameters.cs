namespace CircuitNeuro.Learning.Vdsp;

/// <summary>
/// Output layer of the VDSP MNIST network, the paper-era Nengo `STDPLIF` (notes 003 §2.3): LIF with τ_rc = 30 ms,
/// threshold 1, reset 0, τ_ref = 5 ms, input current J = gain·(low-pass filtered weighted input spikes) + bias − n,
/// adaptation n (dn/dt = (inc_n·spikes − n)/τ_n, the homeostasis) and hard winner-take-all per time step.
/// </summary>
public sealed record WtaLayerParameters
{
    public double TauMembrane { get; init; } = 0.03;
    public double Threshold { get; init; } = 1;
    public double RefractoryPeriod { get; init; } = 0.005;
    /// <summary>Floor of the potential (Nengo `min_voltage` = −1 in the paper's scripts): V &lt; 0 when adaptation exceeds the input.</summary>
    public double MinVoltage { get; init; } = -1;
    public double Gain { get; init; } = 2;
    public double Bias { get; init; }
    /// <summary>Low-pass synapse from the input spikes (s).</summary>
    public double TauSynapse { get; init; } = 0.005;
    /// <summary>Amplitude of one input spike on the synapse (Nengo `amp_neuron`).</summary>
    public double SpikeAmplitude { get; init; } = 0.05;
    /// <summary>Lateral inhibition, ms (Nengo `inhibition_time`; counted in steps as round(ms / (dt·1000))).</summary>
    public double InhibitionTime { get; init; } = 0.010;
    public double AdaptationIncrement { get; init; } = 0.01;
    public double TauAdaptation { get; init; } = 1;
    /// <summary>
    /// Nengo's synapse is an "update" operator: the neurons of step n read the low-pass output of step n − 1, so input
    /// spikes act one step later [C: Nengo builder semantics, notes 003 §2.3 synapse_layer_1]. false: the same step.
    /// </summary>
    public bool SynapseDelay { get; init; } = true;
    /// <summary>
    /// Nengo `STDPLIF` refractory details [C: VDSP_Nengo utilis.py STDPLIF.step]: a neuron still refractory at the end of
    /// a step is set to 0 (the partial step after the refractory period is discarded), and over-threshold non-winners
    /// do not go refractory (their J is zeroed before the spike-time formula, which then gives −∞). false: partial steps
    /// integrate and every over-threshold neuron goes refractory.
    /// </summary>
    public bool NengoRefractory { get; init; } = true;

    public void Validate()
    {
        Require(TauMembrane > 0, "output tau_membrane must be > 0");
        Require(double.IsFinite(Threshold) && Threshold > 0, "output threshold must be > 0 (reset is 0)");
        Require(RefractoryPeriod >= 0, "output refractory period must be ≥ 0");
        Require(MinVoltage <= 0, "output min_voltage must be ≤ 0 (the reset)");
        Require(double.IsFinite(Gain) && double.IsFinite(Bias), "output gain and bias must be finite");
        Require(TauSynapse > 0, "tau_synapse must be > 0");
        Require(SpikeAmplitude > 0 && double.IsFinite(SpikeAmplitude), "spike amplitude must be > 0");
        Require(InhibitionTime >= 0, "inhibition time must be ≥ 0");
        Require(AdaptationIncrement >= 0, "adaptation increment must be ≥ 0");
        Require(TauAdaptation > 0, "tau_adaptation must be > 0");
    }

    private static void Require(bool ok, string message)
    {
        if (!ok) throw new ArgumentException(message);
    }
}
