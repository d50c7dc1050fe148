namespace CircuitNeuro.Circuits.Devices;

/// <summary>A ternary read of a 2T2R pair: +1, −1 or 0 from the bit-line and bit-line-bar resistances (ohms).</summary>
public interface IPcsaReadRule
{
    int Read(double bitLine, double bitLineBar);
}

/// <summary>
/// A read rule of a symmetric sense amplifier in the form the Table 4.2 calibration needs: a pair reads ±1 (the sign of the
/// lower branch) exactly when the lower resistance is below <see cref="ZeroFrontier"/> of the higher one, else 0.
/// </summary>
public interface IPcsaZeroFrontier : IPcsaReadRule
{
    /// <summary>a*(R_high) ≤ R_high: the largest lower resistance that still reads ±1 against a device of <paramref name="higher"/> Ω.</summary>
    double ZeroFrontier(double higher);
}

/// <summary>
/// Behavioural ternary read of a 2T2R pair by the precharge sense amplifier (seed 000 §4.2; notes 000 §1.4, §1.8, §1.12),
/// standing in for the transistor-level PCSA (a separate issue). The PCSA resolves within 50 ns only when the faster
/// branch is fast enough, i.e. when the lower of the two resistances is below a frontier R_f:
/// min(R_BL, R_BLb) &lt; R_f ⇒ +1 if R_BL &lt; R_BLb, else −1; otherwise 0 (not converged).
/// Seed: one device below 10 kΩ always reads ±1, both above 100 kΩ always read 0, the frontier lies in 10–100 kΩ
/// [S L1484, L1520]. R_f = 50 kΩ is the frontier of the ngspice reconstruction (notes 000 §1.12: ±1 whenever
/// min R ≤ 50 kΩ, 0 whenever both ≥ 100 kΩ) [R]. The seed's experimental frontier is stochastic (S L1503); this rule is sharp.
/// </summary>
public sealed record BehaviouralPcsaReadRule(double FrontierResistance = 50e3) : IPcsaZeroFrontier
{
    public double ZeroFrontier(double higher) => Math.Min(FrontierResistance, higher);

    /// <summary>Ternary weight read from the bit-line and bit-line-bar resistances (ohms).</summary>
    public int Read(double bitLine, double bitLineBar)
    {
        if (!(FrontierResistance > 0)) throw new ArgumentException($"frontier must be > 0 (got {FrontierResistance})");
        if (Math.Min(bitLine, bitLineBar) >= FrontierResistance) return 0;
        return bitLine < bitLineBar ? 1 : -1;
    }
}
