using System.Globalization;

namespace CircuitNeuro.Cli.Output;

/// <summary>Number formatting for people: SI prefixes for physical values, compact scientific for errors.</summary>
public static class Si
{
    private static readonly (double Scale, string Prefix)[] Prefixes =
    [
        (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"), (1e-12, "p"), (1e-15, "f"), (1e-18, "a"),
    ];

    /// <summary>6.666667 V, -3.333333 mA, 0 V (significant digits are kept so hand values can be checked).</summary>
    public static string Format(double value, string unit, int digits = 7)
    {
        if (value == 0 || !double.IsFinite(value)) return $"{value.ToString(CultureInfo.InvariantCulture)} {unit}".TrimEnd();
        double a = Math.Abs(value);
        foreach (var (scale, prefix) in Prefixes)
            if (a >= scale * 0.9999999995)
                return $"{(value / scale).ToString("G" + digits, CultureInfo.InvariantCulture)} {prefix}{unit}".TrimEnd();
        return $"{value.ToString("G" + digits, CultureInfo.InvariantCulture)} {unit}".TrimEnd();
    }

    /// <summary>Relative deviations and tolerances: 3.1e-16.</summary>
    public static string Sci(double value) =>
        value == 0 ? "0" : value.ToString("0.0#e+0", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds with sensible precision.</summary>
    public static string Ms(double ms) =>
        ms.ToString(ms >= 100 ? "F0" : ms >= 1 ? "F1" : "F3", CultureInfo.InvariantCulture);

    /// <summary>A value the way it is written in a netlist: 10u, 5m, 2.2k, 1Meg.</summary>
    public static string Spice(double value)
    {
        double a = Math.Abs(value);
        foreach (var (scale, suffix) in SpicePrefixes)
            if (a >= scale * 0.9999999995)
                return (value / scale).ToString("G6", CultureInfo.InvariantCulture) + suffix;
        return value.ToString("G6", CultureInfo.InvariantCulture);
    }

    private static readonly (double Scale, string Suffix)[] SpicePrefixes =
        [(1e12, "T"), (1e9, "G"), (1e6, "Meg"), (1e3, "k"), (1, ""), (1e-3, "m"), (1e-6, "u"), (1e-9, "n"), (1e-12, "p"), (1e-15, "f")];

    public static string Invariant(double value, string format = "R") => value.ToString(format, CultureInfo.InvariantCulture);
}
