using CircuitNeuro.Circuits.Netlist;
using CircuitNeuro.Circuits.Ngspice;
using CircuitNeuro.Circuits.Results;

namespace CircuitNeuro.Cli.Engines;

/// <summary>
/// Runs analysis cards on ngspice (shared library), one kind per run: ngspice orders analyses
/// its own way and a failed homotopy can leak state into the next analysis of the same run
/// (see NgspicePrecision). Results are renamed to the built-in engine's vector names.
/// </summary>
public static class NgspiceEngine
{
    public const string Name = "ngspice";

    public static AnalysisRun Run(NetlistInput input, AnalysisCard card)
    {
        string kind = AnalysisCards.Kind(card);
        int ordinal = AnalysisCards.OrdinalOfKind(input.Parsed.Analyses, card);
        string text = NgspiceNetlist.KeepOnlyAnalysis(input.Text, kind);
        NgspiceResult result;
        try
        {
            result = NgspiceShared.Instance.RunNetlist(text, input.BaseDirectory);
        }
        catch (NgspiceException ex)
        {
            throw new CliFailure($"{card.Location}: {AnalysisCards.Describe(card)} failed on ngspice: {CliErrors.OneLine(ex.Message)}");
        }
        var plot = result.Plots.Where(p => p.AnalysisKind == kind).ElementAtOrDefault(ordinal)
                   ?? throw new CliFailure($"{card.Location}: ngspice produced no plot for {AnalysisCards.Describe(card)}");
        return new AnalysisRun(card, Name, ToTable(plot, card), result.Timing);
    }

    /// <summary>Our name for an ngspice vector: "out" → "v(out)", "v1#branch" → "i(v1)".</summary>
    public static string OurName(string ngspiceName)
    {
        string n = NgspiceNames.Canonical(ngspiceName);
        return n.EndsWith("#branch", StringComparison.Ordinal) ? $"i({n[..^"#branch".Length]})" : $"v({n})";
    }

    private static VectorTable ToTable(NgspiceResult plot, AnalysisCard card)
    {
        var vectors = plot.Vectors.Where(v => !ReferenceEquals(v, plot.Scale)).ToList();
        string scaleName = card switch
        {
            DcCard d => d.Source.ToLowerInvariant(),
            TranCard => "time",
            _ => "index",
        };
        var table = new VectorTable(scaleName, vectors.Select(v => OurName(v.Name)));
        int points = card is OpCard ? 1 : plot.PointCount;
        var row = new double[vectors.Count];
        for (int p = 0; p < points; p++)
        {
            for (int k = 0; k < vectors.Count; k++) row[k] = vectors[k].Real[p];
            table.AddRow(plot.Scale is null ? p : plot.Scale.Real[p], row);
        }
        return table;
    }
}
