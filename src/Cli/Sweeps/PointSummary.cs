using System.Text.Json;
using System.Text.Json.Serialization;

namespace CircuitNeuro.Cli.Sweeps;

/// <summary>A metric over the repeats of a point: its statistics and the values themselves.</summary>
public sealed record MetricSummary(int Count, double Mean, double Std, double Min, double Q05, double Q50, double Q95, double Max, double[] Values)
{
    public static MetricSummary Of(double[] values)
    {
        var s = SummaryStatistics.Of(values);
        return new MetricSummary(s.Count, s.Mean, s.Std, s.Min, s.Q05, s.Q50, s.Q95, s.Max, values);
    }
}

/// <summary>One finished point (its summary.json, and an entry of sweep.json).</summary>
public sealed record PointSummary(
    int Index,
    string Folder,
    Dictionary<string, string> Parameters,
    ulong[] Seeds,
    Dictionary<string, MetricSummary> Metrics)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A metric of a degenerate run may be NaN; it must not make the whole sweep unreadable.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
