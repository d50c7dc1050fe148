using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.ResistiveEp;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// `ep train` configuration (YAML, snake_case keys): a resistive EP network trained at circuit level by the
/// layered fast path (Kendall et al. 2020; src/Learning/ResistiveEp/README.md). The defaults are the MNIST
/// 784(×2)-100-10(×2) run H the README reports (layer learning rates chosen on a validation split).
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
    /// <summary>Hold out the last N training samples (after train_count) as a validation set: not trained on, error reported per epoch (0 = none). Tune on it, not on the test set.</summary>
    public int ValidationCount { get; set; }
    public int Epochs { get; set; } = 10;
    public NetworkSection Network { get; set; } = new();
    public TrainingSection Training { get; set; } = new();
    public VariabilitySection Variability { get; set; } = new();
    public ProgrammingSection Programming { get; set; } = new();

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
        /// <summary>
        /// Factor on learning_rate per weight layer, input layer first (empty or null: 1). Default (1, 0.125): chosen on a
        /// held-out validation split of the MNIST training set (README, second round, runs A–F; run H: 3.60 % test error
        /// against 3.77 % with (1, 1)); it has one entry per weight layer of the default single hidden layer.
        /// </summary>
        public double[]? LayerLearningRates { get; set; } = [1, 0.125];
        /// <summary>Target difference V⁺ − V⁻ of the true class's output pair (the others: 0).</summary>
        public double Target { get; set; } = 0.5;
        public double PhaseDuration { get; set; } = 1e-6;
    }

    /// <summary>
    /// Device variability (σ of relative 𝒩(1, σ²) factors drawn once per device, and cycle-to-cycle noise). With numbers:
    /// window and step spreads, noise per write; with pulses: window, slope (S⁺, S⁻) and threshold (V⁺th, V⁻th) spreads
    /// of the threshold device, noise per pulse.
    /// </summary>
    public sealed class VariabilitySection
    {
        public double WindowSpread { get; set; }
        /// <summary>Numbers only: spread of the update step.</summary>
        public double StepSpread { get; set; }
        /// <summary>Pulses only: spread of the slopes S⁺ and S⁻ (each drawn apart).</summary>
        public double SlopeSpread { get; set; }
        /// <summary>Pulses only: spread of the thresholds V⁺th and V⁻th (each drawn apart).</summary>
        public double ThresholdSpread { get; set; }
        /// <summary>σ of the additive write noise per write (numbers) or per pulse (pulses), as a fraction of the device's window.</summary>
        public double WriteNoise { get; set; }
        public double RelativeUpdateNoise { get; set; }
        /// <summary>Pulses only: the noise hits every pulse (pulse, the default) or once the whole change of an update (write; cheaper).</summary>
        public string NoisePer { get; set; } = "pulse";

        public bool IsAny() => WindowSpread != 0 || StepSpread != 0 || SlopeSpread != 0 || ThresholdSpread != 0 || WriteNoise != 0 || RelativeUpdateNoise != 0;

        public EpVariability ToModel() => new()
        {
            WindowSpread = WindowSpread, StepSpread = StepSpread, SlopeSpread = SlopeSpread, ThresholdSpread = ThresholdSpread,
            CycleToCycle = new Nonidealities { WriteNoise = WriteNoise, RelativeUpdateNoise = RelativeUpdateNoise },
            NoisePerWrite = NoisePer == "write",
        };

        public void Validate(bool pulses)
        {
            if (NoisePer is not ("pulse" or "write")) throw new ExperimentConfigException($"variability.noise_per must be pulse or write (got '{NoisePer}')");
            if (!pulses && NoisePer != "pulse")
                throw new ExperimentConfigException("variability.noise_per applies to programming.update: pulses (numbers are noisy once per write)");
            foreach (var (v, key) in new[] { (WindowSpread, "window_spread"), (StepSpread, "step_spread"), (SlopeSpread, "slope_spread"),
                         (ThresholdSpread, "threshold_spread"), (WriteNoise, "write_noise"), (RelativeUpdateNoise, "relative_update_noise") })
                if (!(v >= 0) || double.IsInfinity(v)) throw new ExperimentConfigException($"variability.{key} must be ≥ 0 (got {v})");
            if (pulses && StepSpread != 0)
                throw new ExperimentConfigException("variability.step_spread applies to programming.update: numbers; with pulses use variability.slope_spread and threshold_spread");
            if (!pulses && (SlopeSpread != 0 || ThresholdSpread != 0))
                throw new ExperimentConfigException($"variability.{(SlopeSpread != 0 ? "slope_spread" : "threshold_spread")} applies to programming.update: pulses; with numbers use variability.step_spread");
        }
    }

    /// <summary>
    /// How updates are written: numbers (through the ideal or variable devices above) or identical SET/RESET
    /// pulses through the seed-002 threshold memristor (Eq. 3.2; its state is the conductance, so its window must be
    /// the network's conductance_min..conductance_max), integrated once into a one-pulse map; with the variability
    /// section every device has its own drawn parameters (closed-form pulses, see PulseProgramming).
    /// </summary>
    public sealed class ProgrammingSection
    {
        /// <summary>numbers or pulses.</summary>
        public string Update { get; set; } = "numbers";
        /// <summary>Device model of the pulses: threshold (the only model here whose state is the conductance).</summary>
        public string Model { get; set; } = "threshold";
        /// <summary>Threshold-memristor parameters; g_min and g_max must be the network's conductance window.</summary>
        public ThresholdModelSection Threshold { get; set; } = new() { GMin = 1e-7, GMax = 1e-4 };
        public double SetAmplitude { get; set; } = 1.5;
        public double ResetAmplitude { get; set; } = -1.5;
        /// <summary>Pulse width (s); with the default slope one SET pulse moves 0.18·0.5·width S (1 µs: 0.09 % of a 100 µS window).</summary>
        public double PulseWidth { get; set; } = 1e-6;
        public int MaxPulsesPerUpdate { get; set; } = 64;
        /// <summary>Grid points of the one-pulse map over the window.</summary>
        public int MapPoints { get; set; } = 4097;

        public bool UsesPulses() => Update == "pulses";

        /// <summary>The pulse writer for the network's window (its <paramref name="count"/> devices drawn with <paramref name="variability"/>, if any), or null for numbers.</summary>
        public PulseProgramming? Build(int count, VariabilitySection variability, RandomStreams streams)
        {
            if (!UsesPulses()) return null;
            var model = (ThresholdMemristor)Threshold.Build("programming.threshold");
            ThresholdDeviceArray? devices;
            try
            {
                devices = variability.IsAny() ? new ThresholdDeviceArray(model.Parameters, count, variability.ToModel(), streams) : null;
            }
            catch (ArgumentException ex)
            {
                throw new ExperimentConfigException($"variability (window_spread {variability.WindowSpread}, slope_spread {variability.SlopeSpread}, threshold_spread {variability.ThresholdSpread}): {ex.Message}");
            }
            try
            {
                return new PulseProgramming(model, new RectangularPulse(SetAmplitude, PulseWidth), new RectangularPulse(ResetAmplitude, PulseWidth),
                    MaxPulsesPerUpdate, MapPoints, devices);
            }
            catch (ArgumentException ex)
            {
                throw new ExperimentConfigException($"programming: {ex.Message}");
            }
        }

        public void Validate(NetworkSection network)
        {
            if (Update is not ("numbers" or "pulses")) throw new ExperimentConfigException($"programming.update must be numbers or pulses (got '{Update}')");
            if (!UsesPulses()) return;
            if (Model != "threshold") throw new ExperimentConfigException($"programming.model must be threshold (got '{Model}')");
            if (!(SetAmplitude > 0) || !(ResetAmplitude < 0)) throw new ExperimentConfigException("programming.set_amplitude must be > 0 and programming.reset_amplitude < 0");
            if (!(PulseWidth > 0) || double.IsInfinity(PulseWidth)) throw new ExperimentConfigException($"programming.pulse_width must be a positive number (got {PulseWidth})");
            if (MaxPulsesPerUpdate < 1) throw new ExperimentConfigException("programming.max_pulses_per_update must be ≥ 1");
            if (MapPoints < 2) throw new ExperimentConfigException("programming.map_points must be ≥ 2");
            if (Threshold.GMin != network.ConductanceMin || Threshold.GMax != network.ConductanceMax)
                throw new ExperimentConfigException($"programming.threshold.g_min/g_max ({Threshold.GMin}, {Threshold.GMax}) must equal network.conductance_min/max ({network.ConductanceMin}, {network.ConductanceMax}): the device's state is the conductance");
        }
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
        LayerRates = Training.LayerLearningRates is { Length: > 0 } rates ? rates : null,
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
        if (TrainCount < 0 || TestCount < 0 || ValidationCount < 0) throw new ExperimentConfigException("train_count, test_count and validation_count must be ≥ 0");
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
        var rates = Training.LayerLearningRates ?? [];
        if (rates.Length is not 0 && rates.Length != Network.Hidden.Length + 1)
            throw new ExperimentConfigException($"training.layer_learning_rates needs {Network.Hidden.Length + 1} entries (one per weight layer; the default [1, 0.125] is for one hidden layer), or [] for 1 everywhere");
        if (rates.Any(r => !(r > 0) || double.IsInfinity(r))) throw new ExperimentConfigException("training.layer_learning_rates must all be positive numbers");
        Positive(Training.Beta, "training.beta");
        Positive(Training.LearningRate, "training.learning_rate");
        Positive(Training.PhaseDuration, "training.phase_duration");
        if (!(Training.LearningRateDecay > 0) || Training.LearningRateDecay > 1) throw new ExperimentConfigException($"training.learning_rate_decay must be in (0, 1] (got {Training.LearningRateDecay})");
        if (!(Training.Target > 0)) throw new ExperimentConfigException("training.target must be > 0");
        Programming.Validate(Network);
        Variability.Validate(Programming.UsesPulses());
    }
}
