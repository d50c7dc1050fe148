namespace CircuitNeuro.Neurons.Synapses;

public enum SynapseKind
{
    /// <summary>Instantaneous jump of V by the weight (volts).</summary>
    Delta,
    /// <summary>Jump of the synaptic current by the weight (amperes), decaying with τ_s.</summary>
    ExponentialCurrent,
}
