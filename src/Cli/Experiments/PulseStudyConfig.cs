using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// The pulse-programming study (schema of its YAML files, snake_case keys, and the built-in default): a
/// population of memristors of one model, each with its own parameters drawn around the nominal ones
/// (device-to-device variability) and its own write noise (cycle-to-cycle), programmed by the same train of
/// identical pulses. The default shows a saturating potentiation curve of the seed-002 threshold device
/// (η = 3, saturating) whose switching speed and threshold vary from device to device.
/// </summary>
public sealed class PulseStudyConfig
{
    public const string KindName = "pulse-study";

    /// <summary>Always pulse-study: tells this file apart from an inference experiment (run, sweep).</summary>
    public string Kind { get; set; } = KindName;
    public string Name { get; set; } = "threshold-potentiation";
    public ulong Seed { get; set; } = 1;
    public DevicesSection Devices { get; set; } = new();
    public PulseSection Pulse { get; set; } = new();
    public VariabilitySection Variability { get; set; } = new();

    /// <summary>Nominal parameters per model; only the one named by devices.model is used.</summary>
    public ThresholdModelSection Threshold { get; set; } = new() { SlopePositive = 60, SlopeNegative = 60, EtaPositive = 3, EtaNegative = 3, Convention = "saturating" };
    public VteamModelSection Vteam { get; set; } = new();
    public YakopcicModelSection Yakopcic { get; set; } = new();
    public VdspModelSection Vdsp { get; set; } = new();

    public sealed class DevicesSection
    {
        public int Count { get; set; } = 100;
        /// <summary>threshold, vteam, yakopcic or vdsp.</summary>
        public string Model { get; set; } = "threshold";
        /// <summary>Starting state as a fraction of the model's state range (threshold: 0 = g_min; vteam: w, 0 = R_ON; yakopcic, vdsp: x, w).</summary>
        public double InitialState { get; set; }
        /// <summary>Voltage of the conductance read after every pulse (chord conductance i/v).</summary>
        public double ReadVoltage { get; set; } = 0.1;
        /// <summary>Driver or access resistance in series with each device (Ω); its energy is part of the energy per pulse.</summary>
        public double SeriesResistance { get; set; }
    }

    public sealed class PulseSection
    {
        /// <summary>rectangular, triangular or pwl.</summary>
        public string Shape { get; set; } = "rectangular";
        /// <summary>Peak voltage (V, signed).</summary>
        public double Amplitude { get; set; } = 1.5;
        /// <summary>Duration (s).</summary>
        public double Width { get; set; } = 100e-9;
        /// <summary>Number of pulses in the train.</summary>
        public int Count { get; set; } = 40;
        /// <summary>rectangular: rise and fall time inside the width (0 = ideal edges).</summary>
        public double Edge { get; set; }
        /// <summary>triangular: time of the peak as a fraction of the width.</summary>
        public double PeakFraction { get; set; } = 0.5;
        /// <summary>pwl: knot times as fractions of the width, 0 … 1 (equal neighbours make a jump).</summary>
        public List<double> PwlTimes { get; set; } = [0, 0.5, 0.5, 1];
        /// <summary>pwl: knot values as fractions of the amplitude.</summary>
        public List<double> PwlValues { get; set; } = [1, 1, -0.5, -0.5];

        public ProgrammingPulse Build()
        {
            try
            {
                return Shape.ToLowerInvariant() switch
                {
                    "rectangular" => new RectangularPulse(Amplitude, Width, Edge),
                    "triangular" => new TriangularPulse(Amplitude, Width, PeakFraction),
                    "pwl" => new PwlPulse(Amplitude, Width, PwlTimes.ToArray(), PwlValues.ToArray()),
                    _ => throw new ExperimentConfigException($"pulse.shape '{Shape}' is not one of rectangular, triangular, pwl"),
                };
            }
            catch (ArgumentException ex)
            {
                throw new ExperimentConfigException($"pulse ({Shape}): {ex.Message}");
            }
        }
    }

    public sealed class VariabilitySection
    {
        /// <summary>Parameters drawn once per device: each is the nominal value times a random factor.</summary>
        public List<DeviceVariation> DeviceToDevice { get; set; } =
        [
            new() { Parameter = "slope_positive", Distribution = "lognormal", Spread = 0.3 },
            new() { Parameter = "threshold_positive", Distribution = "normal", Spread = 0.05 },
        ];
        /// <summary>σ of the additive write noise per pulse, as a fraction of the state range (seed 002 §3.7.2).</summary>
        public double WriteNoise { get; set; } = 0.005;
        /// <summary>σ of a factor 𝒩(1, σ²) on each pulse's deterministic state change.</summary>
        public double RelativeUpdateNoise { get; set; }
        /// <summary>Add write noise also after pulses that did not move the device (below threshold).</summary>
        public bool NoiseOnEveryPulse { get; set; }
        /// <summary>σ of the relative read noise on every conductance read.</summary>
        public double ReadNoise { get; set; }
        public double StuckLrsFraction { get; set; }
        public double StuckHrsFraction { get; set; }
        /// <summary>Programmable levels (0 = continuous).</summary>
        public int Levels { get; set; }
        /// <summary>linear (equal steps in the state) or log (equal steps in log state; positive states only).</summary>
        public string LevelSpacing { get; set; } = "linear";

