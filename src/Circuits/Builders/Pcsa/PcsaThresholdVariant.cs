namespace CircuitNeuro.Circuits.Builders.Pcsa;

/// <summary>
/// A global threshold option on top of the cards: every |V_T| lowered by the same amount (delvto −ΔV on NMOS, +ΔV on PMOS,
/// ngspice sign convention), e.g. a lower-V_T device flavour. Used to find the V_T the seed's low-supply claim implies
/// (README, supply sensitivity); the cards themselves keep the seed's 0.6 V.
/// </summary>
public static class PcsaThresholdVariant
{
    public static PcsaDesign Lowered(PcsaDesign d, double deltaVt)
    {
        var shifts = new Dictionary<string, double>(d.ThresholdShifts, StringComparer.OrdinalIgnoreCase);
        foreach (string name in PcsaNetlist.TransistorNames(d.Variant))
        {
            bool pmos = name.StartsWith("MP", StringComparison.OrdinalIgnoreCase);
            shifts[name] = shifts.GetValueOrDefault(name) + (pmos ? deltaVt : -deltaVt);
        }
        return d with { ThresholdShifts = shifts };
    }
}
