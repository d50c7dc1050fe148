using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Model;
using CircuitNeuro.Learning.Ising.Topology;

namespace CircuitNeuro.Learning.Ising.Training;

/// <summary>
/// Chimera-native convolution of the seed (Sec. 5.4, Figs. 5.15–5.17; physical layout decoded in notes §1.6 from the
/// author's emb_list): a 3×3 binary image, 4 filters of 2×2 with stride 1 (4 patches), one K_{4,4} cell per patch
/// (inputs on one shore clamped by h = ∓2, the 4 filter outputs on the other), average pooling per filter as a
/// 5-qubit chain coupled to the 4 conv outputs with J = −poolCoef, and a 4×4 classifier in cell (4, 8) with 2 output
/// spins per class. No embedding search: every logical coupling sits on a Chimera coupler of C16 (DW2000Q).
/// Logical spins: 0–15 inputs (patch p, pixel c → 4p + c), 16–31 conv outputs (16 + 4p + k), 32–35 pool (32 + k),
/// 36–39 outputs (class = (i − 36) / 2).
/// </summary>
public sealed class ChimeraConvolutionTemplate
{
    public const int Patches = 4, Filters = 4, Outputs = 4, OutputsPerClass = 2, LogicalSpins = 40;

    // Physical qubits (D-Wave linear index on C16), seed code [X] via notes §1.6.
    private static readonly int[] InputCellBase = [560, 444, 460, 592];
    private static readonly int[] OutputCellBase = [564, 440, 456, 596];
    private static readonly int[] PoolChainBase = [568, 572, 580, 584, 588];
    private const int ClassifierBase = 576;

    public ChimeraConvolutionTemplate()
    {
        var chains = new List<int[]>();
        for (int p = 0; p < Patches; p++) for (int c = 0; c < 4; c++) chains.Add([InputCellBase[p] + c]);
        for (int p = 0; p < Patches; p++) for (int k = 0; k < Filters; k++) chains.Add([OutputCellBase[p] + k]);
        for (int k = 0; k < Filters; k++) chains.Add(PoolChainBase.Select(b => b + k).ToArray());
        for (int i = 0; i < Outputs; i++) chains.Add([ClassifierBase + i]);
        Embedding = new Embedding.Embedding(chains);
    }

    public Embedding.Embedding Embedding { get; }

    /// <summary>ConvWeights[k, c]: filter k, kernel pixel c = 2·row + col; shared by the 4 patch cells.</summary>
    public double[,] ConvWeights { get; } = new double[Filters, 4];
    public double[] ConvBias { get; } = new double[Filters];
    /// <summary>FcWeights[k, i]: pool spin k ↔ output spin i.</summary>
    public double[,] FcWeights { get; } = new double[Filters, Outputs];
    public double[] FcBias { get; } = new double[Outputs];

    /// <summary>|h| that clamps an input qubit (DW2000Q h_range ±2, code [X]; thesis text says ±4, notes §1.13).</summary>
    public double InputClamp { get; init; } = 2.0;
    /// <summary>Average-pooling coupling magnitude (pool_coef 0.25, code [X]).</summary>
    public double PoolCoefficient { get; init; } = 0.25;

    /// <summary>The two 3×3 training patterns (±1): diagonal = class 0, anti-diagonal = class 1 (L2859, code [X]).</summary>
    public static (sbyte[] Image, int Label)[] DiagonalPatterns()
    {
        sbyte[] Make(Func<int, int, bool> on) => Enumerable.Range(0, 9).Select(p => on(p / 3, p % 3) ? (sbyte)1 : (sbyte)-1).ToArray();
        return [(Make((r, c) => r == c), 0), (Make((r, c) => r + c == 2), 1)];
    }

    public static int PatchPixel(int patch, int c) => (patch / 2 + c / 2) * 3 + patch % 2 + c % 2;

    public void Initialize(RandomStream random, double gain = 0.5)
    {
        for (int k = 0; k < Filters; k++) for (int c = 0; c < 4; c++) ConvWeights[k, c] = gain * random.Uniform(-1, 1) / 2;
        for (int k = 0; k < Filters; k++) for (int i = 0; i < Outputs; i++) FcWeights[k, i] = gain * random.Uniform(-1, 1) / 2;
        Array.Clear(ConvBias);
        Array.Clear(FcBias);
    }

