using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Learning.Backprop;

/// <summary>
/// Fully connected feed-forward network trained one sample at a time (seed 002 §3.7). Layer l's weights are rows × (fan-in + 1),
/// row-major, the last column the neuron's bias (input 1), as EqSpike lays them out; the effective weight is scale × W.
/// Neuron i of layer l outputs g(x) = f(α·x) with its own gain α (§3.8.1), while the backward pass uses the ideal f'(x):
/// α is unknown to the optimiser. Loss: MSE over the M outputs against the one-hot target (Eq. 3.12).
/// </summary>
public sealed class BackpropNetwork
{
    private readonly int[] _sizes;
    private readonly double[][] _pre, _act, _delta;
    private readonly double _scale;

    public BackpropNetwork(int[] sizes, double weightScale, RandomStream init, BackpropSynapses synapses)
    {
        if (sizes.Length < 2 || sizes.Any(s => s < 1)) throw new ArgumentException($"layer sizes must be ≥ 1 (got {string.Join('-', sizes)})");
        _sizes = sizes;
        _scale = weightScale;
        int layers = sizes.Length - 1;
        Weights = new double[layers][];
        Gradients = new double[layers][];
        Gains = new double[layers][];
        (_pre, _act, _delta) = (new double[layers][], new double[layers + 1][], new double[layers][]);
        _act[0] = new double[sizes[0]];
        for (int l = 0; l < layers; l++)
        {
            // Xavier as EqSpike draws it: 𝒩(0, 1/fan-in) [S L1446], on the effective weight; biases start at 0.
            int fanIn = sizes[l], rows = sizes[l + 1];
            Weights[l] = new double[rows * (fanIn + 1)];
            double sd = Math.Sqrt(1.0 / fanIn) / weightScale;
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < fanIn; c++) Weights[l][r * (fanIn + 1) + c] = init.Normal(0, sd);
            Gradients[l] = new double[Weights[l].Length];
            Gains[l] = Enumerable.Repeat(1.0, rows).ToArray();
            (_pre[l], _act[l + 1], _delta[l]) = (new double[rows], new double[rows], new double[rows]);
        }
        Synapses = synapses;
        Synapses.Writer.Attach(Weights);
        Optimizer = new SgdOptimizer(0.1);
    }

    public IReadOnlyList<int> Sizes => _sizes;
    public int Outputs => _sizes[^1];
    /// <summary>Per layer (input→first hidden first): the stored W, rows × (fan-in + 1), bias last.</summary>
    public double[][] Weights { get; }
    /// <summary>dL/dW of the last <see cref="ComputeGradients"/>, same layout as <see cref="Weights"/>.</summary>
    public double[][] Gradients { get; }
    /// <summary>Per layer, each neuron's gain α (1 unless drawn).</summary>
    public double[][] Gains { get; }
    public BackpropSynapses Synapses { get; }
    public WeightOptimizer Optimizer { get; set; }

    /// <summary>Forward pass; returns the outputs (a view, valid until the next pass).</summary>
    public ReadOnlySpan<double> Forward(double[] input)
    {
        if (input.Length != _sizes[0]) throw new ArgumentException($"input has {input.Length} values, the network {_sizes[0]}");
        Array.Copy(input, _act[0], input.Length);
        int last = Weights.Length - 1;
        for (int l = 0; l <= last; l++)
        {
            double[] w = Weights[l], a = _act[l], x = _pre[l], y = _act[l + 1], gain = Gains[l];
            int fanIn = a.Length, stride = fanIn + 1;
            for (int r = 0; r < x.Length; r++)
            {
                var row = w.AsSpan(r * stride, stride);
                double sum = row[fanIn];
                for (int c = 0; c < fanIn; c++) sum += row[c] * a[c];
                x[r] = _scale * sum;
                y[r] = l == last ? Activations.Sigmoid(gain[r] * x[r]) : Activations.HardSigmoid(gain[r] * x[r]);
            }
        }
        return _act[^1];
    }

    public int Predict(double[] input) => ArgMax(Forward(input));

    /// <summary>Eq. 3.12: (1/M)·Σ (ŷ_k − y_k)² with y one-hot on <paramref name="label"/>.</summary>
    public double Loss(double[] input, int label)
    {
        var y = Forward(input);
        double sum = 0;
        for (int k = 0; k < y.Length; k++) sum += Square(y[k] - (k == label ? 1 : 0));
        return sum / y.Length;
    }

    /// <summary>Forward and backward pass into <see cref="Gradients"/>; returns the prediction of the forward pass.</summary>
    public int ComputeGradients(double[] input, int label)
    {
        var output = Forward(input);
        int prediction = ArgMax(output), last = Weights.Length - 1;
        for (int k = 0; k < output.Length; k++)
            _delta[last][k] = 2.0 / output.Length * (output[k] - (k == label ? 1 : 0)) * Activations.SigmoidSlope(_pre[last][k]);
        for (int l = last; l >= 0; l--)
        {
            double[] w = Weights[l], a = _act[l], d = _delta[l], grad = Gradients[l];
            int fanIn = a.Length, stride = fanIn + 1;
            for (int r = 0; r < d.Length; r++)
            {
                double dr = _scale * d[r];
                int o = r * stride;
                for (int c = 0; c < fanIn; c++) grad[o + c] = dr * a[c];
                grad[o + fanIn] = dr;
            }
            if (l == 0) break;
            double[] below = _delta[l - 1], x = _pre[l - 1];
            for (int c = 0; c < fanIn; c++)
            {
                double sum = 0;
                for (int r = 0; r < d.Length; r++) sum += w[r * stride + c] * d[r];
                below[c] = _scale * sum * Activations.HardSigmoidSlope(x[c]);
            }
        }
        return prediction;
    }

    /// <summary>One training step (batch 1): gradients, the optimiser's ΔW, written to every parameter; returns the prediction before it.</summary>
    public int Train(double[] input, int label)
    {
        int prediction = ComputeGradients(input, label);
        Optimizer.BeginStep();
        for (int l = 0; l < Weights.Length; l++)
        {
            double[] grad = Gradients[l];
            for (int k = 0; k < grad.Length; k++) Synapses.Apply(l, k, Optimizer.Update(l, k, grad[k]));
        }
        return prediction;
    }

    private static int ArgMax(ReadOnlySpan<double> y)
    {
        int best = 0;
        for (int k = 1; k < y.Length; k++)
            if (y[k] > y[best]) best = k;
        return best;
    }

    private static double Square(double x) => x * x;
}
