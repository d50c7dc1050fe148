using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Circuits.Variability;

public enum StuckAt { None, Lrs, Hrs }

/// <summary>
/// Non-idealities of a device population besides its parameter spread (all optional, zero by default):
/// stuck-at-LRS/HRS fractions (drawn once per device), cycle-to-cycle write noise per programming event
/// (seed 002 §3.7.2: ΔW_total = ΔW + 𝒩(0, σ²), σ in units of the state range; plus an optional relative
/// spread of ΔW), relative read noise on the read conductance, and a limited number of levels.
/// </summary>
public sealed record Nonidealities
{
    public double StuckLrsFraction { get; init; }
    public double StuckHrsFraction { get; init; }
    /// <summary>σ of the additive write noise, as a fraction of the state range.</summary>
    public double WriteNoise { get; init; }
    /// <summary>σ of a multiplicative factor 𝒩(1, σ²) on each pulse's deterministic state change.</summary>
    public double RelativeUpdateNoise { get; init; }
    /// <summary>Add write noise also when the pulse did not move the device (below threshold). Default: only real writes are noisy.</summary>
    public bool NoiseOnEveryPulse { get; init; }
    /// <summary>σ of the relative read noise on the conductance (𝒩(1, σ²) factor per read).</summary>
    public double ReadNoise { get; init; }
    /// <summary>Number of programmable levels (0: continuous).</summary>
    public int Levels { get; init; }
    public LevelSpacing LevelSpacing { get; init; } = LevelSpacing.LinearInState;

    /// <summary>
    /// A write's deterministic <paramref name="change"/> with its cycle-to-cycle noise (seed 002 §3.7.2): × 𝒩(1, σ_rel²),
    /// then + 𝒩(0, (σ_write·<paramref name="range"/>)²), drawn from <paramref name="stream"/> in that order.
    /// </summary>
    public double WithWriteNoise(double change, double range, RandomStream stream)
    {
        if (RelativeUpdateNoise > 0) change *= stream.Normal(1, RelativeUpdateNoise);
        if (WriteNoise > 0) change += stream.Normal(0, WriteNoise * range);
        return change;
    }

    public StuckAt DrawStuck(RandomStream stream)
    {
        if (!(StuckLrsFraction >= 0) || !(StuckHrsFraction >= 0) || StuckLrsFraction + StuckHrsFraction > 1)
            throw new ArgumentException("stuck fractions must be ≥ 0 and sum to ≤ 1");
        double u = stream.NextDouble();
        return u < StuckLrsFraction ? StuckAt.Lrs : u < StuckLrsFraction + StuckHrsFraction ? StuckAt.Hrs : StuckAt.None;
    }
}

public enum LevelSpacing
{
    /// <summary>Levels equally spaced in the state.</summary>
    LinearInState,
    /// <summary>Levels equally spaced in log(state); only for states that are positive (conductances).</summary>
    LogInState,
}

/// <summary>Rounds a state to the nearest of N levels spanning [min, max] (both bounds are levels).</summary>
public static class LevelQuantizer
{
    public static double Quantize(double x, double min, double max, int levels, LevelSpacing spacing = LevelSpacing.LinearInState)
    {
        if (levels <= 0) return x;
        if (levels == 1) return min;
        if (spacing == LevelSpacing.LogInState)
        {
            if (!(min > 0)) throw new ArgumentException("log-spaced levels need a positive state range");
            double k = Math.Round((Math.Log(x) - Math.Log(min)) / (Math.Log(max) - Math.Log(min)) * (levels - 1));
            return Math.Exp(Math.Log(min) + k / (levels - 1) * (Math.Log(max) - Math.Log(min)));
        }
        double j = Math.Round((x - min) / (max - min) * (levels - 1));
        return min + j / (levels - 1) * (max - min);
    }

    public static double Quantize(this IMemristorModel m, double x, int levels, LevelSpacing spacing = LevelSpacing.LinearInState) =>
        Quantize(Math.Clamp(x, m.MinState, m.MaxState), m.MinState, m.MaxState, levels, spacing);
}
