namespace CircuitNeuro.Learning.Stdp;

/// <summary>
/// Pair-based STDP with the classic exponential window (Bi &amp; Poo, J. Neurosci. 18, 1998; nearest-spike
/// pairing as in Morrison, Diesmann &amp; Gerstner, Biol. Cybern. 98, 2008):
/// Δt = t_post − t_pre &gt; 0 (causal): Δw = +η·f₊(w)·e^{−Δt/τ₊}; Δt &lt; 0: Δw = −η·r·f₋(w)·e^{Δt/τ₋}.
/// f₊ = 1 − w, f₋ = w with soft bounds (the same weight dependence as VDSP, for a fair comparison), else 1.
/// Default time constants: τ₊ = 16.8 ms, τ₋ = 33.7 ms (the Bi &amp; Poo window fit; values as commonly used).
/// </summary>
public sealed record PairStdpParameters
{
    public double LearningRate { get; init; } = 0.01;
    /// <summary>A₋/A₊.</summary>
    public double DepressionRatio { get; init; } = 1.0;
    public double TauPotentiation { get; init; } = 16.8e-3;
    public double TauDepression { get; init; } = 33.7e-3;
    /// <summary>Pairs further apart than this many time constants are not updated (+∞: every nearest pair).</summary>
    public double WindowCutoff { get; init; } = 5;
    public bool SoftBounds { get; init; } = true;
    /// <summary>
    /// Per-neuron weight normalisation (0 = off): every column at the start, and after each post spike of neuron j its column, is scaled so that its mean
    /// weight is this value (sum = mean·N_in), then clipped to [0, 1]. The paper-era STDP baseline normalises every column
    /// to a fixed sum after every update (`normalize_weights`, scale 600 for 784 inputs [C: nikhil-garg/vdsp_mnist
    /// mnist_wta_v2.py, notes 003 §2.3]); here it runs once per post spike, when the column is reprogrammed anyway.
    /// </summary>
    public double NormalizeMean { get; init; }
    /// <summary>
    /// Presynaptic target trace x_tar of Diehl &amp; Cook (Front. Comput. Neurosci. 9:99, 2015, Eq. 4), 0 = off: a post spike
    /// also depresses every synapse by η·x_tar·f₋(w), so inputs silent before the post spike lose weight (pair STDP alone
    /// never touches them). The post-spike change is then η[f₊(w)e^{−Δt/τ₊} − x_tar f₋(w)].
    /// </summary>
    public double TargetTrace { get; init; }

    public void Validate()
    {
        if (!(LearningRate >= 0) || !double.IsFinite(LearningRate)) throw new ArgumentException($"STDP learning rate must be finite and ≥ 0 (got {LearningRate})");
        if (!(DepressionRatio >= 0) || !double.IsFinite(DepressionRatio)) throw new ArgumentException($"STDP depression ratio must be finite and ≥ 0 (got {DepressionRatio})");
        if (!(TauPotentiation > 0) || !(TauDepression > 0)) throw new ArgumentException("STDP time constants must be > 0");
        if (!(NormalizeMean >= 0 && NormalizeMean <= 1)) throw new ArgumentException($"STDP normalize_mean must be in [0, 1] (0 = off; got {NormalizeMean})");
        if (!(TargetTrace >= 0 && TargetTrace <= 1)) throw new ArgumentException($"STDP target_trace must be in [0, 1] (0 = off; got {TargetTrace})");
        if (!(WindowCutoff > 0)) throw new ArgumentException($"STDP window cutoff must be > 0 time constants (got {WindowCutoff})");
    }

    /// <summary>Δw at a post spike for the latest pre spike Δt = t_post − t_pre ago (+∞: none), including the x_tar offset.</summary>
    public double PostSpikeDelta(double w, double dtPostMinusPre)
    {
        double pair = double.IsFinite(dtPostMinusPre) ? Delta(w, dtPostMinusPre) : 0;
        return TargetTrace > 0 ? pair - LearningRate * TargetTrace * (SoftBounds ? w : 1) : pair;
    }

    /// <summary>Δw for a pair Δt = t_post − t_pre at weight w (0 outside the cutoff; Δt = 0 counts as causal).</summary>
    public double Delta(double w, double dtPostMinusPre)
    {
        if (dtPostMinusPre >= 0)
            return dtPostMinusPre <= WindowCutoff * TauPotentiation
                ? LearningRate * (SoftBounds ? 1 - w : 1) * Math.Exp(-dtPostMinusPre / TauPotentiation) : 0;
        return -dtPostMinusPre <= WindowCutoff * TauDepression
            ? -LearningRate * DepressionRatio * (SoftBounds ? w : 1) * Math.Exp(dtPostMinusPre / TauDepression) : 0;
    }
}
