using System.Reflection;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Cli.Sweeps;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// The nominal parameters of one memristor model as they appear in a pulse-study file. Every number is a
/// property, so device-to-device variations can name any of them (by its snake_case key) and sweeps can set
/// any of them by path. Defaults mirror the model's own defaults in CircuitNeuro.Circuits.
/// </summary>
public abstract class ModelSection
{
    /// <summary>The model instance for these parameters; a parameter the model rejects becomes a config error.</summary>
    public IMemristorModel Build(string section)
    {
        try
        {
            return Create();
        }
        catch (ArgumentException ex)
        {
            throw new ExperimentConfigException($"{section}: {ex.Message}");
        }
    }

    protected abstract IMemristorModel Create();

    /// <summary>Keys of the numeric parameters a variation may name.</summary>
    public IReadOnlyList<string> ParameterKeys() => NumericProperties(GetType()).Select(p => ConfigYaml.KeyOf(p.Name)).ToArray();

    public double Get(string key) => (double)Property(key).GetValue(this)!;

    /// <summary>A copy with one parameter changed (the nominal section stays as it is: a sampler draws every device from it).</summary>
    public ModelSection With(string key, double value)
    {
        var copy = (ModelSection)MemberwiseClone();
        Property(key).SetValue(copy, value);
        return copy;
    }

    private PropertyInfo Property(string key) =>
        NumericProperties(GetType()).FirstOrDefault(p => ConfigYaml.KeyOf(p.Name) == key)
        ?? throw new ExperimentConfigException($"'{key}' is not a parameter of this model (parameters: {string.Join(", ", ParameterKeys())})");

    private static IEnumerable<PropertyInfo> NumericProperties(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(double) && p.CanWrite);

    protected static T Choice<T>(string value, string key, params (string Name, T Value)[] choices)
    {
        foreach (var (name, v) in choices)
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase)) return v;
        throw new ArgumentException($"{key} '{value}' is not one of {string.Join(", ", choices.Select(c => c.Name))}");
    }
}

/// <summary>Seed-002 threshold memristor (state = conductance G in siemens).</summary>
public sealed class ThresholdModelSection : ModelSection
{
    private static readonly ThresholdMemristorParameters Defaults = new();
    public double GMin { get; set; } = Defaults.Gmin;
    public double GMax { get; set; } = Defaults.Gmax;
    public double SlopePositive { get; set; } = Defaults.SlopePositive;
    public double SlopeNegative { get; set; } = Defaults.SlopeNegative;
    public double ThresholdPositive { get; set; } = Defaults.ThresholdPositive;
    public double ThresholdNegative { get; set; } = Defaults.ThresholdNegative;
    public double EtaPositive { get; set; } = Defaults.EtaPositive;
    public double EtaNegative { get; set; } = Defaults.EtaNegative;
    /// <summary>as_printed or saturating (the sign of η in Eq. 3.2, see the model's notes).</summary>
    public string Convention { get; set; } = "as_printed";

    protected override IMemristorModel Create() => new ThresholdMemristor(new ThresholdMemristorParameters
    {
        Gmin = GMin, Gmax = GMax, SlopePositive = SlopePositive, SlopeNegative = SlopeNegative,
        ThresholdPositive = ThresholdPositive, ThresholdNegative = ThresholdNegative,
        EtaPositive = EtaPositive, EtaNegative = EtaNegative,
        Convention = NonLinearityConventions.TryParse(Convention)
            ?? throw new ArgumentException($"convention '{Convention}' is not one of {NonLinearityConventions.Accepted}"),
    });
}

/// <summary>VTEAM (state w ∈ [0, 1], w = 0 at R_ON).</summary>
public sealed class VteamModelSection : ModelSection
{
    private static readonly VteamParameters Defaults = new();
    public double KOff { get; set; } = Defaults.KOff;
    public double KOn { get; set; } = Defaults.KOn;
    public double AlphaOff { get; set; } = Defaults.AlphaOff;
    public double AlphaOn { get; set; } = Defaults.AlphaOn;
    public double VOff { get; set; } = Defaults.VOff;
    public double VOn { get; set; } = Defaults.VOn;
    public double ROn { get; set; } = Defaults.ROn;
    public double ROff { get; set; } = Defaults.ROff;
    /// <summary>linear or exponential.</summary>
    public string IvShape { get; set; } = "linear";
    /// <summary>rectangular (hard bounds only) or kvatinsky.</summary>
    public string Window { get; set; } = "rectangular";
    public double AOn { get; set; } = Defaults.AOn;
    public double AOff { get; set; } = Defaults.AOff;
    public double WindowWidth { get; set; } = Defaults.WindowWidth;

