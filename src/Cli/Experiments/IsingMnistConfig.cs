using CircuitNeuro.Cli.Sweeps;
using CircuitNeuro.Learning.Ising.Training;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// `ising mnist` experiment file (YAML, snake_case keys, unknown keys rejected). Defaults are the seed's MNIST/100
/// run (seed 001 Sec. 5.3.2, L2665–2667; the author's README command, notes §1.8): 784-120-40 (10 classes × 4
/// duplicated outputs), the first 100 training images of every class and the first 10 test images of every class,
/// β = 5, 10 free and 10 nudge reads (lowest energy kept), SA with 100 sweeps and a reverse anneal to 0.25,
/// lrW0 = lrW1 = 0.01, lrB = 0.001, init gains 0.5 / 0.25, |h| ≤ 4, 50 epochs.
/// </summary>
public sealed class IsingMnistConfig
{
    // Alg. 9 and SA defaults live with the trainer and the sampler (they are the seed's values); not repeated here.
    private static readonly IsingEpOptions Ep = new();
    private static readonly SimulatedAnnealingPhases Sa = new();

    public string Name { get; set; } = "ising-mnist100";
    public ulong Seed { get; set; } = 1;
    public string MnistFolder { get; set; } = Learning.Data.MnistDataset.DefaultFolder;
    public int TrainPerClass { get; set; } = 100;
    public int TestPerClass { get; set; } = 10;
    public int Hidden { get; set; } = 120;
    public int OutputsPerClass { get; set; } = 4;
    public int Epochs { get; set; } = 50;
    public double Beta { get; set; } = Ep.Beta;
    public int FreeReads { get; set; } = Ep.FreeReads;
    public int NudgeReads { get; set; } = Ep.NudgeReads;
    public int Sweeps { get; set; } = Sa.Sweeps;
    public double ReverseFraction { get; set; } = Sa.ReverseFraction;
    public double InputLearningRate { get; set; } = Ep.InputLearningRate;
    public double CouplingLearningRate { get; set; } = Ep.CouplingLearningRate;
    public double BiasLearningRate { get; set; } = Ep.BiasLearningRate;
    public double InputGain { get; set; } = 0.5;
    public double CouplingGain { get; set; } = 0.25;
    public double BiasLimit { get; set; } = 4.0;
    public bool SkipNudgeWhenCorrect { get; set; } = Ep.SkipNudgeWhenCorrect;

    public IsingEpOptions Options() => new()
    {
        Beta = Beta, FreeReads = FreeReads, NudgeReads = NudgeReads,
        InputLearningRate = InputLearningRate, CouplingLearningRate = CouplingLearningRate, BiasLearningRate = BiasLearningRate,
        SkipNudgeWhenCorrect = SkipNudgeWhenCorrect,
    };

    public SimulatedAnnealingPhases Phases() => new() { Sweeps = Sweeps, ReverseFraction = ReverseFraction };

    public void Validate()
    {
        void Positive(int v, string key) { if (v < 1) throw new ExperimentConfigException($"{key} must be >= 1 (got {v})"); }
        void PositiveReal(double v, string key) { if (!(v > 0) || double.IsInfinity(v)) throw new ExperimentConfigException($"{key} must be a positive number (got {v})"); }
        Positive(TrainPerClass, "train_per_class");
        Positive(TestPerClass, "test_per_class");
        Positive(Hidden, "hidden");
        Positive(OutputsPerClass, "outputs_per_class");
        Positive(Epochs, "epochs");
        Positive(FreeReads, "free_reads");
        Positive(NudgeReads, "nudge_reads");
        Positive(Sweeps, "sweeps");
        PositiveReal(Beta, "beta");
        PositiveReal(InputLearningRate, "input_learning_rate");
        PositiveReal(CouplingLearningRate, "coupling_learning_rate");
        PositiveReal(BiasLearningRate, "bias_learning_rate");
        PositiveReal(InputGain, "input_gain");
        PositiveReal(CouplingGain, "coupling_gain");
        PositiveReal(BiasLimit, "bias_limit");
        if (!(ReverseFraction >= 0 && ReverseFraction < 1)) throw new ExperimentConfigException($"reverse_fraction must lie in [0, 1) (got {ReverseFraction})");
        if (string.IsNullOrWhiteSpace(MnistFolder)) throw new ExperimentConfigException("mnist_folder must name the folder of the MNIST IDX files");
    }

    public static IsingMnistConfig Load(string path)
    {
        if (!File.Exists(path)) throw new ExperimentConfigException($"{path}: experiment file not found");
        var cfg = ConfigYaml.Deserialize<IsingMnistConfig>(File.ReadAllText(path), path);
        try { cfg.Validate(); }
        catch (ExperimentConfigException ex) { throw new ExperimentConfigException($"{path}: {ex.Message}"); }
        return cfg;
    }
}
