namespace CircuitNeuro.Circuits.Verification;

/// <summary>
/// How far one vector of our engine is from the reference: the worst error, the scale it is
/// measured against, and where it happened (scale value, our value, the reference's value).
/// </summary>
public sealed record VectorComparison(string Vector, double MaxAbsoluteError, double Scale, double At, double Ours, double Reference)
{
    /// <summary>Worst absolute error divided by its scale (see <see cref="NgspiceCrossCheck"/> for the scale of each analysis).</summary>
    public double RelativeError => MaxAbsoluteError / Scale;
}

/// <summary>One analysis of one netlist compared vector by vector, or the reason it could not be compared.</summary>
public sealed record AnalysisComparison(string Netlist, string Kind, int Points, IReadOnlyList<VectorComparison> Vectors,
    IReadOnlyList<string> NotCompared, string? Problem = null)
{
    public VectorComparison? Worst => Vectors.MaxBy(v => v.RelativeError);

    public double MaxRelativeError => Worst?.RelativeError ?? double.NaN;

    /// <summary>Agreement needs no failure, at least one compared vector, and every error within tolerance.</summary>
    public bool Passed(double tolerance) => Problem is null && Vectors.Count > 0 && Vectors.All(v => v.RelativeError <= tolerance);

    public static AnalysisComparison Failed(string netlist, string kind, string problem) => new(netlist, kind, 0, [], [], problem);

    public override string ToString() => Problem is not null
        ? $"{Path.GetFileName(Netlist)} .{Kind}: not compared: {Problem}"
        : $"{Path.GetFileName(Netlist)} .{Kind}: {Points} points, {Vectors.Count} vectors, worst {Worst!.Vector} {Worst.RelativeError:E2} (abs {Worst.MaxAbsoluteError:E2})";
}
