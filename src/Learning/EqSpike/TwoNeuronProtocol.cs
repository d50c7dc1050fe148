namespace CircuitNeuro.Learning.EqSpike;

/// <summary>
/// The learning-rule verification of seed 002 §2.3.2 (Figs 2.6–2.7 [S L1252–1266]; memristive: Fig. 3.4 [S L1721]):
/// two LIF neurons driven by controlled input currents (they do not integrate each other's spikes), one synapse
/// updated by EqSpike (on a spike of one neuron, ΔW = η_lr × the other's ρ̄), 600 dt in three 200-dt segments:
/// constant rate, constant acceleration, constant rate. Rates are in spikes per step (f_max = 0.5).
/// γ_LIF = 0.001, γ_LI = 0.1, N_filt = 10, τ = 100 dt, η_lr = 1 as in the seed [S L1260].
/// </summary>
public sealed record TwoNeuronProtocol
{
    public int SegmentSteps { get; init; } = 200;
    public double LeakLif { get; init; } = 0.001;
    public double LeakIntegrator { get; init; } = 0.1;
    public int TauSteps { get; init; } = 100;
    public int FilterLength { get; init; } = 10;
    public double LearningRate { get; init; } = 1;
    /// <summary>First step at which the synapse learns (the seed's free phase; the integrators settle before it).</summary>
    public int LearnFrom { get; init; } = 200;

    /// <summary>
    /// Final weight for a post neuron i at constant rate <paramref name="rateI"/> and a pre neuron j going from
    /// <paramref name="rateJStart"/> to <paramref name="rateJEnd"/> over the middle segment, written through
    /// <paramref name="writer"/> (a one-synapse layer; null: a numeric synapse starting at 0).
    /// </summary>
    public double Run(double rateI, double rateJStart, double rateJEnd, ISynapseWriter? writer = null)
    {
        var w = new double[1];
        writer ??= new NumericSynapseWriter();
        writer.Attach([w]);
        var neurons = new DiscreteLifLayer(2, LeakLif, 1.0);
        var blocks = new RhoBarBlock(2, LeakIntegrator, TauSteps, FilterLength);
        Span<bool> spikes = stackalloc bool[2];
        Span<double> current = stackalloc double[2];
        for (int t = 0; t < 3 * SegmentSteps; t++)
        {
            double ramp = Math.Clamp((t - SegmentSteps) / (double)SegmentSteps, 0, 1);
            current[0] = rateI;
            current[1] = rateJStart + (rateJEnd - rateJStart) * ramp;
            neurons.Step(t, current, spikes);
            blocks.Step(spikes);
            if (t < LearnFrom) continue;
            if (spikes[0]) writer.Write(0, 0, LearningRate * blocks.Value(1));
            if (spikes[1]) writer.Write(0, 0, LearningRate * blocks.Value(0));
        }
        return w[0];
    }

    /// <summary>
    /// The continual-EP update this approximates, dW/dt = η·(τ/γ_LI)·(ρ_i ρ̇_j + ρ_j ρ̇_i) (Eqs. 2.6, 2.10, 2.12), integrated
    /// over the learning window: with ρ_i constant it is η·(τ/γ_LI)·ρ_i·Δρ_j, whatever the ramp's shape.
    /// </summary>
    public double Analytic(double rateI, double rateJStart, double rateJEnd) =>
        LearningRate * TauSteps / LeakIntegrator * rateI * (rateJEnd - rateJStart);
}
