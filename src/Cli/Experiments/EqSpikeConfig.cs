using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Cli.Sweeps;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// An `eqspike train` file (YAML, snake_case, unknown keys rejected). Unset hyperparameters take the variant's seed-002
/// defaults (Table 2.1, Table 3.1 with p = 1/15, Table 4.1, Table 4.4 for a-eqspike synch on MNIST); <see cref="Resolve"/>
/// fills them in, so the file written to config.json lists every value that ran (and every key a sweep can --set).
/// </summary>
public sealed class EqSpikeConfig
{
    public const string KindName = "eqspike";

    public string Kind { get; set; } = KindName;
    public string Name { get; set; } = "eqspike";
    /// <summary>eqspike | memristive | a-eqspike</summary>
    public string Variant { get; set; } = "eqspike";
    /// <summary>digits | mnist</summary>
    public string Dataset { get; set; } = "digits";
    /// <summary>Digits file or MNIST folder (default: the repository's).</summary>
    public string? Data { get; set; }
    /// <summary>Digits: every N-th image is a test image (the seed gives no split).</summary>
    public int TestEvery { get; set; } = 5;
    /// <summary>Use only the first N training / test images (0: all).</summary>
    public int TrainCount { get; set; }
    public int TestCount { get; set; }
    public int? Hidden { get; set; }
    public int Epochs { get; set; } = 30;
    public ulong Seed { get; set; } = 1;
    public double NeuronSpread { get; set; }
    public EqSpikeParameterConfig Parameters { get; set; } = new();
    public EqSpikeDeviceConfig Device { get; set; } = new();
    public EqSpikeSparseConfig Sparse { get; set; } = new();
    public EqSpikeTailConfig Tail { get; set; } = new();

    [YamlDotNet.Serialization.YamlIgnore, System.Text.Json.Serialization.JsonIgnore]
    public EqSpikeVariant VariantValue => Variant switch
    {
        "eqspike" => EqSpikeVariant.EqSpike,
        "memristive" => EqSpikeVariant.Memristive,
        "a-eqspike" => EqSpikeVariant.AEqSpike,
        _ => throw new ExperimentConfigException($"variant '{Variant}' is not one of eqspike, memristive, a-eqspike"),
    };

    /// <summary>Why this run has no programming energy (numeric synapses, or devices at their ideal limit); null when it is modelled.</summary>
    [YamlDotNet.Serialization.YamlIgnore, System.Text.Json.Serialization.JsonIgnore]
    public string? EnergyNotModelled => VariantValue == EqSpikeVariant.EqSpike ? "energy not modelled (numeric synapses)"
        : Device.Ideal == true ? "energy not modelled (device.ideal)" : null;

    /// <summary>Fills unset values with the variant's defaults and checks everything (errors name the key).</summary>
    public EqSpikeConfig Resolve()
    {
        if (Kind != KindName) throw new ExperimentConfigException($"kind must be '{KindName}' (got '{Kind}')");
        CheckDataKeys(Dataset, Epochs, TestEvery, TrainCount, TestCount);
        var defaults = Defaults(VariantValue, Dataset, Tail.ModeValue);
        // A Digits preset on MNIST: 784-100-10 (Table 2.3); an MNIST preset brings its own size.
        Hidden ??= Dataset == "mnist" && defaults.Hidden == EqSpikeSetup.EqSpikeDigits.Hidden ? EqSpikeSetup.EqSpikeMnist.Hidden : defaults.Hidden;
        Parameters.FillFrom(defaults.Parameters);
        Sparse.FillFrom(defaults.Sparse);
        Tail.Amplitude ??= defaults.Tail.Amplitude;
        Tail.Length ??= defaults.Tail.Length;
        try
        {
            Setup().Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ExperimentConfigException(ex.Message);
        }
        return this;
    }

    /// <summary>The data and length keys that bp files share with eqspike's (<see cref="EqSpikeExperiment.LoadData(string, string?, int, int, int)"/>).</summary>
    internal static void CheckDataKeys(string dataset, int epochs, int testEvery, int trainCount, int testCount)
    {
        if (dataset is not ("digits" or "mnist")) throw new ExperimentConfigException($"dataset '{dataset}' is not one of digits, mnist");
        if (epochs < 1) throw new ExperimentConfigException($"epochs must be ≥ 1 (got {epochs})");
        if (testEvery < 2) throw new ExperimentConfigException($"test_every must be ≥ 2 (got {testEvery})");
        if (trainCount < 0 || testCount < 0) throw new ExperimentConfigException("train_count and test_count must be ≥ 0");
    }

    /// <summary>Seed defaults per variant; the Digits learning rates are this simulator's calibration (README).</summary>
    public static EqSpikeSetup Defaults(EqSpikeVariant variant, string dataset, AEqSpikeMode mode = AEqSpikeMode.Synch) => variant switch
    {
        EqSpikeVariant.Memristive => EqSpikeSetup.MemristiveDigits,
        EqSpikeVariant.AEqSpike when mode == AEqSpikeMode.Synch && dataset == "mnist" => EqSpikeSetup.AEqSpikeMnist,
        EqSpikeVariant.AEqSpike when mode == AEqSpikeMode.Synch => EqSpikeSetup.AEqSpikeDigits,
        EqSpikeVariant.AEqSpike => EqSpikeSetup.AEqSpikeDesynchDigits(mode),
        _ when dataset == "digits" => EqSpikeSetup.EqSpikeDigits,
        _ => EqSpikeSetup.EqSpikeMnist,
    };

