using System.Globalization;
using System.Text;
using CircuitNeuro.Circuits.Elements;
using CircuitNeuro.Circuits.Models;

namespace CircuitNeuro.Circuits.Netlist;

/// <summary>
/// Writes a circuit built in code as an ngspice netlist with the same element and node names,
/// so the reference simulator can be run on exactly the circuit our engine solved.
/// </summary>
public static class SpiceWriter
{
    public static string Write(Circuit circuit, IEnumerable<string> analysisLines, IReadOnlyDictionary<string, double>? options = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.IsNullOrWhiteSpace(circuit.Title) ? "circuitneuro export" : circuit.Title.Replace('\n', ' '));
        var models = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in circuit.Elements) sb.AppendLine(Line(e, models));
        foreach (var card in models.Values) sb.AppendLine(card);
        var o = circuit.Options;
        sb.AppendLine(Invariant($".options temp={o.Temperature} tnom={o.NominalTemperature} gmin={o.Gmin}"));
        if (options is not null)
            sb.AppendLine(".options " + string.Join(" ", options.Select(kv => $"{kv.Key}={N(kv.Value)}")));
        foreach (var (node, v) in circuit.InitialConditions) sb.AppendLine($".ic v({node})={N(v)}");
        foreach (var a in analysisLines) sb.AppendLine(a);
        sb.AppendLine(".end");
        return sb.ToString();
    }

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    private static string Nodes(Element e) => string.Join(" ", e.Nodes);

    private static string Source(double dc, Waveforms.Waveform? w) =>
        (double.IsNaN(dc) ? "" : $"DC {N(dc)} ") + (w?.ToSpice() ?? "");

    private static string Line(Element e, Dictionary<string, string> models) => e switch
    {
        Resistor r => $"{e.Name} {Nodes(e)} {N(r.Resistance)}",
        Capacitor c => $"{e.Name} {Nodes(e)} {N(c.Capacitance)}" + (double.IsNaN(c.InitialVoltage) ? "" : $" ic={N(c.InitialVoltage)}"),
        Inductor l => $"{e.Name} {Nodes(e)} {N(l.Inductance)}" + (double.IsNaN(l.InitialCurrent) ? "" : $" ic={N(l.InitialCurrent)}"),
        VoltageSource v => $"{e.Name} {Nodes(e)} {Source(v.DcValue, v.Waveform)}".TrimEnd(),
        CurrentSource i => $"{e.Name} {Nodes(e)} {Source(i.DcValue, i.Waveform)}".TrimEnd(),
        Vcvs x => $"{e.Name} {Nodes(e)} {N(x.Gain)}",
        Vccs x => $"{e.Name} {Nodes(e)} {N(x.Transconductance)}",
        Cccs x => $"{e.Name} {Nodes(e)} {x.Control} {N(x.Gain)}",
        Ccvs x => $"{e.Name} {Nodes(e)} {x.Control} {N(x.Transresistance)}",
        Diode d => $"{e.Name} {Nodes(e)} {Register(models, d.Model.Name, DiodeCard(d.Model))} {N(d.Area)}" + (d.Off ? " off" : ""),
        Mosfet1 m => $"{e.Name} {Nodes(e)} {Register(models, m.Model.Name, MosCard(m.Model))} w={N(m.Width)} l={N(m.Length)} m={N(m.Multiplier)}" + (m.Off ? " off" : ""),
        VoltageSwitch s => $"{e.Name} {Nodes(e)} {Register(models, s.Model.Name, SwitchCard(s.Model))}" + (s.IsOn ? " on" : " off"),
        _ => throw new NotSupportedException($"element '{e.Name}' ({e.GetType().Name}) has no SPICE form"),
    };

    private static string Register(Dictionary<string, string> models, string name, string card)
    {
        if (models.TryGetValue(name, out var existing) && existing != card)
            throw new InvalidOperationException($"two different models are both named '{name}'");
        models[name] = card;
        return name;
    }

    private static string DiodeCard(DiodeModel m) =>
        $".model {m.Name} d (is={N(m.Is)} n={N(m.N)} rs={N(m.Rs)} cjo={N(m.Cjo)} vj={N(m.Vj)} m={N(m.M)} fc={N(m.Fc)} tt={N(m.Tt)} eg={N(m.Eg)} xti={N(m.Xti)}"
        + (double.IsInfinity(m.Bv) ? "" : $" bv={N(m.Bv)} ibv={N(m.Ibv)}") + (double.IsNaN(m.Tnom) ? "" : $" tnom={N(m.Tnom)}") + ")";

    private static string MosCard(Mosfet1Model m) =>
        $".model {m.Name} {(m.Polarity > 0 ? "nmos" : "pmos")} (level=1 vto={N(m.Vto)} kp={N(m.Kp)} gamma={N(m.Gamma)} phi={N(m.Phi)} lambda={N(m.Lambda)}"
        + $" rd={N(m.Rd)} rs={N(m.Rs)} is={N(m.Is)} ld={N(m.Ld)} cgso={N(m.Cgso)} cgdo={N(m.Cgdo)} cgbo={N(m.Cgbo)} cbd={N(m.Cbd)} cbs={N(m.Cbs)} pb={N(m.Pb)} mj={N(m.Mj)} fc={N(m.Fc)}"
        + (double.IsNaN(m.Tnom) ? "" : $" tnom={N(m.Tnom)}") + ")";

    private static string SwitchCard(SwitchModel m) =>
        $".model {m.Name} sw (vt={N(m.Vt)} vh={N(m.Vh)} ron={N(m.Ron)} roff={N(m.Roff)})";
}
