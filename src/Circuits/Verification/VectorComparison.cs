namespace CircuitNeuro.Circuits.Verification;

/// <summary>How far one vector of our engine is from the reference: worst error and the scale it is measured against.</summary>
public sealed record VectorComparison(string Vector, double MaxAbsoluteError, double Scale)
{
    /// <summary>Worst absolute error divided by the scale (see <see cref="NgspiceCrossCheck"/> for the scale of each analysis).</summary>
    public double RelativeError => MaxAbsoluteError / Scale;
}

/// <summary>One analysis of one netlist compared vector by vector.</summary>
public sealed record AnalysisComparison(string Netlist, string Kind, int Points, IReadOnlyList<VectorComparison> Vectors)
{
    public VectorComparison Worst => Vectors.MaxBy(v => v.RelativeError)!;

    public override string ToString() =>
        $"{Path.GetFileName(Netlist)} .{Kind}: {Points} points, {Vectors.Count} vectors, worst {Worst.Vector} {Worst.RelativeError:E2} (abs {Worst.MaxAbsoluteError:E2})";
}
