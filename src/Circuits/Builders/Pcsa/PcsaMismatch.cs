using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Circuits.Builders.Pcsa;

/// <summary>
/// Local threshold mismatch by Pelgrom's law, σ(ΔV_T) = A_VT/√(W·L) (Pelgrom, Duinmaijer, Welbers, IEEE JSSC 24(5),
/// 1989), drawn independently for every transistor from a seeded stream, plus an optional global (die-to-die) shift of
/// all NMOS and all PMOS thresholds. Default A_VT = 10 mV·µm: thick gate oxides scale roughly as 1 mV·µm per nm of
/// oxide (12.5 nm here); the seed's PDK Monte Carlo parameters (S L1503) are not public.
/// </summary>
public sealed record PcsaMismatch
{
    /// <summary>Pelgrom coefficient (V·m); 10 mV·µm = 1e-8 V·m.</summary>
    public double Avt { get; init; } = 10e-3 * 1e-6;
    /// <summary>σ of the global threshold shift shared by all transistors of one type (V).</summary>
    public double GlobalSigma { get; init; }

    /// <summary>Threshold shifts (delvto, V) for every transistor of the design's variant.</summary>
    public IReadOnlyDictionary<string, double> Sample(PcsaDesign design, RandomStream random)
    {
        if (!(Avt >= 0) || !(GlobalSigma >= 0)) throw new ArgumentException($"mismatch: A_VT and global σ must be >= 0 (got {Avt}, {GlobalSigma})");
        double globalN = random.Normal(0, GlobalSigma), globalP = random.Normal(0, GlobalSigma);
        var shifts = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in PcsaNetlist.TransistorNames(design.Variant))
        {
            var size = SizeOf(design.Sizing, name);
            bool pmos = name.StartsWith("MP", StringComparison.OrdinalIgnoreCase);
            shifts[name] = random.Normal(0, Avt / Math.Sqrt(size.Area)) + (pmos ? globalP : globalN);
        }
        return shifts;
    }

    private static DeviceSize SizeOf(PcsaSizing z, string name) => name.ToUpperInvariant() switch
    {
        "MPP1" or "MPP2" => z.Precharge,
        "MPA" or "MPB" => z.LatchP,
        "MNA" or "MNB" => z.LatchN,
        "MAX1" or "MAX2" => z.Access,
        "MND" => z.Discharge,
        _ => z.Pass,
    };
}
