namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// A neuron-local estimate of the rate derivative that a partner's spike writes into the synapse: the ρ̄ block of
/// EqSpike (Eqs. 2.7–2.11) or the accumulated pulse tails of A-EqSpike (Eq. 4.1). One instance per population.
/// </summary>
public interface IDerivativeEstimator
{
    int Size { get; }

    /// <summary>Integrators, delay lines and filters to 0 (between samples [S L1335]).</summary>
    void Reset();

    /// <summary>Advances one step with this step's spikes.</summary>
    void Step(ReadOnlySpan<bool> spikes);

    /// <summary>The same step, given also the spiking neurons' ids in ascending order (the layer lists them).</summary>
    void Step(ReadOnlySpan<bool> spikes, ReadOnlySpan<int> fired) => Step(spikes);

    /// <summary>Present estimate for neuron i (block output ≈ (τ/γ_LI)·ρ̇, or the tail sum in V_th units).</summary>
    double Value(int i);

    /// <summary>values[i] = scale × Value(i) for every neuron (the requests of a whole row of synapses).</summary>
    void ScaledValues(double scale, Span<double> values)
    {
        for (int i = 0; i < Size; i++) values[i] = scale * Value(i);
    }
}
