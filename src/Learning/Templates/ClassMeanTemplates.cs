using CircuitNeuro.Learning.Data;

namespace CircuitNeuro.Learning.Templates;

/// <summary>
/// Nearest-class-mean templates: the weight of input i for class c is the mean of feature i
/// over the training samples of class c, each class vector scaled to unit L2 norm so bright
/// classes do not win by brightness. Non-negative, so it maps onto conductances directly; it
/// is the no-learning baseline the learning rules of this project must beat (88 % on Digits).
/// </summary>
public static class ClassMeanTemplates
{
    /// <summary>Weights [input, class] in [0, 1] (the largest weight is 1).</summary>
    public static double[,] Fit(Dataset train)
    {
        int n = train.FeatureCount, k = train.ClassCount;
        var w = new double[n, k];
        var count = new int[k];
        for (int s = 0; s < train.Count; s++)
        {
            count[train.Labels[s]]++;
            for (int i = 0; i < n; i++) w[i, train.Labels[s]] += train.Features[s][i];
        }
        for (int c = 0; c < k; c++)
        {
            if (count[c] == 0) throw new ArgumentException($"{train.Name}: class {c} has no training sample");
            double norm = Math.Sqrt(Enumerable.Range(0, n).Sum(i => w[i, c] * w[i, c]));
            for (int i = 0; i < n; i++) w[i, c] = norm > 0 ? w[i, c] / norm : 0;
        }
        double max = w.Cast<double>().Max();
        for (int i = 0; i < n; i++)
            for (int c = 0; c < k; c++) w[i, c] /= max;
        return w;
    }

    /// <summary>Class with the largest dot product x·w_c (ties: the lowest class index).</summary>
    public static int Predict(double[,] weights, ReadOnlySpan<double> x)
    {
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int c = 0; c < weights.GetLength(1); c++)
        {
            double score = 0;
            for (int i = 0; i < x.Length; i++) score += x[i] * weights[i, c];
            if (score > bestScore) { bestScore = score; best = c; }
        }
        return best;
    }
}