    protected override IMemristorModel Create() => new VteamMemristor(new VteamParameters
    {
        KOff = KOff, KOn = KOn, AlphaOff = AlphaOff, AlphaOn = AlphaOn, VOff = VOff, VOn = VOn, ROn = ROn, ROff = ROff,
        IvShape = Choice(IvShape, "iv_shape", ("linear", VteamIvShape.Linear), ("exponential", VteamIvShape.Exponential)),
        Window = Choice(Window, "window", ("rectangular", VteamWindow.Rectangular), ("kvatinsky", VteamWindow.Kvatinsky)),
        AOn = AOn, AOff = AOff, WindowWidth = WindowWidth,
    });
}

/// <summary>Yakopcic (state x ∈ [0, 1]).</summary>
public sealed class YakopcicModelSection : ModelSection
{
    private static readonly YakopcicParameters Defaults = new();
    public double A1 { get; set; } = Defaults.A1;
    public double A2 { get; set; } = Defaults.A2;
    public double B { get; set; } = Defaults.B;
    public double Vp { get; set; } = Defaults.Vp;
    public double Vn { get; set; } = Defaults.Vn;
    public double Ap { get; set; } = Defaults.Ap;
    public double An { get; set; } = Defaults.An;
    public double Xp { get; set; } = Defaults.Xp;
    public double Xn { get; set; } = Defaults.Xn;
    public double AlphaP { get; set; } = Defaults.AlphaP;
    public double AlphaN { get; set; } = Defaults.AlphaN;
    public double Eta { get; set; } = Defaults.Eta;

    protected override IMemristorModel Create() => new YakopcicMemristor(new YakopcicParameters
    {
        A1 = A1, A2 = A2, B = B, Vp = Vp, Vn = Vn, Ap = Ap, An = An, Xp = Xp, Xn = Xn, AlphaP = AlphaP, AlphaN = AlphaN, Eta = Eta,
    });
}

/// <summary>A published VDSP device fit (state w ∈ [0, 1]) with its scale parameters; the fitted shapes are kept.</summary>
public sealed class VdspModelSection : ModelSection
{
    /// <summary>tio2, hfzro4, hfo2 or tio2-2022.</summary>
    public string Fit { get; set; } = "hfo2";
    /// <summary>LRS conductance (S).</summary>
    public double Gmax { get; set; } = 1e-4;
    /// <summary>Duration of one fitted programming event (s): a rectangular pulse this long gives the fitted Δw.</summary>
    public double EventDuration { get; set; } = 20e-9;
    /// <summary>Factor on the fitted SET (potentiation) rate: its device-to-device spread is a spread in switching speed.</summary>
    public double PotentiationRateScale { get; set; } = 1;
    /// <summary>Factor on the fitted RESET (depression) rate.</summary>
    public double DepressionRateScale { get; set; } = 1;

    protected override IMemristorModel Create()
    {
        var fit = Choice(Fit, "fit", [.. VdspDeviceFits.Names.Select(n => (n, VdspDeviceFits.ByName(n)))]);
        if (!(Gmax > 0) || !(EventDuration > 0)) throw new ArgumentException("gmax and event_duration must be > 0");
        if (!(PotentiationRateScale >= 0) || !(DepressionRateScale >= 0)) throw new ArgumentException("rate scales must be ≥ 0");
        return new VdspFittedMemristor(fit with
        {
            Gmax = Gmax,
            EventDuration = EventDuration,
            Potentiation = fit.Potentiation with { Rate = fit.Potentiation.Rate * PotentiationRateScale },
            Depression = fit.Depression with { Rate = fit.Depression.Rate * DepressionRateScale },
        });
    }
}
