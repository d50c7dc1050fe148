namespace CircuitNeuro.Circuits.Builders.Pcsa;

/// <summary>Which output the sense amplifier computes.</summary>
public enum PcsaVariant
{
    /// <summary>Ternary weight read (seed 000 §4.2, Fig. 4.2): Q = V_DD ⇔ R_BL &lt; R_BLb.</summary>
    Ternary,
    /// <summary>XNOR in the sense amplifier (Hirtzlin et al. 2020; notes 003 §7): input X swaps which device discharges each branch, so Q = XNOR(X, W).</summary>
    Xnor,
}

/// <summary>Width and length (m) of one transistor role.</summary>
public readonly record struct DeviceSize(double Width, double Length)
{
    public double Area => Width * Length;
}

/// <summary>
/// Transistor sizes of the reconstructed PCSA (notes 000 §1.12, [R]: all L = 0.5 µm thick-oxide; W = 1 µm precharge,
/// 2 µm latch and access, 4 µm SEN-gated discharge; the seed gives no sizes).
/// </summary>
public sealed record PcsaSizing
{
    public DeviceSize Precharge { get; init; } = new(1e-6, 0.5e-6);
    public DeviceSize LatchP { get; init; } = new(2e-6, 0.5e-6);
    public DeviceSize LatchN { get; init; } = new(2e-6, 0.5e-6);
    public DeviceSize Access { get; init; } = new(2e-6, 0.5e-6);
    public DeviceSize Discharge { get; init; } = new(4e-6, 0.5e-6);
    /// <summary>XNOR pass transistors (variant only).</summary>
    public DeviceSize Pass { get; init; } = new(2e-6, 0.5e-6);
}

/// <summary>
/// One read of a 2T2R cell by the precharge sense amplifier: supply, temperature, the two RRAM resistances (plain
/// resistors, as in the seed's PVT study, S L1503), the effective bit-line capacitance, timing and per-transistor
/// threshold shifts (mismatch). <see cref="PcsaNetlist"/> turns it into one SPICE text both engines run.
/// </summary>
public sealed record PcsaDesign
{
    public double SupplyVoltage { get; init; } = 1.2;
    public double TemperatureCelsius { get; init; } = 27;
    /// <summary>RRAM on the bit line (Ω): LRS here and HRS on BLb reads +1.</summary>
    public double BitLineResistance { get; init; } = 5e3;
    public double BitLineBarResistance { get; init; } = 350e3;
    /// <summary>
    /// Effective capacitance of each bit line (F). Not in the seed; 1 pF puts t(5k/350k) and t(320k/350k) on both
    /// sides of the seed's 50/200 ns (README: calibration), where notes 000 §1.12 needed 3 pF with level-1 models.
    /// </summary>
    public double BitLineCapacitance { get; init; } = 1e-12;
    /// <summary>Wiring load on Q and Qb (F), on top of the transistors' own capacitances.</summary>
    public double OutputCapacitance { get; init; } = 5e-15;
    /// <summary>Precharge phase (SEN low) before the sense edge (s).</summary>
    public double PrechargeTime { get; init; } = 10e-9;
    /// <summary>Sense window after SEN rises (s): the seed's 50 ns.</summary>
    public double SenseWindow { get; init; } = 50e-9;
    public double EdgeTime { get; init; } = 0.1e-9;
    /// <summary>Word-line level of the selected row (V); NaN = V_DD (seed does not give it, notes 000 §1.12).</summary>
    public double WordLineVoltage { get; init; } = double.NaN;
    public PcsaSizing Sizing { get; init; } = new();
    public PcsaVariant Variant { get; init; } = PcsaVariant.Ternary;
    /// <summary>Binary input of the XNOR variant (+1 or −1).</summary>
    public int XnorInput { get; init; } = 1;
    /// <summary>Threshold shift (V) per transistor name (MNA, MPB, ...), written as the instance parameter delvto.</summary>
    public IReadOnlyDictionary<string, double> ThresholdShifts { get; init; } = new Dictionary<string, double>();
    /// <summary>File holding the .model cards nthick and pthick (EKV for our engine, BSIM4 for ngspice).</summary>
    public required string ModelFile { get; init; }

    /// <summary>Time at which SEN starts to rise (s).</summary>
    public double SenseStart => PrechargeTime;

    /// <summary>Time at which the decision is sampled (s).</summary>
    public double DecisionTime => PrechargeTime + SenseWindow;

    public double WordLine => double.IsNaN(WordLineVoltage) ? SupplyVoltage : WordLineVoltage;

    public void Validate()
    {
        void Require(bool ok, string what)
        {
            if (!ok) throw new ArgumentException($"PCSA design: {what}");
        }
        Require(SupplyVoltage > 0 && SupplyVoltage < 6, $"supply must be in (0, 6) V (got {SupplyVoltage})");
        Require(TemperatureCelsius > -273.15, $"temperature must be above absolute zero (got {TemperatureCelsius} °C)");
        Require(BitLineResistance > 0 && BitLineBarResistance > 0, $"RRAM resistances must be > 0 (got {BitLineResistance}, {BitLineBarResistance})");
        Require(BitLineCapacitance >= 0 && OutputCapacitance >= 0, "capacitances must be >= 0");
        Require(PrechargeTime > EdgeTime && SenseWindow > 0 && EdgeTime > 0, "times must satisfy precharge > edge > 0 and window > 0");
        Require(XnorInput is 1 or -1, $"XNOR input must be +1 or -1 (got {XnorInput})");
        Require(File.Exists(ModelFile), $"model file '{ModelFile}' not found");
    }
}
