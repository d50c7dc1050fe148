namespace CircuitNeuro.Learning.EqSpike;

/// <summary>How often a spike in the nudge phase is followed by a programming pulse (seed 002 §3.6.2 [S L1810–1829]).</summary>
public enum SparseMode
{
    /// <summary>Every spike programs its synapses.</summary>
    Every,
    /// <summary>Each spike programs with probability p (Fig. 3.8); the rate is scaled by 1/p.</summary>
    Probabilistic,
    /// <summary>Every N-th spike of a neuron programs (Fig. 3.7); the rate is scaled by N.</summary>
    EveryNth,
}

public sealed record SparseProgramming(SparseMode Mode = SparseMode.Every, double Probability = 1, int N = 1)
{
    public static SparseProgramming Dense { get; } = new();

    /// <summary>Learning-rate factor that keeps the mean update unchanged.</summary>
    public double Scale => Mode switch
    {
        SparseMode.Probabilistic => 1 / Probability,
        SparseMode.EveryNth => N,
        _ => 1,
    };

    public void Validate()
    {
        if (Mode == SparseMode.Probabilistic) EqSpikeParameters.Check(Probability > 0 && Probability <= 1, "sparse.probability", Probability, "in (0, 1]");
        if (Mode == SparseMode.EveryNth) EqSpikeParameters.Check(N >= 1, "sparse.n", N, "≥ 1");
    }
}
