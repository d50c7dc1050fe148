using CircuitNeuro.EventKernel.Checkpointing;

namespace CircuitNeuro.Learning.Backprop;

/// <summary>Seed 002 §3.7 compares two optimisers [S L1852]: SGD without momentum (BP-SGD) and Adam (BP-ADAM).</summary>
public enum BackpropOptimizer
{
    Sgd,
    Adam,
}

/// <summary>
/// Turns the gradient of every parameter into the update ΔW the network then writes (batch 1: one step per sample).
/// Parameters are addressed as (layer, index) in the network's weight arrays.
/// </summary>
public abstract class WeightOptimizer : ICheckpointable
{
    protected WeightOptimizer(double learningRate) => LearningRate = learningRate;

    public double LearningRate { get; }

    /// <summary>Called once per sample before its updates (Adam's step counter t).</summary>
    public virtual void BeginStep() { }

    /// <summary>ΔW for parameter k of a layer given its gradient dL/dW.</summary>
    public abstract double Update(int layer, int k, double gradient);

    public virtual void SaveState(BinaryWriter writer) { }

    public virtual void RestoreState(BinaryReader reader) { }

    public static WeightOptimizer Create(BackpropOptimizer kind, double learningRate, IReadOnlyList<double[]> weights) => kind switch
    {
        BackpropOptimizer.Adam => new AdamOptimizer(learningRate, weights),
        _ => new SgdOptimizer(learningRate),
    };
}

/// <summary>ΔW = −η·g (no momentum, Table 3.2: η = 0.1).</summary>
public sealed class SgdOptimizer(double learningRate) : WeightOptimizer(learningRate)
{
    public override double Update(int layer, int k, double gradient) => -LearningRate * gradient;
}

/// <summary>
/// Adam (Kingma and Ba, cited in seed 002 §3.7) with its standard constants β₁ = 0.9, β₂ = 0.999, ε = 1e-8 (the seed
/// gives only η = 0.001, Table 3.2): m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², ΔW = −η·m̂/(√v̂ + ε) with the bias
/// corrections m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
/// </summary>
public sealed class AdamOptimizer : WeightOptimizer
{
    public const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    private readonly double[][] _m, _v;
    private double _beta1Power = 1, _beta2Power = 1;

    public AdamOptimizer(double learningRate, IReadOnlyList<double[]> weights) : base(learningRate)
    {
        _m = weights.Select(w => new double[w.Length]).ToArray();
        _v = weights.Select(w => new double[w.Length]).ToArray();
    }

    public long Steps { get; private set; }

    public override void BeginStep()
    {
        Steps++;
        _beta1Power *= Beta1;
        _beta2Power *= Beta2;
    }

    public override double Update(int layer, int k, double gradient)
    {
        double m = _m[layer][k] = Beta1 * _m[layer][k] + (1 - Beta1) * gradient;
        double v = _v[layer][k] = Beta2 * _v[layer][k] + (1 - Beta2) * gradient * gradient;
        return -LearningRate * (m / (1 - _beta1Power)) / (Math.Sqrt(v / (1 - _beta2Power)) + Epsilon);
    }

    public override void SaveState(BinaryWriter writer)
    {
        writer.Write(Steps);
        writer.Write(_beta1Power);
        writer.Write(_beta2Power);
        foreach (var layer in _m.Concat(_v))
            foreach (double x in layer) writer.Write(x);
    }

    public override void RestoreState(BinaryReader reader)
    {
        (Steps, _beta1Power, _beta2Power) = (reader.ReadInt64(), reader.ReadDouble(), reader.ReadDouble());
        foreach (var layer in _m.Concat(_v))
            for (int k = 0; k < layer.Length; k++) layer[k] = reader.ReadDouble();
    }
}
