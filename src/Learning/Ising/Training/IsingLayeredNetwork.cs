using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Model;

namespace CircuitNeuro.Learning.Ising.Training;

/// <summary>
/// Layered EP network mapped on an Ising machine (seed Sec. 5.3, notes §1.4): the input layer stays off chip and
/// enters as biases on the first hidden layer (Eq. 5.4: h_i += Σ_j W_ij x_j); on-chip spins are the hidden layers
/// and the output layer, which holds <see cref="OutputsPerClass"/> duplicated spins per class (784-120-40 = 10
/// classes × 4). Spin index order: hidden layer 1, …, output layer. Couplings J between consecutive on-chip layers
/// are the weights (E = +ΣJσσ, so "weight = J" in D-Wave sign, notes §1.1).
/// </summary>
public sealed class IsingLayeredNetwork : ICheckpointable
{
    public IsingLayeredNetwork(int inputSize, IReadOnlyList<int> hiddenSizes, int classCount, int outputsPerClass)
    {
        if (inputSize < 1 || hiddenSizes.Count < 1 || hiddenSizes.Any(h => h < 1) || classCount < 2 || outputsPerClass < 1)
            throw new ArgumentException("Need inputs ≥ 1, at least one hidden layer, ≥ 2 classes, ≥ 1 output per class.");
        InputSize = inputSize;
        ClassCount = classCount;
        OutputsPerClass = outputsPerClass;
        LayerSizes = hiddenSizes.Append(classCount * outputsPerClass).ToArray();
        LayerOffsets = new int[LayerSizes.Length + 1];
        for (int l = 0; l < LayerSizes.Length; l++) LayerOffsets[l + 1] = LayerOffsets[l] + LayerSizes[l];
        InputWeights = new double[LayerSizes[0] * inputSize];
        LayerWeights = Enumerable.Range(0, LayerSizes.Length - 1).Select(l => new double[LayerSizes[l] * LayerSizes[l + 1]]).ToArray();
        Biases = new double[SpinCount];
    }

    public int InputSize { get; }
    public int ClassCount { get; }
    public int OutputsPerClass { get; }
    /// <summary>On-chip layer sizes: hidden layers then the (duplicated) output layer.</summary>
    public int[] LayerSizes { get; }
    public int[] LayerOffsets { get; }
    public int SpinCount => LayerOffsets[^1];
    public int OutputOffset => LayerOffsets[^2];
    public int OutputCount => LayerSizes[^1];

    /// <summary>Off-chip input → first hidden weights, row-major [hidden, input].</summary>
    public double[] InputWeights { get; }
    /// <summary>LayerWeights[l][a·size(l+1) + b] = J between spin a of layer l and spin b of layer l+1.</summary>
    public double[][] LayerWeights { get; }
    public double[] Biases { get; }

    /// <summary>|h| limit of the hardware (Advantage h_range [−4, 4]; code bias_lim = 4, notes §1.5).</summary>
    public double BiasLimit { get; set; } = 4.0;

    /// <summary>Seed code init [X]: W = gain·U(−1, 1)·√(1/fan-in), biases 0 (gains 0.5 and 0.25 for 784-120-40).</summary>
    public void Initialize(RandomStream random, double inputGain = 0.5, double layerGain = 0.25)
    {
        double s0 = inputGain * Math.Sqrt(1.0 / InputSize);
        for (int k = 0; k < InputWeights.Length; k++) InputWeights[k] = s0 * random.Uniform(-1, 1);
        for (int l = 0; l < LayerWeights.Length; l++)
        {
            double s = layerGain * Math.Sqrt(1.0 / LayerSizes[l]);
            for (int k = 0; k < LayerWeights[l].Length; k++) LayerWeights[l][k] = s * random.Uniform(-1, 1);
        }
        Array.Clear(Biases);
    }

    /// <summary>The Ising problem for one input (Eq. 5.4), h clipped to ±<see cref="BiasLimit"/>.</summary>
    public IsingModel BuildProblem(ReadOnlySpan<double> input)
    {
        if (input.Length != InputSize) throw new ArgumentException($"Input has {input.Length} features, network {InputSize}.");
        var model = new IsingModel(SpinCount);
        for (int i = 0; i < SpinCount; i++) model.H[i] = Biases[i];
        for (int h = 0; h < LayerSizes[0]; h++)
        {
            double sum = 0;
            for (int j = 0; j < InputSize; j++) sum += InputWeights[h * InputSize + j] * input[j];
            model.H[h] += sum;
        }
        for (int i = 0; i < SpinCount; i++) model.H[i] = Math.Clamp(model.H[i], -BiasLimit, BiasLimit);
        for (int l = 0; l < LayerWeights.Length; l++)
            for (int a = 0; a < LayerSizes[l]; a++)
                for (int b = 0; b < LayerSizes[l + 1]; b++)
                    model.SetCoupling(LayerOffsets[l] + a, LayerOffsets[l + 1] + b, LayerWeights[l][a * LayerSizes[l + 1] + b]);
        return model;
    }

    /// <summary>Logical edges of the on-chip interaction graph (what must be embedded).</summary>
    public IEnumerable<(int A, int B)> InteractionEdges()
    {
        for (int l = 0; l + 1 < LayerSizes.Length; l++)
            for (int a = 0; a < LayerSizes[l]; a++)
                for (int b = 0; b < LayerSizes[l + 1]; b++)
                    yield return (LayerOffsets[l] + a, LayerOffsets[l + 1] + b);
    }

    /// <summary>±1 target of the output layer: +1 on the spins of the label's class, −1 elsewhere (code [X]).</summary>
    public sbyte[] Target(int label)
    {
        var t = new sbyte[OutputCount];
        for (int o = 0; o < OutputCount; o++) t[o] = o / OutputsPerClass == label ? (sbyte)1 : (sbyte)-1;
        return t;
    }

    /// <summary>Class with the largest mean output spin (code [X]); −1 when the best mean is tied.</summary>
    public int Predict(ReadOnlySpan<sbyte> state) => PredictFromOutputs(state.Slice(OutputOffset, OutputCount), ClassCount, OutputsPerClass);

    public static int PredictFromOutputs(ReadOnlySpan<sbyte> outputs, int classCount, int perClass)
    {
        int best = -1, bestSum = int.MinValue;
        bool tie = false;
        for (int c = 0; c < classCount; c++)
        {
            int sum = 0;
            for (int k = 0; k < perClass; k++) sum += outputs[c * perClass + k];
            if (sum > bestSum) { bestSum = sum; best = c; tie = false; }
            else if (sum == bestSum) tie = true;
        }
        return tie ? -1 : best;
    }

    /// <summary>Writes the trainable parameters (shape first, so a restore into another shape fails loudly).</summary>
    public void SaveState(BinaryWriter writer)
    {
        writer.Write(Shape());
        foreach (var array in Parameters())
            foreach (double v in array) writer.Write(v);
    }

    public void RestoreState(BinaryReader reader)
    {
        string shape = reader.ReadString();
        if (shape != Shape()) throw new InvalidDataException($"Checkpoint holds an Ising network {shape}, this one is {Shape()}.");
        foreach (var array in Parameters())
            for (int k = 0; k < array.Length; k++) array[k] = reader.ReadDouble();
    }

    private string Shape() => $"{InputSize}-{string.Join("-", LayerSizes)} ({OutputsPerClass} per class)";

    private IEnumerable<double[]> Parameters() => LayerWeights.Prepend(InputWeights).Append(Biases);
}
