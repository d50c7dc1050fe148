using CircuitNeuro.Learning.Ising.Model;

namespace CircuitNeuro.Learning.Ising.Sampling;

/// <summary>
/// Inverse temperatures, one Metropolis sweep per entry. The seed's SA baseline (notes §1.9, code [X] = a copy of
/// D-Wave neal) uses a geometric schedule of 100 sweeps from β_hot = ln 2 / max_i(|h_i| + Σ_j |J_ij|) to
/// β_cold = ln 100 / min nonzero |h or J|, and for the nudge a reverse schedule that heats back to a fraction f of
/// the forward schedule and cools again (f = 0.25).
/// </summary>
public sealed class BetaSchedule
{
    public BetaSchedule(IReadOnlyList<double> betas)
    {
        if (betas.Count == 0) throw new ArgumentException("A schedule needs at least one sweep.");
        foreach (double b in betas) if (!(b >= 0) || double.IsInfinity(b)) throw new ArgumentException($"Invalid β {b}.");
        Betas = betas.ToArray();
    }

    public double[] Betas { get; }
    public int Sweeps => Betas.Length;

    public static BetaSchedule Constant(double beta, int sweeps) => new(Enumerable.Repeat(beta, sweeps).ToArray());

    public static BetaSchedule Geometric(double hot, double cold, int sweeps)
    {
        Check(hot, cold, sweeps);
        if (!(hot > 0)) throw new ArgumentOutOfRangeException(nameof(hot), "Geometric schedule needs β_hot > 0.");
        var b = new double[sweeps];
        for (int s = 0; s < sweeps; s++) b[s] = sweeps == 1 ? cold : hot * Math.Pow(cold / hot, s / (double)(sweeps - 1));
        return new BetaSchedule(b);
    }

    public static BetaSchedule Linear(double hot, double cold, int sweeps)
    {
        Check(hot, cold, sweeps);
        var b = new double[sweeps];
        for (int s = 0; s < sweeps; s++) b[s] = sweeps == 1 ? cold : hot + (cold - hot) * s / (sweeps - 1);
        return new BetaSchedule(b);
    }

    /// <summary>neal's default β range for a model (see class remarks).</summary>
    public static (double Hot, double Cold) DefaultRange(IsingModel model)
    {
        var maxField = new double[model.SpinCount];
        double minAbs = double.PositiveInfinity;
        for (int i = 0; i < model.SpinCount; i++)
        {
            maxField[i] += Math.Abs(model.H[i]);
            if (model.H[i] != 0) minAbs = Math.Min(minAbs, Math.Abs(model.H[i]));
        }
        foreach (var (i, j, v) in model.Couplings)
        {
            maxField[i] += Math.Abs(v); maxField[j] += Math.Abs(v);
            if (v != 0) minAbs = Math.Min(minAbs, Math.Abs(v));
        }
        double max = maxField.Length == 0 ? 0 : maxField.Max();
        if (max == 0) return (1.0, 1.0); // nothing to anneal: any β samples uniformly
        double hot = Math.Log(2) / max, cold = Math.Log(100) / minAbs;
        return (hot, Math.Max(hot, cold));
    }

    /// <summary>Geometric schedule over <see cref="DefaultRange"/> (neal default, 100 sweeps in the seed).</summary>
    public static BetaSchedule ForModel(IsingModel model, int sweeps = 100)
    {
        var (hot, cold) = DefaultRange(model);
        return Geometric(hot, cold, sweeps);
    }

    /// <summary>
    /// Reverse anneal (notes §1.9): start cold, heat back to the β at index ⌊f·N⌋ of this forward schedule, cool
    /// again: flip(β[⌊fN⌋..N)) ++ β[⌊fN⌋+1..N). Larger f = shallower reverse point (less re-randomisation).
    /// </summary>
    public BetaSchedule Reverse(double fraction)
    {
        if (!(fraction >= 0 && fraction < 1)) throw new ArgumentOutOfRangeException(nameof(fraction));
        int start = (int)(fraction * Sweeps);
        var heat = Betas[start..].Reverse();
        var cool = Betas[(start + 1)..];
        return new BetaSchedule(heat.Concat(cool).ToArray());
    }

    private static void Check(double hot, double cold, int sweeps)
    {
        if (sweeps < 1) throw new ArgumentOutOfRangeException(nameof(sweeps));
        if (!(hot >= 0) || !(cold >= hot)) throw new ArgumentException($"Need 0 ≤ β_hot ≤ β_cold, got {hot}, {cold}.");
    }
}
