using CircuitNeuro.Learning.Data;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Model;

namespace CircuitNeuro.Learning.Ising.Training;

/// <summary>Hyper-parameters of Alg. 9; defaults are the seed's FC command line (notes §1.8).</summary>
public sealed record IsingEpOptions
{
    /// <summary>Nudging factor β (nudge bias −β·σ̂ on output spins, Eq. 5.10).</summary>
    public double Beta { get; init; } = 5.0;
    public int FreeReads { get; init; } = 10;
    public int NudgeReads { get; init; } = 10;
    /// <summary>Learning rate of the off-chip input weights (lrW0).</summary>
    public double InputLearningRate { get; init; } = 0.01;
    /// <summary>Learning rate of on-chip couplings (lrW1, …); one value used for every layer pair.</summary>
    public double CouplingLearningRate { get; init; } = 0.01;
    public double BiasLearningRate { get; init; } = 0.001;
    /// <summary>Weights and biases are clipped to ±this after each update (J range [−1, 1]).</summary>
    public double ParameterClip { get; init; } = 1.0;
    /// <summary>Skip the nudge when the free output already equals the target (code [X], notes §1.7).</summary>
    public bool SkipNudgeWhenCorrect { get; init; } = true;
}


public readonly record struct EpochReport(int Epoch, double TrainAccuracy, int NudgesSkipped, double MeanLoss);

/// <summary>
/// Equilibrium propagation on an Ising machine, seed Alg. 9 (L2610–2635), batch size 1:
/// free phase (N reads, keep the lowest energy) → nudge −β·σ̂ on the output biases → nudged phase by reverse
/// annealing from the free state (M reads) → ΔJ_ab = −η (σ_a^β σ_b^β − σ_a^0 σ_b^0)/β, Δh = −η (σ^β − σ^0)/β,
/// ΔW_in = −η x (σ_h^β − σ_h^0)/β (Eq. 5.4 term), all clipped to ±1.
/// </summary>
public sealed class IsingEpTrainer
{
    public IsingEpTrainer(IsingLayeredNetwork network, IsingEpOptions options, IIsingPhaseSampler phases)
    {
        Network = network;
        Options = options;
        Phases = phases;
    }

    public IsingLayeredNetwork Network { get; }
    public IsingEpOptions Options { get; }
    public IIsingPhaseSampler Phases { get; }

    /// <summary>One epoch in an order shuffled by <paramref name="random"/> ("Between each epoch we shuffle", L2665).</summary>
    public EpochReport TrainEpoch(Dataset data, int epoch, RandomStream random)
    {
        var order = Enumerable.Range(0, data.Count).ToArray();
        for (int i = order.Length - 1; i > 0; i--) { int j = random.NextInt(i + 1); (order[i], order[j]) = (order[j], order[i]); }
        int correct = 0, skipped = 0;
        double loss = 0;
        foreach (int index in order)
        {
            var (isCorrect, wasSkipped, l) = Step(data.Features[index], data.Labels[index], random);
            if (isCorrect) correct++;
            if (wasSkipped) skipped++;
            loss += l;
        }
        return new EpochReport(epoch, correct / (double)data.Count, skipped, loss / data.Count);
    }

    /// <summary>One Alg. 9 step; returns whether the free phase classified correctly, whether the nudge was skipped, and ½Σ(σ̂−σ)².</summary>
    public (bool Correct, bool Skipped, double Loss) Step(double[] x, int label, RandomStream random)
    {
        var net = Network;
        var problem = net.BuildProblem(x);
        var free = Phases.Free(problem, Options.FreeReads, random).Lowest;
        var target = net.Target(label);
        double loss = 0;
        bool equal = true;
        for (int o = 0; o < net.OutputCount; o++)
        {
            double d = target[o] - free[net.OutputOffset + o];
            loss += 0.5 * d * d;
            equal &= d == 0;
        }
        bool correct = net.Predict(free) == label;
        if (equal && Options.SkipNudgeWhenCorrect) return (correct, true, loss);

        var nudged = problem.Clone();
        for (int o = 0; o < net.OutputCount; o++)
        {
            int i = net.OutputOffset + o;
            nudged.H[i] = Math.Clamp(nudged.H[i] - Options.Beta * target[o], -net.BiasLimit, net.BiasLimit);
        }
        var nudge = Phases.Nudge(nudged, free, Options.NudgeReads, random).Lowest;
        Update(x, free, nudge);
        return (correct, false, loss);
    }

    private void Update(double[] x, sbyte[] free, sbyte[] nudge)
    {
        var net = Network;
        double clip = Options.ParameterClip, inv = 1.0 / Options.Beta;
        for (int l = 0; l < net.LayerWeights.Length; l++)
        {
            int oa = net.LayerOffsets[l], ob = net.LayerOffsets[l + 1], nb = net.LayerSizes[l + 1];
            var w = net.LayerWeights[l];
            double rate = Options.CouplingLearningRate * inv;
            for (int a = 0; a < net.LayerSizes[l]; a++)
                for (int b = 0; b < nb; b++)
                {
                    int delta = nudge[oa + a] * nudge[ob + b] - free[oa + a] * free[ob + b];
                    if (delta != 0) w[a * nb + b] = Math.Clamp(w[a * nb + b] - rate * delta, -clip, clip);
                }
        }
        double inRate = Options.InputLearningRate * inv;
        for (int h = 0; h < net.LayerSizes[0]; h++)
        {
            int delta = nudge[h] - free[h];
            if (delta == 0) continue;
            for (int j = 0; j < net.InputSize; j++)
                net.InputWeights[h * net.InputSize + j] = Math.Clamp(net.InputWeights[h * net.InputSize + j] - inRate * delta * x[j], -clip, clip);
        }
        double bRate = Options.BiasLearningRate * inv;
        for (int i = 0; i < net.SpinCount; i++)
            net.Biases[i] = Math.Clamp(net.Biases[i] - bRate * (nudge[i] - free[i]), -clip, clip);
    }

    /// <summary>Test accuracy: free phase only, lowest-energy read, strict argmax (ties count as errors).</summary>
    public double Evaluate(Dataset data, RandomStream random)
    {
        int correct = 0;
        for (int k = 0; k < data.Count; k++)
        {
            var free = Phases.Free(Network.BuildProblem(data.Features[k]), Options.FreeReads, random).Lowest;
            if (Network.Predict(free) == data.Labels[k]) correct++;
        }
        return correct / (double)data.Count;
    }
}
