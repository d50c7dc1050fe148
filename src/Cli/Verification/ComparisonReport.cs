using CircuitNeuro.Circuits.Verification;
using CircuitNeuro.Cli.Output;

namespace CircuitNeuro.Cli.Verification;

/// <summary>Prints one analysis comparison as a table, worst vector first so the culprit is easy to spot.</summary>
public static class ComparisonReport
{
    public static void Write(TextWriter w, string title, AnalysisComparison c, double tolerance)
    {
        w.WriteLine(title);
        if (c.Problem is not null)
        {
            w.WriteLine($"  cannot compare: {c.Problem}");
            w.WriteLine("  FAIL");
            w.WriteLine();
            return;
        }
        bool tran = c.Kind == "tran";
        var table = new TextTable("vector", tran ? ">worst at" : ">worst point", ">builtin", tran ? ">ngspice (interp.)" : ">ngspice", ">error", ">scale", ">relative", "");
        foreach (var v in c.Vectors.OrderByDescending(v => v.RelativeError))
        {
            string unit = v.Vector.StartsWith("i(", StringComparison.OrdinalIgnoreCase) ? "A" : "V";
            table.AddRow(v.Vector, tran ? Si.Format(v.At, "s", 6) : Si.Format(v.At, "", 6), Si.Format(v.Ours, unit, 10), Si.Format(v.Reference, unit, 10),
                Si.Sci(v.MaxAbsoluteError), Si.Format(v.Scale, unit, 3), Si.Sci(v.RelativeError), v.RelativeError <= tolerance ? "" : "FAIL");
        }
        if (table.RowCount > 0) table.Write(w);
        if (c.NotCompared.Count > 0) w.WriteLine($"  internal nodes with no ngspice counterpart (not compared): {string.Join(", ", c.NotCompared)}");
        w.WriteLine(tran
            ? "  error = distance from our value to the band between the linear and the cubic interpolant of ngspice's points; scale = the ngspice signal's range"
            : "  scale = max(|ngspice|, 1e-4 × the largest value of the same kind in the analysis)");
        w.WriteLine($"  {c.Points} points, {c.Vectors.Count} vectors; max relative error {Si.Sci(c.MaxRelativeError)} (tolerance {Si.Sci(tolerance)}): {(c.Passed(tolerance) ? "PASS" : "FAIL")}");
        w.WriteLine();
    }
}
