using CircuitNeuro.Cli.Engines;
using CircuitNeuro.Circuits.Results;

namespace CircuitNeuro.Cli.Output;

/// <summary>The short human summary `simulate` prints per analysis.</summary>
public static class SimulationSummary
{
    public static void Write(TextWriter w, AnalysisRun run, string csvPath)
    {
        w.WriteLine($"{AnalysisCards.Describe(run.Card)}  ({run.Card.Location}, {run.Engine}, {Si.Ms(run.Elapsed.TotalMilliseconds)} ms)");
        switch (run.Kind)
        {
            case "op": WriteOperatingPoint(w, run.Table); break;
            case "dc": WriteSweep(w, run.Table, "sweep points", ""); break;
            case "tran":
                WriteSweep(w, run.Table, "time points", "s");
                if (run.RejectedPoints is int rejected) w.WriteLine($"  rejected steps: {rejected}");
                if (run.Energy is not null) WriteEnergy(w, run.Energy, run.Table);
                else w.WriteLine("  energy: not available on ngspice (the energy ledger is part of the built-in engine)");
                break;
        }
        w.WriteLine($"  written: {csvPath}");
        w.WriteLine();
    }

    private static void WriteOperatingPoint(TextWriter w, VectorTable t)
    {
        var nodes = new TextTable("node", ">voltage");
        var sources = new TextTable("branch", ">current");
        foreach (var name in t.Names.Skip(1))
        {
            double v = t[name][0];
            if (name.StartsWith("i(", StringComparison.OrdinalIgnoreCase)) sources.AddRow(name, Si.Format(v, "A"));
            else nodes.AddRow(name, Si.Format(v, "V"));
        }
        nodes.Write(w);
        if (sources.RowCount > 0)
        {
            w.WriteLine();
            sources.Write(w);
            w.WriteLine("  (SPICE sign: a source delivering power carries a negative current)");
        }
    }

    private static void WriteSweep(TextWriter w, VectorTable t, string what, string unit)
    {
        var scale = t.Scale;
        string range = t.Count == 0 ? "" : $", {t.ScaleName} = {Si.Format(scale[0], unit, 6)} … {Si.Format(scale[^1], unit, 6)}";
        w.WriteLine($"  {t.Count} {what}{range}");
        w.WriteLine($"  {t.Names.Count - 1} vectors: {string.Join(", ", t.Names.Skip(1).Take(10))}{(t.Names.Count > 11 ? ", …" : "")}");
    }

    /// <summary>Delivered per source and absorbed per element class; the residual shows the ledger balances.</summary>
    private static void WriteEnergy(TextWriter w, EnergyLedger ledger, VectorTable t)
    {
        string window = t.Count == 0 ? "" : $" over {Si.Format(t.Scale[0], "s", 6)} … {Si.Format(t.Scale[^1], "s", 6)}";
        w.WriteLine($"  energy{window} (from the transient's energy ledger, t = 0 on):");
        var table = new TextTable("element / class", ">energy", "");
        for (int i = 0; i < ledger.Elements.Count; i++)
            if (ledger.Elements[i].Category == "source")
                table.AddRow(ledger.Elements[i].Name, Si.Format(-ledger.Energies[i], "J", 6), "delivered");
        double absorbed = 0;
        foreach (var (category, energy) in ledger.ByCategory())
        {
            if (category == "source") continue;
            absorbed += energy;
            string what = category switch
            {
                "capacitor" or "inductor" => "stored (net)",
                "controlled-source" => "absorbed (negative: delivered)",
                _ => "dissipated",
            };
            table.AddRow(category, Si.Format(energy, "J", 6), what);
        }
        table.AddRow("balance", Si.Format(ledger.Delivered() - absorbed, "J", 3), "delivered − absorbed");
        table.Write(w, "    ");
    }
}
