using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Circuits.Models;

/// <summary>
/// Shichman–Hodges MOSFET (SPICE level 1; ngspice manual, "MOSFET level 1") with its temperature
/// laws: mobility ∝ (T/Tnom)^-1.5, surface potential and threshold through the silicon band gap
/// Eg(T) = 1.16 − 7.02e-4·T²/(T + 1108), junction saturation current through Eg. TOX/Meyer gate
/// capacitances are not modelled yet: such a card is rejected rather than simulated without them.
/// </summary>
public sealed record Mosfet1Model
{
    public string Name { get; init; } = "nmos";
    /// <summary>+1 for NMOS, −1 for PMOS.</summary>
    public int Polarity { get; init; } = 1;
    public double Vto { get; init; }
    public double Kp { get; init; } = 2e-5;
    public double Gamma { get; init; }
    public double Phi { get; init; } = 0.6;
    public double Lambda { get; init; }
    public double Rd { get; init; }
    public double Rs { get; init; }
    public double Is { get; init; } = 1e-14;
    public double Ld { get; init; }
    public double Cgso { get; init; }
    public double Cgdo { get; init; }
    public double Cgbo { get; init; }
    public double Cbd { get; init; }
    public double Cbs { get; init; }
    public double Pb { get; init; } = 0.8;
    public double Mj { get; init; } = 0.5;
    public double Fc { get; init; } = 0.5;
    public double Tnom { get; init; } = double.NaN;

    public static Mosfet1Model FromParameters(string name, string type, IReadOnlyDictionary<string, double> values)
    {
        var p = new ModelParameters(name, values);
        double level = p.Get("level", 1);
        if (level != 1) throw new CircuitException(null, $"model '{name}': level {level} is not available in the built-in engine (levels 1 and 44 = EKV 2.6); run it on the ngspice backend");
        if (p.Has("tox")) throw new CircuitException(null, $"model '{name}': TOX (Meyer gate capacitances) is not supported by the built-in level-1 model; give KP and explicit capacitors");
        var m = new Mosfet1Model
        {
            Name = name,
            Polarity = type.Equals("pmos", StringComparison.OrdinalIgnoreCase) ? -1 : 1,
            Vto = p.Has("vto") ? p.Get("vto", 0) : p.Get("vt0", 0),
            Kp = p.Get("kp", 2e-5),
            Gamma = p.Get("gamma", 0),
            Phi = p.Get("phi", 0.6),
            Lambda = p.Get("lambda", 0),
            Rd = p.Get("rd", 0),
            Rs = p.Get("rs", 0),
            Is = p.Get("is", 1e-14),
            Ld = p.Get("ld", 0),
            Cgso = p.Get("cgso", 0),
            Cgdo = p.Get("cgdo", 0),
            Cgbo = p.Get("cgbo", 0),
            Cbd = p.Get("cbd", 0),
            Cbs = p.Get("cbs", 0),
            Pb = p.Get("pb", 0.8),
            Mj = p.Get("mj", 0.5),
            Fc = p.Get("fc", 0.5),
            Tnom = p.Get("tnom", double.NaN),
        };
        p.RejectUnknown("kf", "af", "uo", "nsub", "nss", "tpg", "version");
        return m;
    }

    /// <summary>Temperature-adjusted parameters (mos1temp-style laws). At T = Tnom they equal the card values.</summary>
    public Mosfet1Temperature AtTemperature(double celsius, double circuitTnom)
    {
        const double refTemp = 300.15;
        double tnom = (double.IsNaN(Tnom) ? circuitTnom : Tnom) + Physics.KelvinOffset;
        double t = celsius + Physics.KelvinOffset;
        double kOverQ = Physics.Boltzmann / Physics.Charge;
        double vt = kOverQ * t, vtnom = kOverQ * tnom;
        double egNom = BandGap(tnom), eg = BandGap(t);
        double pbFactNom = PbFactor(tnom, vtnom, egNom, refTemp);
        double pbFact = PbFactor(t, vt, eg, refTemp);
        double ratio = t / tnom;
        double phiRef = (Phi - pbFactNom) / (tnom / refTemp);
        double tPhi = t / refTemp * phiRef + pbFact;
        double tVbi = Vto - Polarity * Gamma * Math.Sqrt(Phi) + 0.5 * (egNom - eg) + Polarity * 0.5 * (tPhi - Phi);
        return new Mosfet1Temperature(
            ThermalVoltage: vt,
            Kp: Kp / (ratio * Math.Sqrt(ratio)),
            Phi: tPhi,
            Vbi: tVbi,
            Vto: tVbi + Polarity * Gamma * Math.Sqrt(tPhi),
            SaturationCurrent: Is * Math.Exp(-eg / vt + egNom / vtnom));
    }

    private static double BandGap(double kelvin) => 1.16 - 7.02e-4 * kelvin * kelvin / (kelvin + 1108);

    private static double PbFactor(double kelvin, double vt, double eg, double refTemp)
    {
        double arg = -eg / (2 * Physics.Boltzmann * kelvin) + 1.1150877 / (Physics.Boltzmann * 2 * refTemp);
        return -2 * vt * (1.5 * Math.Log(kelvin / refTemp) + Physics.Charge * arg);
    }
}

public sealed record Mosfet1Temperature(double ThermalVoltage, double Kp, double Phi, double Vbi, double Vto, double SaturationCurrent);
