using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Circuits.Variability;

/// <summary>
/// Programming conditions of one Table 4.2 row (seed 000 Fig. 4.7, S L1518): SET under a compliance, RESET at a fixed
/// amplitude, both with the same pulse width (the caption gives one "programming pulse" width per condition).
/// </summary>
public sealed record TernaryProgrammingConditions(ProgrammingPulse SetPulse, double ComplianceCurrent, ProgrammingPulse ResetPulse)
{
    /// <summary>
    /// Fig. 4.7: SET compliance 200 µA, RESET −2.5 V [S L1518], pulses of <paramref name="width"/> (100 µs in (a), 1 µs in (b));
    /// SET amplitude 2 V, inside the seed's "typically between 1.5 V and 2.5 V" [S L1449] (its value is immaterial in the model
    /// once above V_set: the compliance fixes the LRS).
    /// </summary>
    public static TernaryProgrammingConditions Fig47(double width) =>
        new(new RectangularPulse(2.0, width), 200e-6, new RectangularPulse(-2.5, width));
}

/// <summary>Ternary error counts as seed 000 Table 4.2 defines them (S L1486): Type 1 ±1 → ∓1, Type 2 ±1 → 0, Type 3 0 → ±1.</summary>
public sealed record TernaryErrorCounts(int NonZeroPairs, int Type1, int Type2, int ZeroPairs, int Type3)
{
    public double Type1Rate => (double)Type1 / NonZeroPairs;
    public double Type2Rate => (double)Type2 / NonZeroPairs;
    public double Type3Rate => (double)Type3 / ZeroPairs;
}

/// <summary>
/// Programs 2T2R pairs to +1 (LRS/HRS), −1 (HRS/LRS) and 0 (HRS/HRS) (seed 000 §4.2, S L1462) through the HfO2 model and reads
/// them with a behavioural PCSA rule. Each device starts at <see cref="InitialResistance"/> and gets one full cycle ending in its
/// target: SET then RESET for an HRS target, RESET then SET for an LRS target. Device parameters come from
/// <see cref="DeviceParameters"/> (stream "population/d2d/k"), the RESET randomness from stream "population/c2c/k", where
/// k = 2·(pair index in the whole experiment) + 0 for BL, + 1 for BLb, so every device has its own streams.
/// </summary>
public sealed class TernaryWeightErrorExperiment
{
    public required DeviceSampler<HfO2FilamentParameters> DeviceParameters { get; init; }
    public IPcsaReadRule ReadRule { get; init; } = new BehaviouralPcsaReadRule();
    /// <summary>Resistance before programming (a formed device in LRS [A]; one full cycle makes the result insensitive to it).</summary>
    public double InitialResistance { get; init; } = 3e3;
    /// <summary>Relative tolerance 1e-6: R to ≈ 1e-3 relative at worst, far below the σ_ln = 0.6 spread, and ≈ 30 % fewer steps than 1e-7.</summary>
    public PulseIntegrator Integrator { get; init; } = new() { RelativeTolerance = 1e-6 };

    /// <summary>
    /// Programs <paramref name="zeroPairs"/> pairs to 0 and <paramref name="signedPairsPerWeight"/> pairs to each of +1 and −1,
    /// and counts the read errors.
    /// </summary>
    public TernaryErrorCounts Run(RandomStreams streams, string population, int zeroPairs, int signedPairsPerWeight, TernaryProgrammingConditions conditions)
    {
        int type1 = 0, type2 = 0, type3 = 0;
        int pair = 0;
        foreach (int weight in new[] { 1, -1, 0 })
        {
            int count = weight == 0 ? zeroPairs : signedPairsPerWeight;
            for (int i = 0; i < count; i++, pair++)
            {
                int read = ProgramAndRead(streams, population, pair, weight, conditions);
                if (weight == 0) { if (read != 0) type3++; }
                else if (read == 0) type2++;
                else if (read != weight) type1++;
            }
        }
        return new TernaryErrorCounts(2 * signedPairsPerWeight, type1, type2, zeroPairs, type3);
    }

    /// <summary>
    /// Programs pair <paramref name="pair"/> of <paramref name="population"/> to <paramref name="weight"/> (+1 LRS/HRS, −1 HRS/LRS,
    /// 0 HRS/HRS) and returns what the read rule reads; the pair's devices use streams 2·pair and 2·pair + 1 (as in <see cref="Run"/>).
    /// </summary>
    public int ProgramAndRead(RandomStreams streams, string population, int pair, int weight, TernaryProgrammingConditions conditions)
    {
        if (weight is < -1 or > 1) throw new ArgumentOutOfRangeException(nameof(weight), $"ternary weight must be -1, 0 or +1 (got {weight})");
        double bl = Program(streams, population, 2 * pair, weight == 1, conditions);
        double blb = Program(streams, population, 2 * pair + 1, weight == -1, conditions);
        return ReadRule.Read(bl, blb);
    }

    private double Program(RandomStreams streams, string population, int device, bool toLrs, TernaryProgrammingConditions c)
    {
        var cell = new StochasticResetCell(DeviceParameters.Draw(streams, population, device), InitialResistance,
            streams.Get($"{population}/c2c", device), Integrator);
        if (toLrs)
        {
            cell.Reset(c.ResetPulse);
            cell.Set(c.SetPulse, c.ComplianceCurrent);
        }
        else
        {
            cell.Set(c.SetPulse, c.ComplianceCurrent);
            cell.Reset(c.ResetPulse);
        }
        return cell.Resistance;
    }
}
