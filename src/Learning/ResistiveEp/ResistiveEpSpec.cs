using CircuitNeuro.Circuits.Models;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// Shape and physics of a resistive Equilibrium-Propagation network (Kendall et al. 2020,
/// arXiv 2006.01981; notes seed-003 §4). Conductances are in siemens, voltages in volts.
/// </summary>
public sealed record ResistiveEpSpec
{
    /// <summary>Input features; each drives two voltage sources, +s·x and −s·x (positive conductances need both signs).</summary>
    public required int Inputs { get; init; }
    /// <summary>Hidden layer widths (each node has a diode clamp pair and an amplifier to the next layer).</summary>
    public int[] Hidden { get; init; } = [];
    /// <summary>Outputs; each is a node pair read as V⁺ − V⁻.</summary>
    public required int Outputs { get; init; }

    /// <summary>s: input feature x ∈ [0, 1] becomes ±s·x volts.</summary>
    public double InputScale { get; init; } = 1;
    /// <summary>Bias rail voltage; it reaches every non-input layer through trainable conductances.</summary>
    public double BiasVoltage { get; init; } = 1;

    /// <summary>A: forward voltage gain of the amplifier after every hidden node.</summary>
    public double AmplifierGain { get; init; } = 4;
    /// <summary>
    /// Backward current gain of the amplifier: the hidden node gives up gain × (current the
    /// amplifier delivers downstream). Null means A, which makes the amplifier an ideal
    /// transformer (lossless, reciprocal), so the network stays a co-content minimiser and the
    /// EP gradient theorem holds exactly on the raw drops. Any other B > 0 (Kendall's 1/A loads the
    /// hidden nodes far less) stays exact after a per-layer factor (see EpGradient.LayerFactor).
    /// </summary>
    public double? BackwardCurrentGain { get; init; }

    /// <summary>False leaves hidden nodes linear (no clamp diodes): a purely linear network, used to check the solver against nodal analysis.</summary>
    public bool DiodeClamps { get; init; } = true;
    public DiodeModel Diode { get; init; } = new() { Name = "dclamp" };
    /// <summary>Rail of the upper clamp diode (anode hidden node, cathode rail): conducts above this plus a knee. 0: pair to ground.</summary>
    public double UpperClampRail { get; init; }
    /// <summary>Rail of the lower clamp diode (anode rail, cathode hidden node): conducts below this minus a knee. 0: pair to ground.</summary>
    public double LowerClampRail { get; init; }

    /// <summary>Device window: every conductance is clipped to [min, max] after an update.</summary>
    public double ConductanceMin { get; init; } = 1e-7;
    public double ConductanceMax { get; init; } = 1e-4;
    /// <summary>Initial conductances, uniform in [low, high] × the layer's scale.</summary>
    public double InitialLow { get; init; } = 1e-5;
    public double InitialHigh { get; init; } = 5e-5;
    /// <summary>Per weight layer factor on the initial range (null: 1). Layer l connects layer l to l + 1.</summary>
    public double[]? InitialLayerScale { get; init; }

    public double Backward => BackwardCurrentGain ?? AmplifierGain;
    public int WeightLayers => Hidden.Length + 1;

    public void Validate()
    {
        if (Inputs < 1 || Outputs < 1 || Hidden.Any(h => h < 1)) throw new ArgumentException("layer sizes must be ≥ 1");
        if (!(ConductanceMin > 0) || !(ConductanceMax > ConductanceMin)) throw new ArgumentException("need 0 < ConductanceMin < ConductanceMax");
        if (!(InitialLow > 0) || !(InitialHigh >= InitialLow)) throw new ArgumentException("need 0 < InitialLow ≤ InitialHigh");
        if (!(AmplifierGain > 0)) throw new ArgumentException("AmplifierGain must be > 0");
        if (InitialLayerScale is { } s && s.Length != WeightLayers) throw new ArgumentException($"InitialLayerScale needs {WeightLayers} entries");
    }
}
