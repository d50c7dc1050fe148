using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Circuits.Variability;

/// <summary>
/// Device-to-device variability: draws one parameter record per device from a nominal record and a list of
/// variations, each a distribution and a way to apply the drawn value (for example
/// <c>(p, f) =&gt; p with { SlopePositive = p.SlopePositive * f }</c> for a relative spread). Device i uses its
/// own stream "population/d2d/i", so its parameters do not depend on how many devices are drawn or in which order.
/// All parameters are drawn once at creation, as in seed 002 §3.7 [S L1918].
/// </summary>
public sealed class DeviceSampler<TParameters>(TParameters nominal)
{
    private readonly List<(string Name, ParameterDistribution Distribution, Func<TParameters, double, TParameters> Apply)> _variations = [];

    public TParameters Nominal { get; } = nominal;

    public DeviceSampler<TParameters> Vary(string name, ParameterDistribution distribution, Func<TParameters, double, TParameters> apply)
    {
        _variations.Add((name, distribution, apply));
        return this;
    }

    /// <summary>One device's parameters from its stream (variations drawn in the order they were declared).</summary>
    public TParameters Draw(RandomStream stream)
    {
        var p = Nominal;
        foreach (var (_, d, apply) in _variations) p = apply(p, d.Draw(stream));
        return p;
    }

    public TParameters Draw(RandomStreams streams, string population, int index) => Draw(streams.Get($"{population}/d2d", index));

    public IReadOnlyList<TParameters> DrawMany(RandomStreams streams, string population, int count) =>
        Enumerable.Range(0, count).Select(i => Draw(streams, population, i)).ToArray();
}
