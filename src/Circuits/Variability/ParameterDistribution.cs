using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Circuits.Variability;

/// <summary>A distribution for one device parameter or noise term, sampled from a seeded stream.</summary>
public abstract record ParameterDistribution
{
    public abstract double Draw(RandomStream stream);

    public static ParameterDistribution Fixed(double value) => new FixedValue(value);
}

public sealed record FixedValue(double Value) : ParameterDistribution
{
    public override double Draw(RandomStream stream) => Value;
}

/// <summary>
/// Normal(mean, sd), optionally truncated to [Lower, Upper] by rejection (for physical bounds such as a positive
/// slope); the truncation must keep a reasonable mass (≥ 1e-3) or the draw fails rather than loop.
/// </summary>
public sealed record NormalDistribution(double Mean, double StandardDeviation, double Lower = double.NegativeInfinity, double Upper = double.PositiveInfinity)
    : ParameterDistribution
{
    public override double Draw(RandomStream stream)
    {
        if (!(StandardDeviation >= 0) || !(Upper > Lower)) throw new ArgumentException($"bad normal distribution {this}");
        for (int i = 0; i < 10_000; i++)
        {
            double x = stream.Normal(Mean, StandardDeviation);
            if (x >= Lower && x <= Upper) return x;
        }
        throw new InvalidOperationException($"truncation of {this} keeps almost no probability mass");
    }
}

/// <summary>ln X ~ Normal(Mu, Sigma): positive parameters with multiplicative spread (resistances, switching rates).</summary>
public sealed record LogNormalDistribution(double Mu, double Sigma) : ParameterDistribution
{
    public static LogNormalDistribution FromMedian(double median, double sigma) => new(Math.Log(median), sigma);

    public override double Draw(RandomStream stream) => Math.Exp(stream.Normal(Mu, Sigma));
}

public sealed record UniformDistribution(double Low, double High) : ParameterDistribution
{
    public override double Draw(RandomStream stream) => stream.Uniform(Low, High);
}