        public Nonidealities ToNonidealities() => new()
        {
            WriteNoise = WriteNoise,
            RelativeUpdateNoise = RelativeUpdateNoise,
            NoiseOnEveryPulse = NoiseOnEveryPulse,
            ReadNoise = ReadNoise,
            StuckLrsFraction = StuckLrsFraction,
            StuckHrsFraction = StuckHrsFraction,
            Levels = Levels,
            LevelSpacing = LevelSpacing.ToLowerInvariant() switch
            {
                "linear" => Circuits.Variability.LevelSpacing.LinearInState,
                "log" => Circuits.Variability.LevelSpacing.LogInState,
                _ => throw new ExperimentConfigException($"variability.level_spacing '{LevelSpacing}' is not one of linear, log"),
            },
        };
    }

    /// <summary>
    /// One parameter's device-to-device spread, as a factor on its nominal value: normal 𝒩(1, spread²) truncated
    /// to positive factors (a parameter keeps its sign), lognormal e^{𝒩(0, spread²)} (median = nominal),
    /// uniform on [1 − spread, 1 + spread].
    /// </summary>
    public sealed class DeviceVariation
    {
        public string Parameter { get; set; } = "";
        public string Distribution { get; set; } = "normal";
        public double Spread { get; set; }

        public ParameterDistribution Factor(string key) => Distribution.ToLowerInvariant() switch
        {
            "normal" => new NormalDistribution(1, Spread, Lower: 0),
            "lognormal" => new LogNormalDistribution(0, Spread),
            "uniform" => new UniformDistribution(1 - Spread, 1 + Spread),
            _ => throw new ExperimentConfigException($"{key}.distribution '{Distribution}' is not one of normal, lognormal, uniform"),
        };
    }

    /// <summary>The nominal parameters of the chosen model.</summary>
    public ModelSection NominalModel() => Devices.Model.ToLowerInvariant() switch
    {
        "threshold" => Threshold,
        "vteam" => Vteam,
        "yakopcic" => Yakopcic,
        "vdsp" => Vdsp,
        _ => throw new ExperimentConfigException($"devices.model '{Devices.Model}' is not one of threshold, vteam, yakopcic, vdsp"),
    };

    /// <summary>Rejects values that would make the study meaningless, naming the key.</summary>
    public void Validate()
    {
        if (Kind != KindName) throw new ExperimentConfigException($"kind '{Kind}' is not {KindName}");
        if (Devices.Count < 1) throw new ExperimentConfigException("devices.count must be >= 1");
        if (!(Devices.InitialState >= 0 && Devices.InitialState <= 1)) throw new ExperimentConfigException($"devices.initial_state must lie in [0, 1] (got {Devices.InitialState})");
        if (!(Devices.ReadVoltage != 0) || !double.IsFinite(Devices.ReadVoltage)) throw new ExperimentConfigException("devices.read_voltage must be a non-zero number");
        if (!(Devices.SeriesResistance >= 0) || double.IsInfinity(Devices.SeriesResistance)) throw new ExperimentConfigException("devices.series_resistance must be >= 0");
        if (Pulse.Count < 1) throw new ExperimentConfigException("pulse.count must be >= 1");
        Pulse.Build();
        var nominal = NominalModel();
        nominal.Build(Devices.Model.ToLowerInvariant());
        for (int k = 0; k < Variability.DeviceToDevice.Count; k++)
        {
            var v = Variability.DeviceToDevice[k];
            string key = $"variability.device_to_device.{k}";
            if (!nominal.ParameterKeys().Contains(v.Parameter))
                throw new ExperimentConfigException($"{key}.parameter '{v.Parameter}' is not a parameter of model {Devices.Model} (parameters: {string.Join(", ", nominal.ParameterKeys())})");
            if (!(v.Spread >= 0) || double.IsInfinity(v.Spread)) throw new ExperimentConfigException($"{key}.spread must be >= 0");
            if (v.Distribution.Equals("uniform", StringComparison.OrdinalIgnoreCase) && v.Spread >= 1)
                throw new ExperimentConfigException($"{key}.spread must be < 1 for a uniform factor (a parameter keeps its sign)");
            v.Factor(key);
        }
        var n = Variability;
        foreach (var (value, key) in new[] { (n.WriteNoise, "write_noise"), (n.RelativeUpdateNoise, "relative_update_noise"), (n.ReadNoise, "read_noise") })
            if (!(value >= 0) || double.IsInfinity(value)) throw new ExperimentConfigException($"variability.{key} must be >= 0");
        if (!(n.StuckLrsFraction >= 0) || !(n.StuckHrsFraction >= 0) || n.StuckLrsFraction + n.StuckHrsFraction > 1)
            throw new ExperimentConfigException("variability.stuck_lrs_fraction and stuck_hrs_fraction must be >= 0 and sum to <= 1");
        if (n.Levels < 0) throw new ExperimentConfigException("variability.levels must be >= 0");
        n.ToNonidealities();
    }
}
