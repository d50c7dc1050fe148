using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CircuitNeuro.Cli.Experiments;

namespace CircuitNeuro.Cli.Sweeps;

/// <summary>
/// Runs the points of a plan one after the other. Each point has its own folder: point.json (its parameters,
/// seeds and configuration), a repeat-r folder per repeat (the experiment's own output) and, once all repeats
/// are done, summary.json with the aggregated metrics. A rerun skips every point whose summary.json exists and
/// whose point.json is unchanged, and inside an unfinished point every repeat whose summary.json and config.json
/// match (an inference repeat also resumes from its checkpoint), so an interrupted sweep picks up where it stopped.
/// </summary>
public static class SweepRunner
{
    public const string PointFile = "point.json";

    public static IReadOnlyList<PointSummary> Run(SweepPlan plan, TextWriter log, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(plan.OutDir);
        var results = new List<PointSummary>();
        foreach (var point in plan.Points)
        {
            cancel.ThrowIfCancellationRequested();
            string dir = Path.Combine(plan.OutDir, point.Folder);
            string label = $"point {point.Index + 1}/{plan.Points.Count}{Describe(point)}";
            string spec = PointSpec(plan, point), specPath = Path.Combine(dir, PointFile), summaryPath = Path.Combine(dir, SweepExperiment.SummaryFile);
            if (File.Exists(summaryPath) && File.Exists(specPath) && File.ReadAllText(specPath) == spec)
            {
                log.WriteLine($"sweep: {label}: finished earlier, skipped");
                results.Add(JsonSerializer.Deserialize<PointSummary>(File.ReadAllText(summaryPath), PointSummary.JsonOptions)!);
                continue;
            }
            Directory.CreateDirectory(dir);
            File.Delete(summaryPath);
            File.WriteAllText(specPath, spec);
            var metrics = point.Repeats.Select(r => RunRepeat(plan, r, $"{label}, repeat {r.Repeat + 1}/{plan.Repeats}", log, cancel)).ToList();
            var summary = new PointSummary(point.Index, point.Folder, point.Parameters.ToDictionary(p => p.Key, p => p.Value),
                point.Repeats.Select(r => r.Seed).ToArray(), Aggregate(plan.Experiment.Metrics, metrics));
            File.WriteAllText(summaryPath, JsonSerializer.Serialize(summary, PointSummary.JsonOptions));
            results.Add(summary);
        }
        return results;
    }

    private static Dictionary<string, double> RunRepeat(SweepPlan plan, RepeatRun run, string label, TextWriter log, CancellationToken cancel)
    {
        string dir = Path.Combine(plan.OutDir, run.Folder);
        string configPath = Path.Combine(dir, SweepExperiment.ConfigFile), summaryPath = Path.Combine(dir, SweepExperiment.SummaryFile);
        string config = plan.Experiment.ConfigJson(run.Config);
        bool sameConfig = File.Exists(configPath) && File.ReadAllText(configPath) == config;
        if (File.Exists(configPath) && !sameConfig)
            throw new ExperimentConfigException($"{dir} holds a run with another configuration ({SweepExperiment.ConfigFile} differs); choose another --out or delete it");
        if (sameConfig && File.Exists(summaryPath))
        {
            log.WriteLine($"sweep: {label}: finished earlier, reused");
        }
        else
        {
            var clock = Stopwatch.StartNew();
            plan.Experiment.Run(run.Config, dir, cancel);
            log.WriteLine($"sweep: {label} (seed {run.Seed}): {clock.Elapsed.TotalSeconds:F1} s");
        }
        return SweepExperiment.ReadMetrics(summaryPath);
    }

    /// <summary>Every metric the repeats report, in the experiment's order.</summary>
    private static Dictionary<string, MetricSummary> Aggregate(IReadOnlyList<string> names, List<Dictionary<string, double>> repeats) =>
        names.Where(n => repeats.All(r => r.ContainsKey(n)))
            .ToDictionary(n => n, n => MetricSummary.Of(repeats.Select(r => r[n]).ToArray()));

    /// <summary>What a point is: its parameters, seeds and full configuration; an unchanged text means the finished point is still valid.</summary>
    private static string PointSpec(SweepPlan plan, SweepPoint point)
    {
        var spec = new JsonObject
        {
            ["kind"] = plan.Experiment.Kind,
            ["index"] = point.Index,
            ["parameters"] = new JsonObject(point.Parameters.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value))),
            ["repeats"] = new JsonArray(point.Repeats.Select(r => (JsonNode)new JsonObject
            {
                ["seed"] = r.Seed,
                ["folder"] = Path.GetFileName(r.Folder),
                ["config"] = JsonNode.Parse(plan.Experiment.ConfigJson(r.Config)),
            }).ToArray()),
        };
        return spec.ToJsonString(PointSummary.JsonOptions);
    }

    private static string Describe(SweepPoint point) =>
        point.Parameters.Count == 0 ? "" : " [" + string.Join(", ", point.Parameters.Select(p => $"{p.Key}={p.Value}")) + "]";
}
