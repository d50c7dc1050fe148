using System.Globalization;

namespace CircuitNeuro.EventKernel.Tracing;

/// <summary>Culture-independent, round-trippable number formatting for trace files.</summary>
public static class CsvFormat
{
    /// <summary>Shortest text that parses back to the identical double ("R" in .NET Core 3.0+).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static double ParseNumber(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Quotes a field if it holds a comma, quote or line break (RFC 4180).</summary>
    public static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
