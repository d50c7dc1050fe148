using CircuitNeuro.Learning.Vdsp;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>A `vdsp train` experiment file (YAML, snake_case). Defaults: the paper's 100-neuron MNIST run (notes 003 §2.3).</summary>
public sealed class VdspConfig
{
    public const string KindName = "vdsp";

    /// <summary>Always vdsp; lets `sweep` recognise the file.</summary>
    public string Kind { get; set; } = KindName;
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
    /// <summary>
    /// mnist only: hold out the last N images of the training file and test on them instead of the test set (a validation
    /// split for tuning); train_count and label_count then count from the remaining images.
    /// </summary>
    public int ValidationCount { get; set; }
    /// <summary>none|max|mean per-image pixel normalisation (hypotheses for the paper's `mnist_norm.npz`; none = pixel/255).</summary>
    public string InputNormalization { get; set; } = "none";
    public int Epochs { get; set; } = 1;
    public bool Shuffle { get; set; }
    public ulong Seed { get; set; } = 50;
    /// <summary>Presentations per chunk: one CSV row and one checkpoint each.</summary>
    public int Chunk { get; set; } = 2000;
    /// <summary>rule vdsp|stdp|none, VDSP η, device ideal|tio2|hfo2|hfzro4|tio2-2022, programming voltage and clip, STDP window, shadow STDP counter.</summary>
    public PlasticitySpec Learning { get; set; } = new();
    public VdspNetworkOptions Network { get; set; } = new();

    public void Validate()
    {
        if (Kind != KindName) throw new ExperimentConfigException($"kind must be '{KindName}' (got '{Kind}')");
        if (Dataset is not ("mnist" or "digits")) throw new ExperimentConfigException($"dataset: '{Dataset}' is neither mnist nor digits");
        foreach (var (key, value) in new[] { ("train_count", TrainCount), ("label_count", LabelCount), ("test_count", TestCount), ("validation_count", ValidationCount), ("epochs", Epochs) })
            if (value < 0) throw new ExperimentConfigException($"{key}: must be ≥ 0 (got {value})");
        if (ValidationCount > 0 && Dataset != "mnist") throw new ExperimentConfigException("validation_count: only for dataset mnist");
        if (!CircuitNeuro.Learning.Vdsp.InputNormalization.Modes.Contains(InputNormalization))
            throw new ExperimentConfigException($"input_normalization: '{InputNormalization}' is not one of {string.Join(", ", CircuitNeuro.Learning.Vdsp.InputNormalization.Modes)}");
        if (Chunk <= 0) throw new ExperimentConfigException($"chunk: must be > 0 (got {Chunk})");
        Section("learning", Learning.Validate);
        Section("network", Network.Validate);
    }

    private static void Section(string key, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            throw new ExperimentConfigException($"{key}: {ex.Message}");
        }
    }
}
