using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CircuitNeuro.Cli.Bench;

/// <summary>Writes crossbar bench results as CSV (one row per size) and JSON (with the settings that produced them).</summary>
public static class BenchResultFiles
{
    public static (string Csv, string Json) Write(string directory, CrossbarBenchmark bench, string ngspiceTiming, IReadOnlyList<CrossbarBenchResult> results)
    {
        Directory.CreateDirectory(directory);
        string csv = Path.Combine(directory, "crossbar.csv");
        string json = Path.Combine(directory, "crossbar.json");

        var sb = new StringBuilder("n,unknowns,build_ms,first_solve_ms,resolve_ms,ngspice_ms,speedup,max_rel_diff,agrees\n");
        foreach (var r in results)
            sb.AppendLine(string.Join(",", r.N, r.Unknowns, N(r.BuildMs), N(r.FirstSolveMs), N(r.ResolveMs),
                N(r.NgspiceMs), N(r.SpeedUp), N(r.MaxRelativeDifference), r.Agrees?.ToString().ToLowerInvariant() ?? ""));
        File.WriteAllText(csv, sb.ToString());

        var document = new
        {
            benchmark = "crossbar-1R-operating-point",
            seed = bench.Seed,
            lineResistanceOhm = bench.LineResistance,
            cellResistanceOhm = new { min = CrossbarBenchmark.MinCellResistance, max = CrossbarBenchmark.MaxCellResistance, distribution = "log-uniform" },
            rowVoltageV = new { min = 0.0, max = CrossbarBenchmark.MaxRowVoltage, distribution = "uniform" },
            tolerance = bench.Tolerance,
            ngspiceTiming,
            results,
        };
        File.WriteAllText(json, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        return (csv, json);
    }

    private static string N(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