    public EqSpikeSetup Setup() => new()
    {
        Variant = VariantValue,
        Hidden = Hidden ?? 32,
        Parameters = Parameters.ToParameters(),
        Memristor = Device.ToOptions(),
        Sparse = Sparse.ToSparse(),
        Tail = Tail.ToTail(),
        NeuronSpread = NeuronSpread,
    };
}

public sealed class EqSpikeParameterConfig
{
    public double? LeakLif { get; set; }
    public double? LeakIntegrator { get; set; }
    public double? Threshold { get; set; }
    public double? Tau { get; set; }
    public double? LearningRate { get; set; }
    public int? FilterLength { get; set; }
    public double? Beta { get; set; }
    public double? FreeTime { get; set; }
    public double? NudgeTime { get; set; }
    public int? RateWindow { get; set; }
    public bool? RandomBetaSign { get; set; }
    public double? NudgeGate { get; set; }
    public double? MembraneFloor { get; set; }
    public bool? HoldReferenceAtNudge { get; set; }
    /// <summary>per_step (default) | per_fmax: units of the rates in the output nudge.</summary>
    public string? NudgeRateUnits { get; set; }

    internal void FillFrom(EqSpikeParameters d)
    {
        LeakLif ??= d.LeakLif; LeakIntegrator ??= d.LeakIntegrator; Threshold ??= d.Threshold; Tau ??= d.Tau;
        LearningRate ??= d.LearningRate; FilterLength ??= d.FilterLength; Beta ??= d.Beta; FreeTime ??= d.FreeTime;
        NudgeTime ??= d.NudgeTime; RateWindow ??= d.RateWindow; RandomBetaSign ??= d.RandomBetaSign; NudgeGate ??= d.NudgeGate;
        MembraneFloor ??= d.MembraneFloor; HoldReferenceAtNudge ??= d.HoldReferenceAtNudge;
        NudgeRateUnits ??= d.NudgeRateUnits == Learning.EqSpike.NudgeRateUnits.PerFmax ? "per_fmax" : "per_step";
    }

    internal EqSpikeParameters ToParameters()
    {
        var d = new EqSpikeParameters();
        return new EqSpikeParameters
        {
            LeakLif = LeakLif ?? d.LeakLif, LeakIntegrator = LeakIntegrator ?? d.LeakIntegrator, Threshold = Threshold ?? d.Threshold,
            Tau = Tau ?? d.Tau, LearningRate = LearningRate ?? d.LearningRate, FilterLength = FilterLength ?? d.FilterLength,
            Beta = Beta ?? d.Beta, FreeTime = FreeTime ?? d.FreeTime, NudgeTime = NudgeTime ?? d.NudgeTime,
            RateWindow = RateWindow ?? d.RateWindow, RandomBetaSign = RandomBetaSign ?? d.RandomBetaSign, NudgeGate = NudgeGate ?? d.NudgeGate,
            MembraneFloor = MembraneFloor ?? d.MembraneFloor, HoldReferenceAtNudge = HoldReferenceAtNudge ?? d.HoldReferenceAtNudge,
            NudgeRateUnits = NudgeRateUnits switch
            {
                null => d.NudgeRateUnits,
                "per_step" => Learning.EqSpike.NudgeRateUnits.PerStep,
                "per_fmax" => Learning.EqSpike.NudgeRateUnits.PerFmax,
                _ => throw new ExperimentConfigException($"parameters.nudge_rate_units must be per_step or per_fmax (got '{NudgeRateUnits}')"),
            },
        };
    }
}

/// <summary>Threshold memristor (Eq. 3.2) and its non-idealities (§3.7); defaults are <see cref="ThresholdMemristorParameters"/>'s.</summary>
public sealed class EqSpikeDeviceConfig
{
    private static readonly ThresholdMemristorParameters D = new();

    public double Gmin { get; set; } = D.Gmin;
    public double Gmax { get; set; } = D.Gmax;
    public double Slope { get; set; } = D.SlopePositive;
    public double Threshold { get; set; } = D.ThresholdPositive;
    /// <summary>η⁺ = η⁻ (§3.7.3 studies the symmetric case).</summary>
    public double Eta { get; set; }
    /// <summary>as_printed | saturating (the sign of η, notes 002 §3.1; "printed" is accepted as an alias).</summary>
    public string Convention { get; set; } = "as_printed";
    public double PulseWidth { get; set; } = 50e-9;
    public double SlopeSpread { get; set; }
    public bool SlopeSymmetric { get; set; }
    /// <summary>An asymmetric device (the netlist's and pulse-study's keys): each overrides its polarity of slope, threshold (±) or eta.</summary>
    public double? SlopePositive { get; set; }
    public double? SlopeNegative { get; set; }
    public double? ThresholdPositive { get; set; }
    public double? ThresholdNegative { get; set; }
    public double? EtaPositive { get; set; }
    public double? EtaNegative { get; set; }
    public double ThresholdSpread { get; set; }
    public double WriteNoise { get; set; }
    /// <summary>
    /// The ideal-device limit W = clamp(W + ΔW) instead of Eq. 3.2 per device (A-EqSpike synch on a linear device; no
    /// energy). Nullable so that runs checkpointed before the key existed still resume.
    /// </summary>
    public bool? Ideal { get; set; }