    /// <summary>Logical problem for one image (σ = +1 ↔ h = −clamp, L2813).</summary>
    public IsingModel BuildProblem(ReadOnlySpan<sbyte> image)
    {
        var m = new IsingModel(LogicalSpins);
        for (int p = 0; p < Patches; p++)
            for (int c = 0; c < 4; c++)
            {
                m.H[4 * p + c] = -InputClamp * image[PatchPixel(p, c)];
                for (int k = 0; k < Filters; k++) m.SetCoupling(4 * p + c, 16 + 4 * p + k, ConvWeights[k, c]);
            }
        for (int p = 0; p < Patches; p++)
            for (int k = 0; k < Filters; k++)
            {
                m.H[16 + 4 * p + k] = ConvBias[k];
                m.SetCoupling(16 + 4 * p + k, 32 + k, -PoolCoefficient);
            }
        for (int k = 0; k < Filters; k++)
            for (int i = 0; i < Outputs; i++) m.SetCoupling(32 + k, 36 + i, FcWeights[k, i]);
        for (int i = 0; i < Outputs; i++) m.H[36 + i] = FcBias[i];
        return m;
    }

    public static sbyte[] Target(int label) =>
        Enumerable.Range(0, Outputs).Select(i => i / OutputsPerClass == label ? (sbyte)1 : (sbyte)-1).ToArray();

    public static int Predict(ReadOnlySpan<sbyte> state) =>
        IsingLayeredNetwork.PredictFromOutputs(state.Slice(36, Outputs), Outputs / OutputsPerClass, OutputsPerClass);

    /// <summary>
    /// One Alg. 9 step with the conv gradients of the seed code [X]: conv weights get the input–output correlation
    /// summed over the 4 weight-sharing patches, FC weights the pool–output correlation; pooling is fixed.
    /// Returns whether the free phase classified correctly.
    /// </summary>
    public bool TrainStep(sbyte[] image, int label, IIsingPhaseSampler phases, IsingEpOptions options, RandomStream random)
    {
        var problem = BuildProblem(image);
        var free = phases.Free(problem, options.FreeReads, random).Lowest;
        var target = Target(label);
        bool correct = Predict(free) == label;
        bool equal = Enumerable.Range(0, Outputs).All(i => free[36 + i] == target[i]);
        if (equal && options.SkipNudgeWhenCorrect) return correct;
        var nudged = problem.Clone();
        for (int i = 0; i < Outputs; i++) nudged.H[36 + i] -= options.Beta * target[i];
        var nudge = phases.Nudge(nudged, free, options.NudgeReads, random).Lowest;

        double rate = options.CouplingLearningRate / options.Beta, bRate = options.BiasLearningRate / options.Beta, clip = options.ParameterClip;
        for (int k = 0; k < Filters; k++)
        {
            for (int c = 0; c < 4; c++)
            {
                double g = 0;
                for (int p = 0; p < Patches; p++) g += image[PatchPixel(p, c)] * (nudge[16 + 4 * p + k] - free[16 + 4 * p + k]);
                ConvWeights[k, c] = Math.Clamp(ConvWeights[k, c] - rate * g, -clip, clip);
            }
            double gb = 0;
            for (int p = 0; p < Patches; p++) gb += nudge[16 + 4 * p + k] - free[16 + 4 * p + k];
            ConvBias[k] = Math.Clamp(ConvBias[k] - bRate * gb, -clip, clip);
            for (int i = 0; i < Outputs; i++)
            {
                int g = nudge[32 + k] * nudge[36 + i] - free[32 + k] * free[36 + i];
                FcWeights[k, i] = Math.Clamp(FcWeights[k, i] - rate * g, -clip, clip);
            }
        }
        for (int i = 0; i < Outputs; i++) FcBias[i] = Math.Clamp(FcBias[i] - bRate * (nudge[36 + i] - free[36 + i]), -clip, clip);
        return correct;
    }

    /// <summary>Fraction of the given images classified correctly by a free phase.</summary>
    public double Accuracy(IEnumerable<(sbyte[] Image, int Label)> data, IIsingPhaseSampler phases, int reads, RandomStream random)
    {
        var list = data.ToList();
        return list.Count(d => Predict(phases.Free(BuildProblem(d.Image), reads, random).Lowest) == d.Label) / (double)list.Count;
    }

    /// <summary>Phases that run on C16 through this template's fixed chains (chain strength 2, code [X]).</summary>
    public Training.EmbeddedPhases OnChimera(IsingTopology? chimera = null, double chainStrength = 2.0, SimulatedAnnealingPhases? sa = null) =>
        new(Embedding, chimera ?? ChimeraTopology.DWave2000Q(), chainStrength, sa);
}
