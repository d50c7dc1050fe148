using CircuitNeuro.Cli.Sweeps;
using CircuitNeuro.Learning.Backprop;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// A back-propagation baseline file (kind: bp; YAML, snake_case, unknown keys rejected): seed 002 §3.7's BP-SGD / BP-ADAM
/// with the memristive synapses of §3.8. The data keys and the `device:` section are eqspike's (<see cref="EqSpikeDeviceConfig"/>).
/// <see cref="Resolve"/> fills the learning rate from Table 3.2 when unset, so config.json lists every value that ran.
/// </summary>
public sealed class BackpropConfig
{
    public const string KindName = "bp";

    public string Kind { get; set; } = KindName;
    public string Name { get; set; } = "bp";
    /// <summary>sgd | adam</summary>
    public string Optimizer { get; set; } = "sgd";
    /// <summary>Default: Table 3.2 (0.1 for sgd, 0.001 for adam).</summary>
    public double? LearningRate { get; set; }
    public int Epochs { get; set; } = 30;
    public int Hidden { get; set; } = 32;
    public ulong Seed { get; set; } = 1;
    public double NeuronSpread { get; set; }
    /// <summary>memristive | ideal</summary>
    public string Synapses { get; set; } = "memristive";
    /// <summary>Effective weight = weight_scale × W, W ∈ [−0.5, 0.5].</summary>
    public double WeightScale { get; set; } = 1;
    /// <summary>digits | mnist</summary>
    public string Dataset { get; set; } = "digits";
    public string? Data { get; set; }
    /// <summary>Digits: every N-th image is a test image (EqSpike's split: 1437 / 360).</summary>
    public int TestEvery { get; set; } = 5;
    public int TrainCount { get; set; }
    public int TestCount { get; set; }
    public EqSpikeDeviceConfig Device { get; set; } = new();

    public BackpropConfig Resolve()
    {
        if (Kind != KindName) throw new ExperimentConfigException($"kind must be '{KindName}' (got '{Kind}')");
        EqSpikeConfig.CheckDataKeys(Dataset, Epochs, TestEvery, TrainCount, TestCount);
        if (Synapses is not ("memristive" or "ideal")) throw new ExperimentConfigException($"synapses '{Synapses}' is not one of memristive, ideal");
        LearningRate ??= BackpropSetup.TableLearningRate(OptimizerValue);
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

    [YamlDotNet.Serialization.YamlIgnore, System.Text.Json.Serialization.JsonIgnore]
    public BackpropOptimizer OptimizerValue => Optimizer switch
    {
        "sgd" => BackpropOptimizer.Sgd,
        "adam" => BackpropOptimizer.Adam,
        _ => throw new ExperimentConfigException($"optimizer '{Optimizer}' is not one of sgd, adam"),
    };

    public BackpropSetup Setup() => new()
    {
        Hidden = [Hidden],
        Optimizer = OptimizerValue,
        LearningRate = LearningRate,
        NeuronSpread = NeuronSpread,
        Memristive = Synapses == "memristive",
        Memristor = Device.ToOptions(),
        WeightScale = WeightScale,
    };

    public static BackpropConfig Parse(string yaml, string? source)
    {
        var cfg = ConfigYaml.Deserialize<BackpropConfig>(yaml, source);
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
