using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;

namespace CircuitNeuro.Learning.Ternary;

/// <summary>Ternary weights of both layers (−1, 0, +1), row-major [output][input], and each layer's digital scale.</summary>
public sealed record TernaryWeights(int[][] Hidden, double HiddenScale, int[][] Output, double OutputScale)
{
    public int Count => Hidden.Sum(r => r.Length) + Output.Sum(r => r.Length);

    /// <summary>The same network with every weight replaced by <paramref name="read"/>(global index, stored weight).</summary>
    public TernaryWeights ReadThrough(Func<int, int, int> read)
    {
        int k = 0;
        int[][] Map(int[][] layer) => layer.Select(row => row.Select(w => read(k++, w)).ToArray()).ToArray();
        var hidden = Map(Hidden);
        return this with { Hidden = hidden, Output = Map(Output) };
    }
}

/// <summary>
/// A small ternary network for the network-level effect of Table 4.2 (seed 000 §4.4, S L1526–1530: 92.2 % falls to
/// 92.05 / 92.02 % on CIFAR-10): one hidden layer, ReLU, both weight matrices ternary, biases and one scale per layer kept
/// digital (the seed's TNN keeps its BN thresholds in the periphery, notes 000 §2.9). Training: softmax cross-entropy,
/// minibatch SGD on latent real weights through the ternarisation with a straight-through gradient; ternarisation as in
/// ternary weight networks (Li et al. 2016): Δ = 0.7·mean|w|, t = sign(w)·[|w| &gt; Δ], scale = mean |w| over |w| &gt; Δ.
/// Not the seed's VGG/CIFAR-10 network: Digits is the data set this repository ships.
/// </summary>
public sealed class TernaryMlp
{
    private readonly double[][] _w1, _w2;
    private readonly double[] _b1, _b2;

    private TernaryMlp(int inputs, int hidden, int classes, RandomStream rng)
    {
        _w1 = Layer(hidden, inputs, rng);
        _w2 = Layer(classes, hidden, rng);
        _b1 = new double[hidden];
        _b2 = new double[classes];
    }

    private static double[][] Layer(int rows, int cols, RandomStream rng) =>
        Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, cols).Select(_ => rng.Normal(0, 1 / Math.Sqrt(cols))).ToArray()).ToArray();

    public static TernaryMlp Train(Dataset train, int hidden, int epochs, double learningRate, RandomStream rng, int batch = 16)
    {
        if (hidden < 1 || epochs < 1 || !(learningRate > 0)) throw new ArgumentException($"need hidden ≥ 1, epochs ≥ 1, rate > 0 (got {hidden}, {epochs}, {learningRate})");
        var net = new TernaryMlp(train.FeatureCount, hidden, train.ClassCount, rng);
        var order = Enumerable.Range(0, train.Count).ToArray();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            for (int i = order.Length - 1; i > 0; i--) { int j = rng.NextInt(i + 1); (order[i], order[j]) = (order[j], order[i]); }
            for (int start = 0; start < order.Length; start += batch)
                net.Step(train, order.Skip(start).Take(batch).ToArray(), learningRate);
        }
        return net;
    }

    /// <summary>One minibatch: forward with the ternary weights, gradients applied to the latent weights (straight-through).</summary>
    private void Step(Dataset data, int[] samples, double rate)
    {
        var t = Ternarize();
        var g1 = _w1.Select(r => new double[r.Length]).ToArray();
        var g2 = _w2.Select(r => new double[r.Length]).ToArray();
        var gb1 = new double[_b1.Length];
        var gb2 = new double[_b2.Length];
        foreach (int s in samples)
        {
            var x = data.Features[s];
            var (h, logits) = Forward(t, x);
            var p = Softmax(logits);
            p[data.Labels[s]] -= 1;
            var dh = new double[h.Length];
            for (int c = 0; c < p.Length; c++)
            {
                gb2[c] += p[c];
                for (int j = 0; j < h.Length; j++) { g2[c][j] += p[c] * h[j]; dh[j] += p[c] * t.OutputScale * t.Output[c][j]; }
            }
            for (int j = 0; j < h.Length; j++)
            {
                if (h[j] <= 0) continue;
                gb1[j] += dh[j];
                for (int k = 0; k < x.Length; k++) g1[j][k] += dh[j] * x[k];
            }
        }
        double scale = rate / samples.Length;
        Apply(_w1, g1, scale); Apply(_w2, g2, scale);
        for (int j = 0; j < _b1.Length; j++) _b1[j] -= scale * gb1[j];
        for (int c = 0; c < _b2.Length; c++) _b2[c] -= scale * gb2[c];
    }

    private static void Apply(double[][] w, double[][] g, double scale)
    {
        for (int i = 0; i < w.Length; i++)
            for (int j = 0; j < w[i].Length; j++) w[i][j] = Math.Clamp(w[i][j] - scale * g[i][j], -1, 1);
    }

    public TernaryWeights Ternarize()
    {
        var (h, hs) = Ternarize(_w1);
        var (o, os) = Ternarize(_w2);
        return new TernaryWeights(h, hs, o, os);
    }

    private static (int[][] T, double Scale) Ternarize(double[][] w)
    {
        double delta = 0.7 * w.SelectMany(r => r).Average(Math.Abs);
        var kept = w.SelectMany(r => r).Where(v => Math.Abs(v) > delta).ToArray();
        double scale = kept.Length == 0 ? 0 : kept.Average(Math.Abs);
        return (w.Select(r => r.Select(v => Math.Abs(v) > delta ? Math.Sign(v) : 0).ToArray()).ToArray(), scale);
    }

    private (double[] Hidden, double[] Logits) Forward(TernaryWeights t, double[] x)
    {
        var h = new double[_b1.Length];
        for (int j = 0; j < h.Length; j++)
        {
            double a = 0;
            for (int k = 0; k < x.Length; k++) a += t.Hidden[j][k] * x[k];
            h[j] = Math.Max(0, t.HiddenScale * a + _b1[j]);
        }
        var o = new double[_b2.Length];
        for (int c = 0; c < o.Length; c++)
        {
            double a = 0;
            for (int j = 0; j < h.Length; j++) a += t.Output[c][j] * h[j];
            o[c] = t.OutputScale * a + _b2[c];
        }
        return (h, o);
    }

    private static double[] Softmax(double[] z)
    {
        double max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    /// <summary>Test accuracy with the given ternary weights (the trained ones, or the ones read back from the array).</summary>
    public double Accuracy(Dataset test, TernaryWeights t)
    {
        int correct = 0;
        for (int s = 0; s < test.Count; s++)
        {
            var logits = Forward(t, test.Features[s]).Logits;
            if (Array.IndexOf(logits, logits.Max()) == test.Labels[s]) correct++;
        }
        return (double)correct / test.Count;
    }
}
