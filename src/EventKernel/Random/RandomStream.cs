using CircuitNeuro.EventKernel.Checkpointing;

namespace CircuitNeuro.EventKernel.Random;

/// <summary>
/// One component's private random stream with the distributions the simulator needs. Everything is computed
/// from xoshiro256** output with fixed formulas, so a (seed, name) pair gives the same numbers in every run.
/// </summary>
public sealed class RandomStream : ICheckpointable
{
    private const double TwoPow53Inverse = 1.0 / (1UL << 53);
    private Xoshiro256StarStar _generator;
    private bool _hasSpareNormal;
    private double _spareNormal;

    public RandomStream(ulong seed, string name = "")
    {
        Name = name;
        _generator = new Xoshiro256StarStar(seed);
    }

    public string Name { get; }

    public ulong NextUInt64() => _generator.NextUInt64();

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (_generator.NextUInt64() >> 11) * TwoPow53Inverse;

    /// <summary>Uniform on (0, 1]: safe to take the logarithm of.</summary>
    public double NextDoubleNonZero() => ((_generator.NextUInt64() >> 11) + 1) * TwoPow53Inverse;

    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [0, exclusiveMax) by rejection (no modulo bias).</summary>
    public int NextInt(int exclusiveMax)
    {
        if (exclusiveMax <= 0) throw new ArgumentOutOfRangeException(nameof(exclusiveMax));
        ulong bound = (ulong)exclusiveMax;
        ulong limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong x;
        do x = _generator.NextUInt64(); while (x >= limit);
        return (int)(x % bound);
    }

    /// <summary>Normal deviate by the Box–Muller transform (Box &amp; Muller, Ann. Math. Stat. 1958); the second value is cached.</summary>
    public double Normal(double mean = 0.0, double standardDeviation = 1.0)
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return mean + standardDeviation * _spareNormal;
        }
        double radius = Math.Sqrt(-2.0 * Math.Log(NextDoubleNonZero()));
        double angle = 2.0 * Math.PI * NextDouble();
        _spareNormal = radius * Math.Sin(angle);
        _hasSpareNormal = true;
        return mean + standardDeviation * radius * Math.Cos(angle);
    }

    /// <summary>Exponential deviate with the given rate (mean 1/rate), by inversion.</summary>
    public double Exponential(double rate)
    {
        if (!(rate > 0)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "Rate must be > 0.");
        return -Math.Log(NextDoubleNonZero()) / rate;
    }

    /// <summary>Waiting time to the next event of a homogeneous Poisson process; +∞ when the rate is 0.</summary>
    public double PoissonInterval(double rate)
    {
        if (rate == 0) return double.PositiveInfinity;
        return Exponential(rate);
    }

    /// <summary>Poisson count with the given mean, by counting unit-rate arrivals in [0, mean] (exact; O(mean)).</summary>
    public int PoissonCount(double mean)
    {
        if (!(mean >= 0)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "Mean must be ≥ 0.");
        int count = 0;
        double elapsed = Exponential(1.0);
        while (elapsed <= mean) { count++; elapsed += Exponential(1.0); }
        return count;
    }

    public void SaveState(BinaryWriter writer)
    {
        var (s0, s1, s2, s3) = _generator.State;
        writer.Write(s0); writer.Write(s1); writer.Write(s2); writer.Write(s3);
        writer.Write(_hasSpareNormal);
        writer.Write(_spareNormal);
    }

    public void RestoreState(BinaryReader reader)
    {
        _generator.SetState(reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64());
        _hasSpareNormal = reader.ReadBoolean();
        _spareNormal = reader.ReadDouble();
    }
}
