namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>Hyper-parameters of circuit-level EP training.</summary>
public sealed record EpTrainingOptions
{
    /// <summary>Nudging strength β (S): the output current is β(y − d).</summary>
    public double Beta { get; init; } = 1e-6;
    /// <summary>Centered EP (+β and −β phases, error O(β²)); false: one-sided (+β only, error O(β)).</summary>
    public bool Centered { get; init; } = true;
    /// <summary>
    /// η in units of the device window: Δg = −η·G²·∂L/∂g with G = ConductanceMax, i.e. plain SGD on the
    /// normalised weight g/G, so η does not change with the conductance scale.
    /// </summary>
    public double LearningRate { get; init; } = 0.05;
    /// <summary>Time each phase is held (s): settling plus read; energy is power × this in quasi-static mode.</summary>
    public double PhaseDuration { get; init; } = 1e-6;
    /// <summary>
    /// Factor on η per weight layer (input layer first; null: 1 everywhere). Per-layer rates are the usual EP
    /// recipe (Scellier and Bengio 2017): layers see gradients of very different size.
    /// </summary>
    public double[]? LayerRates { get; init; }

    /// <summary>η factor of weight layer <paramref name="layer"/>.</summary>
    public double LayerRate(int layer) => LayerRates?[layer] ?? 1;
}