    internal MemristorSynapseOptions ToOptions() => new()
    {
        Device = new ThresholdMemristorParameters
        {
            Gmin = Gmin, Gmax = Gmax, SlopePositive = SlopePositive ?? Slope, SlopeNegative = SlopeNegative ?? Slope,
            ThresholdPositive = ThresholdPositive ?? Threshold, ThresholdNegative = ThresholdNegative ?? -Threshold,
            EtaPositive = EtaPositive ?? Eta, EtaNegative = EtaNegative ?? Eta,
            Convention = NonLinearityConventions.TryParse(Convention)
                ?? throw new ExperimentConfigException($"device.convention '{Convention}' is not one of {NonLinearityConventions.Accepted}"),
        },
        PulseWidth = PulseWidth, SlopeSpread = SlopeSpread, SlopeSymmetric = SlopeSymmetric,
        ThresholdSpread = ThresholdSpread, WriteNoise = WriteNoise, Ideal = Ideal ?? false,
    };
}

public sealed class EqSpikeSparseConfig
{
    /// <summary>every | probabilistic | every_n</summary>
    public string? Mode { get; set; }
    public double? Probability { get; set; }
    public int? N { get; set; }

    internal void FillFrom(SparseProgramming d)
    {
        Mode ??= d.Mode switch { SparseMode.Probabilistic => "probabilistic", SparseMode.EveryNth => "every_n", _ => "every" };
        Probability ??= d.Probability;
        N ??= d.N;
    }

    internal SparseProgramming ToSparse() => new(Mode switch
    {
        null or "every" => SparseMode.Every,
        "probabilistic" => SparseMode.Probabilistic,
        "every_n" => SparseMode.EveryNth,
        _ => throw new ExperimentConfigException($"sparse.mode '{Mode}' is not one of every, probabilistic, every_n"),
    }, Probability ?? 1, N ?? 1);
}

/// <summary>
/// A-EqSpike tail: length (T_refract; default 20, 50 synch on MNIST), amplitude (V_th; default 1e-4 synch, 1e-6 synch on
/// MNIST, 0.1 desynchronised), shape square | saw | pwl
/// (with times/values knots), mode synch | desynch | desynch_collision | desynch_proba and their probabilities.
/// </summary>
public sealed class EqSpikeTailConfig
{
    public double? Length { get; set; }
    public double? Amplitude { get; set; }
    public string Shape { get; set; } = "square";
    public List<double> Times { get; set; } = [];
    public List<double> Values { get; set; } = [];
    public string Mode { get; set; } = "synch";
    public double CollisionProbability { get; set; } = 1.0 / 6;
    public double ProgramProbability { get; set; } = 0.5;
    public double StepSeconds { get; set; } = 50e-9;

    [YamlDotNet.Serialization.YamlIgnore, System.Text.Json.Serialization.JsonIgnore]
    public AEqSpikeMode ModeValue => Mode switch
    {
        "synch" => AEqSpikeMode.Synch,
        "desynch" => AEqSpikeMode.Desynch,
        "desynch_collision" => AEqSpikeMode.DesynchCollision,
        "desynch_proba" => AEqSpikeMode.DesynchProba,
        _ => throw new ExperimentConfigException($"tail.mode '{Mode}' is not one of synch, desynch, desynch_collision, desynch_proba"),
    };

    internal TailPulse ToTail() => new()
    {
        Length = Length ?? new TailPulse().Length,
        Amplitude = Amplitude ?? new TailPulse().Amplitude,
        Mode = ModeValue,
        CollisionProbability = CollisionProbability,
        ProgramProbability = ProgramProbability,
        StepSeconds = StepSeconds,
        Shape = Shape switch
        {
            "square" => TailShape.Square,
            "saw" => TailShape.Saw,
            "pwl" => new TailShape(Times.ToArray(), Values.ToArray()),
            _ => throw new ExperimentConfigException($"tail.shape '{Shape}' is not one of square, saw, pwl"),
        },
    };
}

public static class EqSpikeConfigFile
{
    public static EqSpikeConfig Load(string path)
    {
        if (!File.Exists(path)) throw new ExperimentConfigException($"{path}: experiment file not found");
        return Parse(File.ReadAllText(path), path);
    }

    public static EqSpikeConfig Parse(string yaml, string? source)
    {
        var cfg = ConfigYaml.Deserialize<EqSpikeConfig>(yaml, source);
        try
        {
            return cfg.Resolve();
        }
        catch (ExperimentConfigException ex) when (source is not null)
        {
            throw new ExperimentConfigException($"{source}: {ex.Message}");
        }
    }
}
