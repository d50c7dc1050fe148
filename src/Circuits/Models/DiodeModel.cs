using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Circuits.Models;

/// <summary>
/// SPICE junction diode model parameters (ngspice manual, "Junction Diodes": IS N RS BV IBV CJO VJ M FC TT EG XTI),
/// with the saturation-current temperature law Is(T) = Is·(T/Tnom)^(XTI/N)·exp(EG/(N·Vt)·(T/Tnom − 1)).
/// </summary>
public sealed record DiodeModel
{
    public string Name { get; init; } = "d";
    public double Is { get; init; } = 1e-14;
    public double N { get; init; } = 1;
    public double Rs { get; init; }
    public double Bv { get; init; } = double.PositiveInfinity;
    public double Ibv { get; init; } = 1e-3;
    public double Cjo { get; init; }
    public double Vj { get; init; } = 1;
    public double M { get; init; } = 0.5;
    public double Fc { get; init; } = 0.5;
    public double Tt { get; init; }
    public double Eg { get; init; } = 1.11;
    public double Xti { get; init; } = 3;
    /// <summary>Nominal temperature (°C); NaN uses the circuit's TNOM.</summary>
    public double Tnom { get; init; } = double.NaN;

    public static DiodeModel FromParameters(string name, IReadOnlyDictionary<string, double> values)
    {
        var p = new ModelParameters(name, values);
        var m = new DiodeModel
        {
            Name = name,
            Is = p.Get("is", 1e-14),
            N = p.Get("n", 1),
            Rs = p.Get("rs", 0),
            Bv = p.Get("bv", double.PositiveInfinity),
            Ibv = p.Get("ibv", 1e-3),
            Cjo = p.Has("cjo") ? p.Get("cjo", 0) : p.Get("cj0", 0),
            Vj = p.Has("vj") ? p.Get("vj", 1) : p.Get("pb", 1),
            M = p.Has("m") ? p.Get("m", 0.5) : p.Get("mj", 0.5),
            Fc = p.Get("fc", 0.5),
            Tt = p.Get("tt", 0),
            Eg = p.Get("eg", 1.11),
            Xti = p.Get("xti", 3),
            Tnom = p.Get("tnom", double.NaN),
        };
        p.RejectUnknown("level", "kf", "af");
        return m;
    }

    /// <summary>Saturation current at <paramref name="celsius"/> given the circuit's nominal temperature.</summary>
    public double SaturationCurrent(double celsius, double circuitTnom)
    {
        double tnom = (double.IsNaN(Tnom) ? circuitTnom : Tnom) + Physics.KelvinOffset;
        double t = celsius + Physics.KelvinOffset;
        if (t == tnom) return Is;
        double ratio = t / tnom;
        double vt = Physics.Boltzmann * t / Physics.Charge;
        return Is * Math.Pow(ratio, Xti / N) * Math.Exp(Eg / (N * vt) * (ratio - 1));
    }
}
