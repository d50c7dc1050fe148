using CircuitNeuro.Cli.Output;

namespace CircuitNeuro.Cli.Verification;

/// <summary>Prints one analysis comparison as a table, worst vector first so the culprit is easy to spot.</summary>
public static class ComparisonReport
{
    public static void Write(TextWriter w, string title, AnalysisComparison c)
    {
        w.WriteLine(title);
        if (c.Problem is not null) w.WriteLine($"  cannot compare: {c.Problem}");
        string scaleUnit = c.Kind == "tran" ? "s" : "";
        bool tran = c.Kind == "tran";
        var table = c.Kind switch
        {
            "op" => new TextTable("vector", ">builtin", ">ngspice", ">deviation", ""),
            "tran" => new TextTable("vector", ">worst at", ">builtin", ">ngspice (interp.)", ">deviation", ">interp. error", ""),
            _ => new TextTable("vector", ">worst at", ">builtin", ">ngspice", ">deviation", ""),
        };
        foreach (var s in c.Signals.OrderByDescending(s => double.IsNaN(s.Deviation) ? double.PositiveInfinity : s.Deviation))
        {
            string unit = s.Vector.StartsWith("i(", StringComparison.OrdinalIgnoreCase) ? "A" : "V";
            string verdict = s.Deviation <= c.Tolerance ? "" : "FAIL";
            var cells = new List<string> { s.Vector };
            if (c.Kind != "op") cells.Add(Si.Format(s.At, scaleUnit, 6));
            cells.AddRange([Si.Format(s.Ours, unit, 10), Si.Format(s.Reference, unit, 10), Si.Sci(s.Deviation)]);
            if (tran) cells.Add("~" + Si.Sci(s.InterpolationError));
            cells.Add(verdict);
            table.AddRow(cells.ToArray());
        }
        if (table.RowCount > 0) table.Write(w);
        if (c.OnlyOurs.Count > 0) w.WriteLine($"  not reported by ngspice (not compared): {string.Join(", ", c.OnlyOurs)}");
        if (c.OnlyReference.Count > 0) w.WriteLine($"  only reported by ngspice (not compared): {string.Join(", ", c.OnlyReference)}");
        if (tran && c.Signals.Count > 0)
            w.WriteLine("  deviation = |builtin − ngspice| / range of the ngspice signal, ngspice linearly interpolated onto our time points;\n" +
                        "  interp. error = estimated share of that from the interpolation (parabola through neighbouring ngspice points vs chord).");
        else if (c.Signals.Count > 0)
            w.WriteLine($"  deviation = |builtin − ngspice| / max(|builtin|, |ngspice|, floor), floor {Si.Format(EngineComparison.VoltageFloor, "V")} / {Si.Format(EngineComparison.CurrentFloor, "A")}.");
        if (c.Signals.Count == 0 && c.Problem is null) w.WriteLine("  no vector is reported by both engines");
        if (c.Signals.Count == 0 && c.Problem is not null)
        {
            w.WriteLine("  FAIL");
            w.WriteLine();
            return;
        }
        w.WriteLine($"  {c.Points} points, {c.Signals.Count} vectors; max deviation {Si.Sci(c.MaxDeviation)} (tolerance {Si.Sci(c.Tolerance)}): {(c.Passed ? "PASS" : "FAIL")}");
        w.WriteLine();
    }
}
