using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Backprop;

/// <summary>
/// A back-propagation baseline of seed 002 §3.7 (Table 3.2 [S L1866]): fully connected, hard-sigmoid hidden layers,
/// sigmoid outputs, MSE, batch 1, SGD without momentum (η = 0.1) or Adam (η = 0.001), one bias per neuron; synapses ideal
/// or memristive (the §3.8 devices), neurons with the gain spread of §3.8.1.
/// </summary>
public sealed record BackpropSetup
{
    /// <summary>Hidden layer sizes (the seed's Digits network is 64-32-10 for EqSpike; Table 3.2 prints 784-100-10 for MNIST).</summary>
    public int[] Hidden { get; init; } = [32];
    public BackpropOptimizer Optimizer { get; init; } = BackpropOptimizer.Sgd;
    /// <summary>η; null: Table 3.2's value for the optimiser.</summary>
    public double? LearningRate { get; init; }
    /// <summary>σ of the per-neuron gain α ~ 𝒩(1, σ²), kept ≥ 0.01 as EqSpike does (§3.8.1), hidden and output neurons.</summary>
    public double NeuronSpread { get; init; }
    /// <summary>Write through threshold memristors (true) or W += ΔW (false).</summary>
    public bool Memristive { get; init; } = true;
    public MemristorSynapseOptions Memristor { get; init; } = new();
    /// <summary>Effective weight = scale × W, W ∈ [−0.5, 0.5] the device's normalised conductance.</summary>
    public double WeightScale { get; init; } = 1;

    public static double TableLearningRate(BackpropOptimizer optimizer) => optimizer == BackpropOptimizer.Adam ? 0.001 : 0.1;

    public double EffectiveLearningRate => LearningRate ?? TableLearningRate(Optimizer);

    public void Validate()
    {
        if (Hidden.Length == 0) throw new ArgumentException("hidden must list at least one layer size");
        foreach (int h in Hidden) EqSpikeParameters.Check(h >= 1, "hidden", h, "≥ 1");
        EqSpikeParameters.Check(EffectiveLearningRate > 0 && double.IsFinite(EffectiveLearningRate), "learning_rate", EffectiveLearningRate, "> 0");
        EqSpikeParameters.Check(NeuronSpread >= 0 && double.IsFinite(NeuronSpread), "neuron_spread", NeuronSpread, "≥ 0");
        EqSpikeParameters.Check(WeightScale > 0 && double.IsFinite(WeightScale), "weight_scale", WeightScale, "> 0");
        if (!Enum.IsDefined(Optimizer)) throw new ArgumentException($"optimizer {Optimizer} is not sgd or adam");
        if (Memristive) Memristor.Validate();
    }

    /// <summary>A fresh network; every draw (weights, devices, gains, write noise) comes from <paramref name="random"/>.</summary>
    public BackpropNetwork Build(int inputs, int outputs, RandomStreams random)
    {
        Validate();
        int[] sizes = [inputs, .. Hidden, outputs];
        var synapses = Memristive
            ? BackpropSynapses.Memristive(new MemristiveSynapseWriter(Memristor, random.Get("backprop/devices"), random.Get("backprop/write-noise")))
            : BackpropSynapses.Ideal();
        var net = new BackpropNetwork(sizes, WeightScale, random.Get("backprop/init"), synapses);
        net.Optimizer = WeightOptimizer.Create(Optimizer, EffectiveLearningRate, net.Weights);
        if (NeuronSpread > 0)
        {
            var rng = random.Get("backprop/neuron-gain");
            foreach (var gain in net.Gains)
                for (int i = 0; i < gain.Length; i++) gain[i] = EqSpikeSetup.DrawGain(rng, NeuronSpread);
        }
        return net;
    }
}
