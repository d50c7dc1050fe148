using CircuitNeuro.Neurons.Lif;
using CircuitNeuro.Neurons.Network;

namespace CircuitNeuro.Neurons.Encoders;

/// <summary>
/// Current code: intensity[i]·gain amperes into neuron i for a window, as two CurrentStep events per
/// neuron (on, then back to zero). Being events, the steps interleave exactly with spikes.
/// </summary>
public sealed class ConstantCurrentInput(SpikingNetwork network, LifPopulation target, double ampsPerUnitIntensity)
{
    public LifPopulation Target { get; } = target;
    public double AmpsPerUnitIntensity { get; } = ampsPerUnitIntensity;

    public void Present(ReadOnlySpan<double> intensities, double start, double duration)
    {
        if (intensities.Length != Target.Size) throw new ArgumentException($"Expected {Target.Size} intensities, got {intensities.Length}.");
        for (int i = 0; i < intensities.Length; i++)
        {
            Step(i, start, intensities[i] * AmpsPerUnitIntensity);
            if (!double.IsPositiveInfinity(duration)) Step(i, start + duration, 0.0);
        }
    }

    /// <summary>Schedules neuron <paramref name="neuron"/>'s input current to become <paramref name="amperes"/> at <paramref name="time"/>.</summary>
    public void Step(int neuron, double time, double amperes) =>
        network.Scheduler.Schedule(time, network.Types.CurrentStep, target: Target.Id, intPayload: neuron, payload: amperes,
                                   priority: NeuronEventPriorities.CurrentStep);
}
