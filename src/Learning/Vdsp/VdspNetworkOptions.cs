namespace CircuitNeuro.Learning.Vdsp;

/// <summary>
/// The single-layer network of the VDSP paper (notes 003 §2.3, paper-era Nengo code): input LIF neurons driven by
/// the current J = gain·pixel + bias (τ = 30 ms, threshold 1, reset −1 so a recent spike leaves V &lt; 0, τ_ref = 5 ms),
/// all-to-all weights in [0, 1] initialised U(0, w_max), and the WTA output layer of <see cref="WtaLayerParameters"/>,
/// stepped at dt = 5 ms with 0.35 s per image and no pause.
/// </summary>
public sealed record VdspNetworkOptions
{
    public int Outputs { get; init; } = 100;
    public double Dt { get; init; } = 0.005;
    public double PresentationTime { get; init; } = 0.35;
    public double InputGain { get; init; } = 4;
    public double InputBias { get; init; } = 0.5;
    public double InputTau { get; init; } = 0.03;
    public double InputThreshold { get; init; } = 1;
    public double InputReset { get; init; } = -1;
    public double InputRefractory { get; init; } = 0.005;
    public double InitialWeightMax { get; init; } = 1;
    public WtaLayerParameters Output { get; init; } = new();
    /// <summary>
    /// Input drive multiplier while labelling and testing. The paper's evaluation networks connect the frozen weights
    /// as a Nengo transform on the input spikes (amplitude/dt each) where training fed W·amplitude, so their drive is
    /// 1/dt = 200× larger [C: VDSP_Nengo evaluate_mnist_* scripts, notes 003 §2.3]: every step the neuron with the
    /// largest weighted input wins. 1 evaluates with the training dynamics.
    /// </summary>
    public double EvaluationDriveScale { get; init; } = 200;
    /// <summary>
    /// Delay (s) of the post-spike event the learning rules see. In the paper's Nengo graph the rule node runs before the
    /// output neurons within a step, so it pairs the previous step's post spike with the current input voltages [R]:
    /// dt reproduces that; 0 reads V_pre at the spike itself.
    /// </summary>
    public double LearningEventDelay { get; init; }

    public int StepsPerImage() => (int)Math.Round(PresentationTime / Dt);

    public void Validate()
    {
        Require(Outputs > 0, $"outputs must be > 0 (got {Outputs})");
        Require(Dt > 0 && double.IsFinite(Dt), $"dt must be > 0 (got {Dt})");
        Require(PresentationTime >= Dt, $"presentation_time must be ≥ dt (got {PresentationTime})");
        Require(Math.Abs(StepsPerImage() * Dt - PresentationTime) <= 1e-9 * PresentationTime, $"presentation_time {PresentationTime} must be a whole number of steps of dt {Dt}");
        Require(double.IsFinite(InputGain) && double.IsFinite(InputBias), "input gain and bias must be finite");
        Require(InputTau > 0, $"input_tau must be > 0 (got {InputTau})");
        Require(InputReset < InputThreshold, $"input_reset {InputReset} must be below input_threshold {InputThreshold}");
        Require(InputRefractory >= 0, $"input_refractory must be ≥ 0 (got {InputRefractory})");
        Require(EvaluationDriveScale > 0 && double.IsFinite(EvaluationDriveScale), $"evaluation_drive_scale must be > 0 (got {EvaluationDriveScale})");
        Require(LearningEventDelay >= 0 && double.IsFinite(LearningEventDelay), $"learning_event_delay must be ≥ 0 (got {LearningEventDelay})");
        Require(InitialWeightMax is > 0 and <= 1, $"initial_weight_max must be in (0, 1] (got {InitialWeightMax})");
        Output.Validate();
    }

    private static void Require(bool ok, string message)
    {
        if (!ok) throw new ArgumentException(message);
    }
}
