using System.Globalization;
using System.Text;

namespace CircuitNeuro.Circuits.Builders.Pcsa;

/// <summary>
/// Writes the PCSA + 2T2R read as one SPICE text that both our engine and ngspice run unchanged (only the model file
/// differs). Topology (notes 000 §1.5, reconstruction of Zhao et al. 2009 consistent with seed 000 L1458–1462):
/// precharge PMOS MPP1/MPP2 (gate SEN) pull Qb/Q to V_DD; cross-coupled inverters MPA/MNA (output Qb, NMOS source on
/// branch A) and MPB/MNB (output Q, source on branch B); RRAM R_BL and R_BLb in series with access NMOS MAX1/MAX2
/// (gate WL) to the source line; MND (gate SEN) grounds it. Branch A is BL and branch B is BLb (ternary), or the
/// XNOR pass network MXA1/MXA2/MXB1/MXB2 routes them by the input X. R_BL &lt; R_BLb ⇒ Qb falls first ⇒ Q → V_DD ⇒ +1.
/// </summary>
public static class PcsaNetlist
{
    /// <summary>Transistor names in the order they are written (XNOR pass devices only in that variant).</summary>
    public static IReadOnlyList<string> TransistorNames(PcsaVariant variant) => variant == PcsaVariant.Xnor
        ? [.. Core, "MXA1", "MXA2", "MXB1", "MXB2"]
        : Core;

    private static readonly string[] Core = ["MPP1", "MPP2", "MPA", "MNA", "MPB", "MNB", "MAX1", "MAX2", "MND"];

    /// <param name="senseEnd">Time SEN falls back to 0 for the next precharge (s); infinity keeps it high.</param>
    /// <param name="stop">Stop time of the .tran card (s).</param>
    public static string Write(PcsaDesign d, double stop, double senseEnd = double.PositiveInfinity)
    {
        d.Validate();
        var s = new StringBuilder();
        string vdd = N(d.SupplyVoltage);
        s.AppendLine($"PCSA 2T2R read ({d.Variant}) R_BL={N(d.BitLineResistance)} R_BLb={N(d.BitLineBarResistance)} VDD={vdd} T={N(d.TemperatureCelsius)}");
        s.AppendLine($".include \"{Path.GetFullPath(d.ModelFile)}\"");
        s.AppendLine($".temp {N(d.TemperatureCelsius)}");
        s.AppendLine($"VDD vdd 0 {vdd}");
        s.AppendLine($"VSEN sen 0 PWL({SenseWave(d, senseEnd)})");
        s.AppendLine($"VWL wl 0 {N(d.WordLine)}");
        var z = d.Sizing;
        Mos(s, d, "MPP1", "qb sen vdd vdd", "pthick", z.Precharge);
        Mos(s, d, "MPP2", "q sen vdd vdd", "pthick", z.Precharge);
        Mos(s, d, "MPA", "qb q vdd vdd", "pthick", z.LatchP);
        bool ternary = d.Variant == PcsaVariant.Ternary;
        Mos(s, d, "MNA", ternary ? "qb q bl 0" : "qb q sa 0", "nthick", z.LatchN);
        Mos(s, d, "MPB", "q qb vdd vdd", "pthick", z.LatchP);
        Mos(s, d, "MNB", ternary ? "q qb blb 0" : "q qb sb 0", "nthick", z.LatchN);
        if (!ternary)
        {
            string x = N(d.XnorInput > 0 ? d.SupplyVoltage : 0), xb = N(d.XnorInput > 0 ? 0 : d.SupplyVoltage);
            s.AppendLine($"VX x 0 {x}");
            s.AppendLine($"VXB xb 0 {xb}");
            Mos(s, d, "MXA1", "sa x bl 0", "nthick", z.Pass);
            Mos(s, d, "MXA2", "sa xb blb 0", "nthick", z.Pass);
            Mos(s, d, "MXB1", "sb x blb 0", "nthick", z.Pass);
            Mos(s, d, "MXB2", "sb xb bl 0", "nthick", z.Pass);
        }
        s.AppendLine($"RBL bl ta {N(d.BitLineResistance)}");
        Mos(s, d, "MAX1", "ta wl sl 0", "nthick", z.Access);
        s.AppendLine($"RBLB blb tb {N(d.BitLineBarResistance)}");
        Mos(s, d, "MAX2", "tb wl sl 0", "nthick", z.Access);
        Mos(s, d, "MND", "sl sen 0 0", "nthick", z.Discharge);
        s.AppendLine($"CBL bl 0 {N(d.BitLineCapacitance)}");
        s.AppendLine($"CBLB blb 0 {N(d.BitLineCapacitance)}");
        s.AppendLine($"CQ q 0 {N(d.OutputCapacitance)}");
        s.AppendLine($"CQB qb 0 {N(d.OutputCapacitance)}");
        s.AppendLine($".tran {N(Math.Min(0.1e-9, stop / 100))} {N(stop)}");
        s.AppendLine(".end");
        return s.ToString();
    }

    private static string SenseWave(PcsaDesign d, double senseEnd)
    {
        string vdd = N(d.SupplyVoltage);
        var w = $"0 0 {N(d.SenseStart)} 0 {N(d.SenseStart + d.EdgeTime)} {vdd}";
        if (double.IsFinite(senseEnd)) w += $" {N(senseEnd)} {vdd} {N(senseEnd + d.EdgeTime)} 0";
        return w;
    }

    private static void Mos(StringBuilder s, PcsaDesign d, string name, string nodes, string model, DeviceSize size)
    {
        s.Append($"{name} {nodes} {model} W={N(size.Width)} L={N(size.Length)}");
        if (d.ThresholdShifts.TryGetValue(name, out double shift) && shift != 0) s.Append($" delvto={N(shift)}");
        s.AppendLine();
    }

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
