using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Random;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace CircuitNeuro.Circuits.Tests.Devices;

/// <summary>
/// Variability draws: bit-for-bit reproducibility per seed, sample moments within statistical bounds
/// (mean within 4σ/√n, variance within 4·σ²·√(2/(n−1)); false-failure probability ≈ 6e-5 each), stuck fractions
/// within 4 binomial standard deviations, write noise and read noise spreads, level quantisation.
/// </summary>
public class VariabilityTests
{
    private const int N = 20_000;

    private static double[] Sample(ParameterDistribution d, ulong seed = 7)
    {
        var stream = new RandomStreams(seed).Get("x");
        return Enumerable.Range(0, N).Select(_ => d.Draw(stream)).ToArray();
    }

    private static void AssertMoments(double[] xs, double mean, double variance)
    {
        double m = xs.Mean(), v = xs.Variance();
        Assert.True(Math.Abs(m - mean) < 4 * Math.Sqrt(variance / xs.Length), $"mean {m} vs {mean}");
        Assert.True(Math.Abs(v - variance) < 4 * variance * Math.Sqrt(2.0 / (xs.Length - 1)), $"variance {v} vs {variance}");
    }

    [Fact]
    public void Normal_uniform_lognormal_moments()
    {
        AssertMoments(Sample(new NormalDistribution(1, 0.2)), 1, 0.04);
        AssertMoments(Sample(new UniformDistribution(-1, 3)), 1, 16.0 / 12);
        var logs = Sample(LogNormalDistribution.FromMedian(50e3, 0.5)).Select(x => Math.Log(x)).ToArray();
        AssertMoments(logs, Math.Log(50e3), 0.25);
    }

    [Fact]
    public void Truncated_normal_stays_in_bounds_with_the_truncated_mean()
    {
        // Truncated to [0.8, 2] from N(1, 0.3²): mean μ + σ(φ(α) − φ(β))/(Φ(β) − Φ(α)), computed with MathNet.
        var xs = Sample(new NormalDistribution(1, 0.3, 0.8, 2));
        Assert.All(xs, x => Assert.InRange(x, 0.8, 2));
        double a = (0.8 - 1) / 0.3, b = (2 - 1) / 0.3, z = Normal.CDF(0, 1, b) - Normal.CDF(0, 1, a);
        double mean = 1 + 0.3 * (Normal.PDF(0, 1, a) - Normal.PDF(0, 1, b)) / z;
        double variance = 0.09 * (1 + (a * Normal.PDF(0, 1, a) - b * Normal.PDF(0, 1, b)) / z - Math.Pow((Normal.PDF(0, 1, a) - Normal.PDF(0, 1, b)) / z, 2));
        AssertMoments(xs, mean, variance);
    }

    private static DeviceSampler<ThresholdMemristorParameters> Seed002Sampler() =>
        new DeviceSampler<ThresholdMemristorParameters>(new ThresholdMemristorParameters())
            // Seed 002 §3.7.4–3.7.5: slopes 𝒩(nominal, σ_slope²) relative, threshold V(1 + e) with e ~ 𝒩(0, σ²); kept physical by truncation.
            .Vary("slope+", new NormalDistribution(1, 0.1, 0.01), (p, f) => p with { SlopePositive = p.SlopePositive * f })
            .Vary("slope-", new NormalDistribution(1, 0.1, 0.01), (p, f) => p with { SlopeNegative = p.SlopeNegative * f })
            .Vary("vth+", new NormalDistribution(0, 0.05, -0.9), (p, e) => p with { ThresholdPositive = p.ThresholdPositive * (1 + e) })
            .Vary("vth-", new NormalDistribution(0, 0.05, -0.9), (p, e) => p with { ThresholdNegative = p.ThresholdNegative * (1 + e) });

    [Fact]
    public void Same_seed_gives_the_same_devices_bit_for_bit_and_another_seed_does_not()
    {
        var a = Seed002Sampler().DrawMany(new RandomStreams(42), "layer1", 100);
        var b = Seed002Sampler().DrawMany(new RandomStreams(42), "layer1", 100);
        var c = Seed002Sampler().DrawMany(new RandomStreams(43), "layer1", 100);
        Assert.Equal(a, b); // records compare every field exactly
        Assert.True(a.Zip(c).All(p => p.First.SlopePositive != p.Second.SlopePositive));
        // Device 17 does not depend on how many devices were drawn.
        Assert.Equal(a[17], Seed002Sampler().Draw(new RandomStreams(42), "layer1", 17));
    }

