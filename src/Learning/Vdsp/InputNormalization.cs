using CircuitNeuro.Learning.Data;

namespace CircuitNeuro.Learning.Vdsp;

/// <summary>
/// Per-image input normalisations, hypotheses for the unpublished `mnist_norm.npz` of the paper's code (README "Gap to
/// the paper"): none (pixel/255), max (each image divided by its largest pixel), mean (each image scaled so its mean
/// pixel is <see cref="MeanTarget"/>, then clipped to [0, 1]: equal total drive per image, thin digits brighter).
/// </summary>
public static class InputNormalization
{
    public static IReadOnlyList<string> Modes { get; } = ["none", "max", "mean"];

    /// <summary>Mean pixel of the MNIST training set (0.1307), the target of "mean".</summary>
    public const double MeanTarget = 0.1307;

    public static Dataset Apply(Dataset data, string mode)
    {
        if (!Modes.Contains(mode)) throw new ArgumentException($"input_normalization '{mode}' is not one of {string.Join(", ", Modes)}");
        if (mode == "none") return data;
        var features = data.Features.Select(x => Normalize(x, mode)).ToArray();
        return new Dataset($"{data.Name}/{mode}", features, data.Labels, data.ClassCount);
    }

    public static double[] Normalize(double[] x, string mode)
    {
        double scale = mode == "max" ? 1 / x.Max() : MeanTarget / x.Average();
        if (!double.IsFinite(scale)) return (double[])x.Clone(); // a blank image stays blank
        return x.Select(v => Math.Clamp(v * scale, 0, 1)).ToArray();
    }
}
