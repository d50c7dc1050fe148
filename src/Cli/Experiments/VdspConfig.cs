using CircuitNeuro.Learning.Stdp;
using CircuitNeuro.Learning.Vdsp;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>STDP settings of a `vdsp train` file (the learning rate is the run's learning_rate).</summary>
public sealed class VdspStdpConfig
{
    public double DepressionRatio { get; set; } = 1.0;
    public double TauPotentiation { get; set; } = 16.8e-3;
    public double TauDepression { get; set; } = 33.7e-3;
    public double WindowCutoff { get; set; } = 5;
    public bool SoftBounds { get; set; } = true;
}

/// <summary>A `vdsp train` experiment file (YAML, snake_case). Defaults: the paper's 100-neuron MNIST run (notes 003 §2.3).</summary>
public sealed class VdspConfig
{
    public string Name { get; set; } = "vdsp-mnist";
    /// <summary>mnist or digits.</summary>
    public string Dataset { get; set; } = "mnist";
    /// <summary>Data folder (mnist) or file (digits); empty: the repository default.</summary>
    public string Data { get; set; } = "";
    /// <summary>Training images (first ones; 0 = all); digits uses an interleaved 4:1 train/test split.</summary>
    public int TrainCount { get; set; }
    /// <summary>Images of the training set used to label neurons (first ones; 0 = the whole training set).</summary>
    public int LabelCount { get; set; }
    public int TestCount { get; set; }
    public int Epochs { get; set; } = 1;
    public bool Shuffle { get; set; }
    public ulong Seed { get; set; } = 50;
    /// <summary>Presentations per chunk: one CSV row and one checkpoint each.</summary>
    public int Chunk { get; set; } = 2000;
    /// <summary>vdsp, stdp or none (an untrained network, the baseline).</summary>
    public string Rule { get; set; } = "vdsp";
    public double LearningRate { get; set; } = 0.005;
    /// <summary>ideal, tio2, hfo2, hfzro4 or tio2-2022 (VDSP device fits, src/Circuits/Devices).</summary>
    public string Device { get; set; } = "ideal";
    public double ProgrammingVoltage { get; set; }
    public double VoltageGain { get; set; } = 1;
    public double VoltageClipMin { get; set; } = double.NegativeInfinity;
    public double VoltageClipMax { get; set; } = double.PositiveInfinity;
    public VdspStdpConfig Stdp { get; set; } = new();
    /// <summary>Count what pair STDP would do on the same spikes (its own weight copy; the network is unchanged).</summary>
    public bool ShadowStdp { get; set; }
    public VdspNetworkOptions Network { get; set; } = new();

    public PlasticitySpec Plasticity() => new()
    {
        Rule = Rule, LearningRate = LearningRate, Device = Device, ProgrammingVoltage = ProgrammingVoltage, VoltageGain = VoltageGain,
        VoltageClipMin = VoltageClipMin, VoltageClipMax = VoltageClipMax, ShadowStdp = ShadowStdp,
        Stdp = new PairStdpParameters
        {
            DepressionRatio = Stdp.DepressionRatio, TauPotentiation = Stdp.TauPotentiation, TauDepression = Stdp.TauDepression,
            WindowCutoff = Stdp.WindowCutoff, SoftBounds = Stdp.SoftBounds,
        },
    };

    public void Validate()
    {
        if (Dataset is not ("mnist" or "digits")) throw new ExperimentConfigException($"dataset: '{Dataset}' is neither mnist nor digits");
        foreach (var (key, value) in new[] { ("train_count", TrainCount), ("label_count", LabelCount), ("test_count", TestCount), ("epochs", Epochs) })
            if (value < 0) throw new ExperimentConfigException($"{key}: must be ≥ 0 (got {value})");
        if (Chunk <= 0) throw new ExperimentConfigException($"chunk: must be > 0 (got {Chunk})");
        try
        {
            Plasticity().Validate();
            Network.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ExperimentConfigException(ex.Message);
        }
    }
}
