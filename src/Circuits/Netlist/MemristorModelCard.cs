using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Models;

namespace CircuitNeuro.Circuits.Netlist;

/// <summary>
/// <c>.model name memristor (level=threshold|vteam|yakopcic|vdsp|hfo2 ...)</c> → an <see cref="IMemristorModel"/> (Devices/README.md).
/// Every level accepts exactly its own parameters (an unknown one is an error naming the model and the parameter); an
/// absent parameter keeps the model's default. The Y element's x0 is in the level's state units (threshold: G in S;
/// vteam, yakopcic, vdsp: 0–1; hfo2: ln(R/1 Ω)); it defaults to the HRS bound.
/// </summary>
public static class MemristorModelCard
{
    public const string Type = "memristor";
    private static readonly string[] Levels = ["threshold", "vteam", "yakopcic", "vdsp", "hfo2"];
    private static readonly HashSet<string> WordKeys = new(StringComparer.OrdinalIgnoreCase) { "level", "convention", "iv", "window", "device" };

    /// <summary>True for the keys whose value is a word (level=vteam) rather than a number.</summary>
    public static bool IsTextParameter(string modelType, string key) =>
        modelType.Equals(Type, StringComparison.OrdinalIgnoreCase) && WordKeys.Contains(key);

    public static IMemristorModel Create(string name, ModelCard card)
    {
        var words = new Dictionary<string, string>(card.TextParameters, StringComparer.OrdinalIgnoreCase);
        if (!words.Remove("level", out var level))
            throw Fail(name, $"needs level= ({string.Join("|", Levels)})");
        var p = new ModelParameters(name, card.Parameters);
        string Word(string key, params string[] allowed)
        {
            if (!words.Remove(key, out var w)) return allowed[0];
            return allowed.Contains(w) ? w : throw Fail(name, $"{key}={w} is not one of {string.Join("|", allowed)}");
        }
        try
        {
            IMemristorModel model = level switch
            {
                "threshold" => Threshold(p, Word("convention", "as_printed", "printed", "saturating")),
                "vteam" => Vteam(p, Word("iv", "linear", "exp"), Word("window", "none", "kvatinsky")),
                "yakopcic" => Yakopcic(p),
                "vdsp" => Vdsp(p, Word("device", [.. VdspDeviceFits.Names])),
                "hfo2" => HfO2(p),
                _ => throw Fail(name, $"unknown level '{level}' ({string.Join("|", Levels)})"),
            };
            foreach (var key in words.Keys) throw Fail(name, $"unknown or unsupported parameter '{key}' for level={level}");
            p.RejectUnknown();
            return model;
        }
        catch (ArgumentException ex)
        {
            throw Fail(name, ex.Message); // a parameter out of range: name the model, not only the element
        }
    }

    /// <summary>x0 from the instance (checked against the model's bounds) or the HRS bound.</summary>
    public static double InitialState(string element, IMemristorModel model, IReadOnlyDictionary<string, double> instance)
    {
        if (!instance.TryGetValue("x0", out double x0))
            return model.ReadConductance(model.MaxState) >= model.ReadConductance(model.MinState) ? model.MinState : model.MaxState;
        if (!(x0 >= model.MinState && x0 <= model.MaxState))
            throw new CircuitException(element, $"x0={x0} outside the state range [{model.MinState}, {model.MaxState}] of {model.Name}");
        return x0;
    }

    private static CircuitException Fail(string model, string message) => new(null, $"model '{model}': {message}");

    private static ThresholdMemristor Threshold(ModelParameters p, string convention)
    {
        var d = new ThresholdMemristorParameters();
        return new ThresholdMemristor(new ThresholdMemristorParameters
        {
            Gmin = p.Get("gmin", d.Gmin), Gmax = p.Get("gmax", d.Gmax),
            SlopePositive = p.Get("sp", d.SlopePositive), SlopeNegative = p.Get("sn", d.SlopeNegative),
            ThresholdPositive = p.Get("vtp", d.ThresholdPositive), ThresholdNegative = p.Get("vtn", d.ThresholdNegative),
            EtaPositive = p.Get("etap", d.EtaPositive), EtaNegative = p.Get("etan", d.EtaNegative),
            Convention = NonLinearityConventions.TryParse(convention)!.Value,
        });
    }

    private static VteamMemristor Vteam(ModelParameters p, string iv, string window)
    {
        var d = new VteamParameters();
        return new VteamMemristor(new VteamParameters
        {
            KOff = p.Get("koff", d.KOff), KOn = p.Get("kon", d.KOn), AlphaOff = p.Get("alphaoff", d.AlphaOff), AlphaOn = p.Get("alphaon", d.AlphaOn),
            VOff = p.Get("voff", d.VOff), VOn = p.Get("von", d.VOn), ROn = p.Get("ron", d.ROn), ROff = p.Get("roff", d.ROff),
            IvShape = iv == "linear" ? VteamIvShape.Linear : VteamIvShape.Exponential,
            Window = window == "none" ? VteamWindow.Rectangular : VteamWindow.Kvatinsky,
            AOn = p.Get("aon", d.AOn), AOff = p.Get("aoff", d.AOff), WindowWidth = p.Get("wc", d.WindowWidth),
        });
    }

    private static YakopcicMemristor Yakopcic(ModelParameters p)
    {
        var d = new YakopcicParameters();
        return new YakopcicMemristor(new YakopcicParameters
        {
            A1 = p.Get("a1", d.A1), A2 = p.Get("a2", d.A2), B = p.Get("b", d.B), Vp = p.Get("vp", d.Vp), Vn = p.Get("vn", d.Vn),
            Ap = p.Get("ap", d.Ap), An = p.Get("an", d.An), Xp = p.Get("xp", d.Xp), Xn = p.Get("xn", d.Xn),
            AlphaP = p.Get("alphap", d.AlphaP), AlphaN = p.Get("alphan", d.AlphaN), Eta = p.Get("eta", d.Eta),
        });
    }

    private static VdspFittedMemristor Vdsp(ModelParameters p, string device)
    {
        var fit = VdspDeviceFits.ByName(device);
        return new VdspFittedMemristor(fit with { Gmax = p.Get("gmax", fit.Gmax), EventDuration = p.Get("tevent", fit.EventDuration) });
    }

    /// <summary>The deterministic HfO2 filament (no C2C draw in a circuit: the RESET randomness lives in Variability.StochasticResetCell).</summary>
    private static HfO2FilamentMemristor HfO2(ModelParameters p)
    {
        var d = new HfO2FilamentParameters();
        return new HfO2FilamentMemristor(new HfO2FilamentParameters
        {
            MinResistance = p.Get("rmin", d.MinResistance), MaxResistance = p.Get("rmax", d.MaxResistance),
            SetVoltage = p.Get("vset", d.SetVoltage), SetRate = p.Get("kset", d.SetRate), ComplianceCurrent = p.Get("icc", d.ComplianceCurrent),
            ResetThreshold = p.Get("vreset", d.ResetThreshold), ResetReferenceVoltage = p.Get("vref", d.ResetReferenceVoltage),
            ResetRate = p.Get("cref", d.ResetRate), ResetLogScale = p.Get("rc", d.ResetLogScale), ResetVoltageScale = p.Get("v0", d.ResetVoltageScale),
        });
    }
}
