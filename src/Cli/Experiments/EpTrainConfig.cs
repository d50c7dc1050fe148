using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.Learning.ResistiveEp;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// `ep train` configuration (YAML, snake_case keys): a resistive EP network trained at circuit level by the
/// layered fast path (Kendall et al. 2020; src/Learning/ResistiveEp/README.md). The defaults are the MNIST
/// 784(×2)-100-10(×2) run the README reports.
/// </summary>
public sealed class EpTrainConfig
{
    public string Name { get; set; } = "ep-mnist-784-100-10";
    public ulong Seed { get; set; } = 1;
    /// <summary>digits (8×8, every 4th sample held out) or mnist (IDX files, train and t10k).</summary>
    public string Dataset { get; set; } = "mnist";
    /// <summary>Digits file or MNIST folder (default: the repository's).</summary>
    public string? Data { get; set; }
    /// <summary>Use only the first training / test samples (0 = all).</summary>
    public int TrainCount { get; set; }
    public int TestCount { get; set; }
    public int Epochs { get; set; } = 10;
    public NetworkSection Network { get; set; } = new();
    public TrainingSection Training { get; set; } = new();
    public VariabilitySection Variability { get; set; } = new();

    public sealed class NetworkSection
    {
        public int[] Hidden { get; set; } = [100];
        /// <summary>s: pixels x ∈ [0, 1] drive ±s·x volts (20: the hidden nodes reach the clamp knees; s = 1 barely leaves the linear range at 1568 inputs).</summary>
        public double InputScale { get; set; } = 20;
        public double BiasVoltage { get; set; } = 1;
        public double AmplifierGain { get; set; } = 4;
        /// <summary>Backward current gain B of the amplifiers (Kendall: 1/A).</summary>
        public double BackwardGain { get; set; } = 0.25;
        public double UpperClampRail { get; set; } = -0.4;
        public double LowerClampRail { get; set; } = 0.4;
        public double ConductanceMin { get; set; } = 1e-7;
        public double ConductanceMax { get; set; } = 1e-4;
        public double InitialLow { get; set; } = 1e-5;
        public double InitialHigh { get; set; } = 5e-5;
        /// <summary>Factor on the initial range per weight layer (empty: 1).</summary>
        public double[] InitialLayerScale { get; set; } = [];
    }

    public sealed class TrainingSection
    {
        /// <summary>Nudging strength β (S).</summary>
        public double Beta { get; set; } = 1e-6;
        public bool Centered { get; set; } = true;
        /// <summary>η in units of the device window (Δg = −η·G²·∂L/∂g).</summary>
        public double LearningRate { get; set; } = 16;
        /// <summary>Epoch e trains with learning_rate × decay^(e−1) (1: constant).</summary>
        public double LearningRateDecay { get; set; } = 0.75;
        /// <summary>Target difference V⁺ − V⁻ of the true class's output pair (the others: 0).</summary>
        public double Target { get; set; } = 0.5;
        public double PhaseDuration { get; set; } = 1e-6;
    }

    public sealed class VariabilitySection
    {
        public double WindowSpread { get; set; }
        public double StepSpread { get; set; }
        /// <summary>σ of the additive write noise per write, as a fraction of the device's window.</summary>
        public double WriteNoise { get; set; }
        public double RelativeUpdateNoise { get; set; }

        public bool IsAny() => WindowSpread != 0 || StepSpread != 0 || WriteNoise != 0 || RelativeUpdateNoise != 0;

        public EpVariability ToModel() => new()
        {
            WindowSpread = WindowSpread, StepSpread = StepSpread,
            CycleToCycle = new Nonidealities { WriteNoise = WriteNoise, RelativeUpdateNoise = RelativeUpdateNoise },
        };
    }

    public ResistiveEpSpec Spec(int inputs, int classes) => new()
    {
        Inputs = inputs, Hidden = Network.Hidden, Outputs = classes, InputScale = Network.InputScale, BiasVoltage = Network.BiasVoltage,
        AmplifierGain = Network.AmplifierGain, BackwardCurrentGain = Network.BackwardGain,
        UpperClampRail = Network.UpperClampRail, LowerClampRail = Network.LowerClampRail,
        ConductanceMin = Network.ConductanceMin, ConductanceMax = Network.ConductanceMax,
        InitialLow = Network.InitialLow, InitialHigh = Network.InitialHigh,
        InitialLayerScale = Network.InitialLayerScale.Length == 0 ? null : Network.InitialLayerScale,
    };

    public EpTrainingOptions TrainingOptions() => new()
    {
        Beta = Training.Beta, Centered = Training.Centered, LearningRate = Training.LearningRate, PhaseDuration = Training.PhaseDuration,
    };

    /// <summary>Rejects values that would make the run meaningless, naming the key.</summary>
    public void Validate()
    {
        static void Positive(double v, string key)
        {
            if (!(v > 0) || double.IsInfinity(v)) throw new ExperimentConfigException($"{key} must be a positive number (got {v})");
        }
        if (Dataset is not ("digits" or "mnist")) throw new ExperimentConfigException($"dataset must be digits or mnist (got '{Dataset}')");
        if (Epochs < 1) throw new ExperimentConfigException($"epochs must be ≥ 1 (got {Epochs})");
        if (TrainCount < 0 || TestCount < 0) throw new ExperimentConfigException("train_count and test_count must be ≥ 0");
        if (Network.Hidden.Length == 0 || Network.Hidden.Any(h => h < 1)) throw new ExperimentConfigException("network.hidden needs at least one layer, each ≥ 1");
        Positive(Network.InputScale, "network.input_scale");
        Positive(Network.AmplifierGain, "network.amplifier_gain");
        Positive(Network.BackwardGain, "network.backward_gain");
        Positive(Network.ConductanceMin, "network.conductance_min");
        if (!(Network.ConductanceMax > Network.ConductanceMin)) throw new ExperimentConfigException("network.conductance_max must exceed network.conductance_min");
        Positive(Network.InitialLow, "network.initial_low");
        if (!(Network.InitialHigh >= Network.InitialLow)) throw new ExperimentConfigException("network.initial_high must be ≥ network.initial_low");
        if (Network.InitialLayerScale.Length is not 0 && Network.InitialLayerScale.Length != Network.Hidden.Length + 1)
            throw new ExperimentConfigException($"network.initial_layer_scale needs {Network.Hidden.Length + 1} entries (one per weight layer)");
        Positive(Training.Beta, "training.beta");
        Positive(Training.LearningRate, "training.learning_rate");
        Positive(Training.PhaseDuration, "training.phase_duration");
        if (!(Training.LearningRateDecay > 0) || Training.LearningRateDecay > 1) throw new ExperimentConfigException($"training.learning_rate_decay must be in (0, 1] (got {Training.LearningRateDecay})");
        if (!(Training.Target > 0)) throw new ExperimentConfigException("training.target must be > 0");
        foreach (var (v, key) in new[] { (Variability.WindowSpread, "window_spread"), (Variability.StepSpread, "step_spread"),
                     (Variability.WriteNoise, "write_noise"), (Variability.RelativeUpdateNoise, "relative_update_noise") })
            if (!(v >= 0) || double.IsInfinity(v)) throw new ExperimentConfigException($"variability.{key} must be ≥ 0 (got {v})");
    }
}
