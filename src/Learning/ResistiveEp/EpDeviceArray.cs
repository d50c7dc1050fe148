using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Checkpointing;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// The devices holding an EP network's conductances: how a wanted change is written. Ideal devices add it and
/// clip to the spec's window; with <see cref="EpVariability"/> every device has its own window and step factor
/// (drawn once, device k from stream "ep-device/d2d/k") and each write adds cycle-to-cycle noise from one
/// write stream, which is checkpointed so a resumed run writes the same noise.
/// </summary>
public sealed class EpDeviceArray : ICheckpointable
{
    private readonly double _min, _max;
    private readonly double[]? _lower, _upper, _step;
    private readonly Nonidealities _noise = new();
    private readonly RandomStream? _writes;

    private EpDeviceArray(ResistiveEpSpec spec)
    {
        _min = spec.ConductanceMin;
        _max = spec.ConductanceMax;
    }

    private EpDeviceArray(ResistiveEpSpec spec, int count, EpVariability variability, RandomStreams streams) : this(spec)
    {
        variability.Validate();
        if (variability.SlopeSpread != 0 || variability.ThresholdSpread != 0)
            throw new ArgumentException("slope and threshold spreads are parameters of pulse-programmed devices (ThresholdDeviceArray); numbers use the step spread");
        var sampler = new DeviceSampler<(double Lower, double Upper, double Step)>((spec.ConductanceMin, spec.ConductanceMax, 1))
            .Vary("lower", Spread(variability.WindowSpread), (p, f) => p with { Lower = p.Lower * f })
            .Vary("upper", Spread(variability.WindowSpread), (p, f) => p with { Upper = p.Upper * f })
            .Vary("step", Spread(variability.StepSpread), (p, f) => p with { Step = p.Step * f });
        _lower = new double[count];
        _upper = new double[count];
        _step = new double[count];
        for (int k = 0; k < count; k++)
        {
            var d = sampler.Draw(streams.Get($"{Population}/d2d", k));
            if (!(d.Upper > d.Lower)) throw new ArgumentException($"device {k}: drawn window [{d.Lower:G3}, {d.Upper:G3}] S is empty; lower the window spread");
            (_lower[k], _upper[k], _step[k]) = d;
        }
        _noise = variability.CycleToCycle;
        _writes = streams.Get($"{Population}/c2c");
    }

    public const string Population = "ep-device";

    public static EpDeviceArray Ideal(ResistiveEpSpec spec) => new(spec);

    /// <summary>Devices with drawn variability; <paramref name="streams"/> is the run's root, so the draw depends only on the seed.</summary>
    public static EpDeviceArray WithVariability(ResistiveEpSpec spec, int count, EpVariability variability, RandomStreams streams) =>
        new(spec, count, variability, streams);

    private static ParameterDistribution Spread(double sigma) => new NormalDistribution(1, sigma, Lower: 0.05);

    /// <summary>True when every device adds the change exactly and clips to the spec's window.</summary>
    public bool IsIdeal => _lower is null;

    public double Lower(int k) => _lower?[k] ?? _min;
    public double Upper(int k) => _upper?[k] ?? _max;

    /// <summary>Clips conductances into each device's window (initial values, or after a change of devices).</summary>
    public void Clip(Span<double> g)
    {
        for (int k = 0; k < g.Length; k++) g[k] = Math.Clamp(g[k], Lower(k), Upper(k));
    }

    /// <summary>
    /// Writes the change scale·gradient[k] into every device g[k] (k from <paramref name="first"/>) and
    /// returns Σ|written change|.
    /// </summary>
    public double Write(Span<double> g, ReadOnlySpan<double> gradient, double scale, int first = 0)
    {
        double moved = 0;
        if (_lower is null) return VectorKernels.AddScaledClamped(g, gradient, scale, _min, _max);
        for (int k = 0; k < g.Length; k++)
        {
            int d = first + k;
            double change = _step![d] * (scale * gradient[k]);
            if (change != 0) change = _noise.WithWriteNoise(change, _upper![d] - _lower[d], _writes!);
            double next = Math.Clamp(g[k] + change, _lower[d], _upper![d]);
            moved += Math.Abs(next - g[k]);
            g[k] = next;
        }
        return moved;
    }

    public void SaveState(BinaryWriter writer) => _writes?.SaveState(writer);
    public void RestoreState(BinaryReader reader) => _writes?.RestoreState(reader);
}
