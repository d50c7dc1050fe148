using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Circuits.Models;

/// <summary>
/// EKV 2.6 long-channel MOSFET core (Bucher, Lallement, Enz, Théodoloz, Krummenacher, "The EPFL-EKV MOSFET
/// model equations for simulation", 1999, §§ "static model" and "quasi-static charges"): one expression
/// continuous from weak to strong inversion, I_D = I_S·(F(v_P − v_S) − F(v_P − v_D)), F(v) = ln²(1 + e^{v/2}),
/// with the pinch-off voltage V_P, slope factor n and specific current I_S = 2·n·β·U_T². Mobility reduction
/// β = KP·W/L / (1 + THETA·V_P); channel-length modulation as a (1 + LAMBDA·|V_DS|) factor (not EKV's ΔL form;
/// it keeps the model symmetric and C¹ at V_DS = 0). No velocity saturation, short-channel or junction
/// effects: this is a thick-oxide, near-threshold core. Temperature (EKV 2.6 §"temperature effects"):
/// VTO(T) = VTO − TCV·(T − Tnom) in the polarity frame (|VTO| falls with T for both types),
/// KP(T) = KP·(T/Tnom)^BEX, PHI(T) = PHI·T/Tnom − 3·U_T·ln(T/Tnom) − Eg(Tnom)·T/Tnom + Eg(T).
/// Card: <c>.model n nmos level=44 vto= kp= gamma= phi= theta= lambda= cox= tcv= bex= tnom= cgso= cgdo= cgbo=</c>;
/// level 44 is ngspice's historical EKV number (absent from Debian's ngspice 39, which rejects the card).
/// All voltages below are bulk-referenced and in the polarity frame (× −1 for PMOS).
/// </summary>
public sealed record EkvModel
{
    public string Name { get; init; } = "nekv";
    /// <summary>+1 for NMOS, −1 for PMOS.</summary>
    public int Polarity { get; init; } = 1;
    /// <summary>Long-channel threshold voltage at V_SB = 0 (V; negative for PMOS on the card).</summary>
    public double Vto { get; init; } = 0.5;
    /// <summary>Transconductance parameter μ·C_ox (A/V²).</summary>
    public double Kp { get; init; } = 50e-6;
    /// <summary>Body-effect coefficient (√V).</summary>
    public double Gamma { get; init; } = 1.0;
    /// <summary>Bulk Fermi potential ×2 (V).</summary>
    public double Phi { get; init; } = 0.7;
    /// <summary>Mobility reduction coefficient (1/V).</summary>
    public double Theta { get; init; }
    /// <summary>Channel-length modulation (1/V).</summary>
    public double Lambda { get; init; }
    /// <summary>Gate-oxide capacitance per area (F/m²); 0 switches the intrinsic charges off.</summary>
    public double Cox { get; init; } = 0.7e-3;
    /// <summary>Threshold-voltage temperature coefficient (V/K).</summary>
    public double Tcv { get; init; } = 1e-3;
    /// <summary>Mobility temperature exponent.</summary>
    public double Bex { get; init; } = -1.5;
    public double Tnom { get; init; } = double.NaN;
    public double Cgso { get; init; }
    public double Cgdo { get; init; }
    public double Cgbo { get; init; }

    public static EkvModel FromParameters(string name, string type, IReadOnlyDictionary<string, double> values)
    {
        var p = new ModelParameters(name, values);
        p.Get("level", 44);
        var m = new EkvModel
        {
            Name = name,
            Polarity = type.Equals("pmos", StringComparison.OrdinalIgnoreCase) ? -1 : 1,
            Vto = p.Get("vto", type.Equals("pmos", StringComparison.OrdinalIgnoreCase) ? -0.5 : 0.5),
            Kp = p.Get("kp", 50e-6),
            Gamma = p.Get("gamma", 1.0),
            Phi = p.Get("phi", 0.7),
            Theta = p.Get("theta", 0),
            Lambda = p.Get("lambda", 0),
            Cox = p.Get("cox", 0.7e-3),
            Tcv = p.Get("tcv", 1e-3),
            Bex = p.Get("bex", -1.5),
            Tnom = p.Get("tnom", double.NaN),
            Cgso = p.Get("cgso", 0),
            Cgdo = p.Get("cgdo", 0),
            Cgbo = p.Get("cgbo", 0),
        };
        p.RejectUnknown("kf", "af", "version");
        m.Validate();
        return m;
    }

    private void Validate()
    {
        void Require(bool ok, string what)
        {
            if (!ok) throw new CircuitException(null, $"model '{Name}': {what}");
        }
        Require(Kp > 0, $"KP must be > 0 (got {Kp})");
        Require(Gamma >= 0, $"GAMMA must be >= 0 (got {Gamma})");
        Require(Phi > 0.1, $"PHI must be > 0.1 V (got {Phi})");
        Require(Theta >= 0 && Theta * Phi < 1, $"THETA must be in [0, 1/PHI) (got {Theta})");
        Require(Lambda >= 0, $"LAMBDA must be >= 0 (got {Lambda})");
        Require(Cox >= 0, $"COX must be >= 0 (got {Cox})");
        Require(Cgso >= 0 && Cgdo >= 0 && Cgbo >= 0, "overlap capacitances CGSO/CGDO/CGBO must be >= 0");
    }

    /// <summary>Temperature-adjusted parameters (polarity frame). At T = Tnom they equal the card values.</summary>
    public EkvTemperature AtTemperature(double celsius, double circuitTnom)
    {
        double tnom = (double.IsNaN(Tnom) ? circuitTnom : Tnom) + Physics.KelvinOffset;
        double t = celsius + Physics.KelvinOffset;
        double ut = Physics.Boltzmann * t / Physics.Charge;
        double ratio = t / tnom;
        double phi = Phi * ratio - 3 * ut * Math.Log(ratio) - BandGap(tnom) * ratio + BandGap(t);
        return new EkvTemperature(ut, Polarity * Vto - Tcv * (t - tnom), Kp * Math.Pow(ratio, Bex), phi);
    }

    /// <summary>Silicon band gap Eg(T) = 1.16 − 7.02e-4·T²/(T + 1108) (eV), the law EKV 2.6 and SPICE use.</summary>
    public static double BandGap(double kelvin) => 1.16 - 7.02e-4 * kelvin * kelvin / (kelvin + 1108);
}

/// <summary>EKV parameters at the circuit temperature, in the polarity frame (Vto &gt; 0 for an enhancement device of either type).</summary>
public sealed record EkvTemperature(double ThermalVoltage, double Vto, double Kp, double Phi);
