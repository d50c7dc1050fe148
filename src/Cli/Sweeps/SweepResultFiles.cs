using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CircuitNeuro.Cli.Sweeps;

/// <summary>sweep.csv (one row per point: parameters, then mean, std and 5/50/95 % quantiles of each chosen metric) and sweep.json (everything).</summary>
public static class SweepResultFiles
{
    public const string CsvFile = "sweep.csv";
    public const string JsonFile = "sweep.json";

    public static void Write(SweepPlan plan, IReadOnlyList<PointSummary> points)
    {
        File.WriteAllText(Path.Combine(plan.OutDir, CsvFile), Csv(plan, points));
        var json = new JsonObject
        {
            ["experiment"] = plan.Source,
            ["kind"] = plan.Experiment.Kind,
            ["name"] = plan.Name,
            ["repeats"] = plan.Repeats,
            ["keys"] = new JsonArray(plan.Keys.Select(k => (JsonNode?)k).ToArray()),
            ["metrics"] = new JsonArray(plan.Metrics.Select(m => (JsonNode?)m).ToArray()),
            ["points"] = JsonSerializer.SerializeToNode(points, PointSummary.JsonOptions),
        };
        File.WriteAllText(Path.Combine(plan.OutDir, JsonFile), json.ToJsonString(PointSummary.JsonOptions));
    }

    public static string Csv(SweepPlan plan, IReadOnlyList<PointSummary> points)
    {
        var header = new List<string> { "point" };
        header.AddRange(plan.Keys);
        header.Add("repeats");
        foreach (var m in plan.Metrics) header.AddRange(new[] { "mean", "std", "q05", "q50", "q95" }.Select(s => $"{m}_{s}"));
        var csv = new StringBuilder(string.Join(",", header.Select(Quote))).Append('\n');
        foreach (var p in points)
        {
            var row = new List<string> { p.Index.ToString(CultureInfo.InvariantCulture) };
            row.AddRange(plan.Keys.Select(k => p.Parameters[k]));
            row.Add(p.Seeds.Length.ToString(CultureInfo.InvariantCulture));
            foreach (var m in plan.Metrics)
            {
                var s = p.Metrics[m];
                row.AddRange(new[] { s.Mean, s.Std, s.Q05, s.Q50, s.Q95 }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            }
            csv.Append(string.Join(",", row.Select(Quote))).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting for values that hold a comma or a quote (list values such as [0,0.5,1]).</summary>
    private static string Quote(string cell) =>
        cell.Contains(',') || cell.Contains('"') || cell.Contains('\n') ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
