namespace CircuitNeuro.Circuits.Models;

/// <summary>Voltage-controlled switch model (ngspice "sw": VT threshold, VH hysteresis half-width, RON, ROFF = 1/gmin by default).</summary>
public sealed record SwitchModel
{
    public string Name { get; init; } = "sw";
    public double Vt { get; init; }
    public double Vh { get; init; }
    public double Ron { get; init; } = 1;
    public double Roff { get; init; } = 1e12;

    public static SwitchModel FromParameters(string name, IReadOnlyDictionary<string, double> values)
    {
        var p = new ModelParameters(name, values);
        var m = new SwitchModel { Name = name, Vt = p.Get("vt", 0), Vh = p.Get("vh", 0), Ron = p.Get("ron", 1), Roff = p.Get("roff", 1e12) };
        p.RejectUnknown();
        return m;
    }
}
