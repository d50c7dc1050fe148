using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Elements;
using CircuitNeuro.Circuits.Models;
using CircuitNeuro.Circuits.Waveforms;

namespace CircuitNeuro.Circuits.Netlist;

/// <summary>
/// Turns a parsed, flattened netlist into a <see cref="Circuit"/>. Every error is re-thrown as a
/// <see cref="NetlistException"/> that names the card's file, line and element.
/// </summary>
public static class CircuitFactory
{
    public static Circuit Build(ParsedNetlist netlist)
    {
        var options = new SimulationOptions().With(netlist.Options);
        if (!double.IsNaN(netlist.Temperature)) options = options with { Temperature = netlist.Temperature };
        if (netlist.TextOptions.TryGetValue("method", out var method))
            options = options with
            {
                Method = method.ToLowerInvariant() switch
                {
                    "trap" or "trapezoidal" => IntegrationMethod.Trapezoidal,
                    "gear" => IntegrationMethod.Gear2,
                    _ => throw new NetlistException(null, null, $"{netlist.File}: .options method={method} is not supported (trap or gear)"),
                },
            };
        var circuit = new Circuit(netlist.Title) { Options = options };
        foreach (var (node, v) in netlist.InitialConditions) circuit.InitialConditions[node] = v;
        var models = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var card in netlist.Elements)
        {
            try
            {
                circuit.Add(Create(card, netlist, models));
            }
            catch (Exception ex) when (ex is CircuitException or ArgumentException)
            {
                throw new NetlistException(card.Location, card.Name, ex is CircuitException ce && ce.Element == card.Name ? StripElement(ce) : ex.Message);
            }
        }
        return circuit;
    }

    private static string StripElement(CircuitException ex) => ex.Message[(ex.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];

    private static Element Create(ElementCard c, ParsedNetlist netlist, Dictionary<string, object> models)
    {
        var n = c.Nodes;
        double P(string key, double fallback) => c.Parameters.TryGetValue(key, out var v) ? v : fallback;
        double Value(string what) => double.IsNaN(c.Value) ? throw new CircuitException(c.Name, $"missing {what}") : c.Value;
        bool Flag(string f) => c.Flags.Contains(f, StringComparer.OrdinalIgnoreCase);
        switch (c.Kind)
        {
            case 'R': return new Resistor(c.Name, n[0], n[1], Value("resistance") / P("m", 1));
            case 'C': return new Capacitor(c.Name, n[0], n[1], Value("capacitance") * P("m", 1), P("ic", double.NaN));
            case 'L': return new Inductor(c.Name, n[0], n[1], Value("inductance") / P("m", 1), P("ic", double.NaN));
            case 'V': return new VoltageSource(c.Name, n[0], n[1], c.DcValue, ToWaveform(c.Waveform));
            case 'I': return new CurrentSource(c.Name, n[0], n[1], c.DcValue, ToWaveform(c.Waveform));
            case 'E': return new Vcvs(c.Name, n[0], n[1], n[2], n[3], Value("gain"));
            case 'G': return new Vccs(c.Name, n[0], n[1], n[2], n[3], Value("transconductance"));
            case 'F': return new Cccs(c.Name, n[0], n[1], Control(c), Value("gain"));
            case 'H': return new Ccvs(c.Name, n[0], n[1], Control(c), Value("transresistance"));
            case 'D':
                return new Diode(c.Name, n[0], n[1], Model(c, netlist, models, "d", (name, card) => DiodeModel.FromParameters(name, card.Parameters)),
                    double.IsNaN(c.Value) ? P("area", 1) : c.Value, Flag("off"));
            case 'M':
                var mos = Model<object>(c, netlist, models, null, (name, card) => card.Type is "nmos" or "pmos"
                    ? MosfetModels.FromCard(name, card.Type, card.Parameters)
                    : throw new CircuitException(c.Name, $"model '{name}' has type '{card.Type}', a MOSFET needs nmos or pmos"));
                // delvto (ngspice's instance threshold shift, added to the signed VTO as BSIM4 does) gives each EKV instance its own card.
                if (mos is EkvModel ekv)
                    return new MosfetEkv(c.Name, n[0], n[1], n[2], n[3], ekv with { Vto = ekv.Vto + P("delvto", 0) }, P("w", 1e-4), P("l", 1e-4), P("m", 1));
                if (c.Parameters.ContainsKey("delvto")) throw new CircuitException(c.Name, "delvto is only supported on LEVEL=44 (EKV) models in the built-in engine");
                return new Mosfet1(c.Name, n[0], n[1], n[2], n[3], (Mosfet1Model)mos, P("w", 1e-4), P("l", 1e-4), P("m", 1), Flag("off"));
            case 'S':
                return new VoltageSwitch(c.Name, n[0], n[1], n[2], n[3],
                    Model(c, netlist, models, "sw", (name, card) => SwitchModel.FromParameters(name, card.Parameters)), Flag("on"));
            case 'Y':
                var memristor = Model(c, netlist, models, "memristor", MemristorModelCard.Create);
                return new MemristorElement(c.Name, n[0], n[1], memristor, MemristorModelCard.InitialState(c.Name, memristor, c.Parameters));
            default:
                throw new CircuitException(c.Name, $"element type '{c.Kind}' is not supported by the built-in engine");
        }
    }

    private static string Control(ElementCard c) =>
        c.ControlSource ?? throw new CircuitException(c.Name, "missing controlling voltage source");

    private static T Model<T>(ElementCard c, ParsedNetlist netlist, Dictionary<string, object> cache, string? type,
        Func<string, ModelCard, T> create) where T : class
    {
        string name = c.Model ?? throw new CircuitException(c.Name, "missing model name");
        if (cache.TryGetValue(name, out var cached))
            return cached as T ?? throw new CircuitException(c.Name, $"model '{name}' is of another kind");
        if (!netlist.Models.TryGetValue(name, out var card))
            throw new CircuitException(c.Name, $"model '{name}' is not defined (no .model card)");
        if (type is not null && !card.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
            throw new CircuitException(c.Name, $"model '{name}' has type '{card.Type}', expected '{type}'");
        try
        {
            var model = create(name, card);
            cache[name] = model;
            return model;
        }
        catch (CircuitException ex) when (ex.Element is null)
        {
            throw new NetlistException(card.Location, c.Name, ex.Message);
        }
    }

    private static Waveform? ToWaveform(WaveformSpec? spec) => spec switch
    {
        null or DcSpec => null,
        PulseSpec p => new PulseWaveform(p.Args),
        PwlSpec p => new PwlWaveform(p.Times, p.Values, p.RepeatFrom, p.Delay),
        SinSpec s => new SineWaveform(s.Args),
        _ => throw new ArgumentException($"unsupported waveform {spec.GetType().Name}"),
    };
}