    [Fact]
    public void Device_to_device_slope_spread_has_the_requested_moments()
    {
        var slopes = Seed002Sampler().DrawMany(new RandomStreams(1), "pop", N).Select(p => p.SlopePositive / new ThresholdMemristorParameters().SlopePositive).ToArray();
        AssertMoments(slopes, 1, 0.01);
    }

    [Fact]
    public void Stuck_fractions_within_binomial_bounds_and_stuck_devices_ignore_pulses()
    {
        var ni = new Nonidealities { StuckLrsFraction = 0.03, StuckHrsFraction = 0.07 };
        var pop = VariableMemristor.Population(new RandomStreams(5), "arr", 10_000, new DeviceSampler<VteamParameters>(new VteamParameters()),
            p => new VteamMemristor(p), 0.5, ni);
        foreach (var (stuck, p) in new[] { (StuckAt.Lrs, 0.03), (StuckAt.Hrs, 0.07) })
        {
            int k = pop.Count(d => d.Stuck == stuck);
            Assert.True(Math.Abs(k - 10_000 * p) < 4 * Math.Sqrt(10_000 * p * (1 - p)), $"{stuck}: {k}");
        }
        // VTEAM's LRS is w = 0 (R_ON); a stuck device stays there whatever the pulse.
        var lrs = pop.First(d => d.Stuck == StuckAt.Lrs);
        Assert.Equal(0, lrs.Device.State);
        lrs.Program(new RectangularPulse(2, 1e-6));
        Assert.Equal(0, lrs.Device.State);
        Assert.Equal(1.0, pop.First(d => d.Stuck == StuckAt.Hrs).Device.State);
    }

    [Fact]
    public void Write_noise_is_added_per_programming_event_with_the_requested_sigma()
    {
        // Deterministic VTEAM update of a 1.5 V, 1 µs rectangle from w = 0.2: 8e5·0.5³·1e-6 = 0.1 (no window).
        var ni = new Nonidealities { WriteNoise = 0.02 };
        var pop = VariableMemristor.Population(new RandomStreams(9), "w", 5000, new DeviceSampler<VteamParameters>(new VteamParameters()),
            p => new VteamMemristor(p), 0.2, ni);
        var noise = pop.Select(d => d.Program(new RectangularPulse(1.5, 1e-6)).StateChange - 0.1).ToArray();
        AssertMoments(noise, 0, 0.02 * 0.02);
        // Below threshold nothing is written, so nothing is noisy.
        Assert.Equal(0, pop[0].Program(new RectangularPulse(0.5, 1e-6)).StateChange);
    }

    [Fact]
    public void Read_noise_is_relative_and_leaves_the_state()
    {
        var d = VariableMemristor.Population(new RandomStreams(3), "r", 1, new DeviceSampler<VteamParameters>(new VteamParameters()),
            p => new VteamMemristor(p), 0.5, new Nonidealities { ReadNoise = 0.05 })[0];
        double g = 1 / 55e3;
        var reads = Enumerable.Range(0, N).Select(_ => d.Read() / g).ToArray();
        AssertMoments(reads, 1, 0.0025);
        Assert.Equal(0.5, d.Device.State);
    }

    [Fact]
    public void Levels_quantise_linearly_and_logarithmically()
    {
        Assert.Equal(1.0 / 3, LevelQuantizer.Quantize(0.30, 0, 1, 4), 15);
        Assert.Equal(2.0 / 3, LevelQuantizer.Quantize(0.55, 0, 1, 4), 15);
        Assert.Equal(1e-4, LevelQuantizer.Quantize(6e-5, 1e-6, 1e-4, 3, LevelSpacing.LogInState), 1e-18); // levels 1e-6, 1e-5, 1e-4
        Assert.Equal(1e-5, LevelQuantizer.Quantize(2e-5, 1e-6, 1e-4, 3, LevelSpacing.LogInState), 1e-18);
        // A 4-level VTEAM device lands on a level after a pulse.
        var d = VariableMemristor.Population(new RandomStreams(3), "q", 1, new DeviceSampler<VteamParameters>(new VteamParameters()),
            p => new VteamMemristor(p), 0.0, new Nonidealities { Levels = 4 })[0];
        d.Program(new RectangularPulse(1.5, 2.2e-6)); // +0.275 → rounds to 1/3
        Assert.Equal(1.0 / 3, d.Device.State, 15);
    }
}
