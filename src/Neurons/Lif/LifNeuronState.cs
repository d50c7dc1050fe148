using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.Neurons.Lif;

/// <summary>
/// Dynamic state of one neuron, valid at <see cref="LastUpdate"/>. Between events every quantity has a
/// closed form, so the state is only touched when something happens to the neuron.
/// </summary>
public struct LifNeuronState
{
    public double LastUpdate;        // s
    public double Potential;         // V
    public double SynapticCurrent;   // A, exponential-current synapses, decays with τ_s
    public double InputCurrent;      // A, piecewise-constant external current
    public double Adaptation;        // V added to the threshold, decays with τ_a
    public double HomeostaticOffset; // V added to the threshold, changed at homeostasis ticks
    public double RefractoryUntil;   // s
    public double LastSpikeTime;     // s, −∞ before the first spike
    public long SpikeCount;
    public int SpikesSinceHomeostasis;
    public EventHandle PendingSpike; // the predicted next threshold crossing, if any
}
