using CircuitNeuro.Circuits.Results;

namespace CircuitNeuro.Cli.Verification;

/// <summary>
/// Worst deviation of one vector between our engine and the reference. For transients,
/// <see cref="InterpolationError"/> estimates (in the same relative units) how much of the
/// deviation at that point can come from linearly interpolating the reference; NaN for OP/DC.
/// </summary>
public sealed record SignalDeviation(string Vector, double Deviation, double At, double Ours, double Reference,
    double InterpolationError = double.NaN);

/// <summary>The comparison of one analysis: every vector both engines report, plus what could not be compared.</summary>
public sealed record AnalysisComparison(string Kind, double Tolerance, int Points, IReadOnlyList<SignalDeviation> Signals,
    IReadOnlyList<string> OnlyOurs, IReadOnlyList<string> OnlyReference, string? Problem)
{
    public double MaxDeviation => Signals.Count == 0 ? 0 : Signals.Max(s => s.Deviation);
    /// <summary>Agreement needs at least one compared vector, no structural problem and every deviation within tolerance (NaN fails).</summary>
    public bool Passed => Problem is null && Signals.Count > 0 && Signals.All(s => s.Deviation <= Tolerance);

    /// <summary>An analysis that could not be compared (one engine failed).</summary>
    public static AnalysisComparison Failed(string kind, double tolerance, string problem) =>
        new(kind, tolerance, 0, [], [], [], problem);
}

/// <summary>
/// Compares result tables of two engines that use the same vector names ("v(node)", "i(source)").
/// <para><b>OP / DC</b>: point by point, deviation = |ours − ref| / max(|ours|, |ref|, floor); the
/// floor (<see cref="VoltageFloor"/> for voltages, <see cref="CurrentFloor"/> for currents) keeps
/// values that are zero in exact arithmetic (a node at 0 V, a source carrying no current) from
/// turning round-off into a huge relative error.</para>
/// <para><b>Transient</b>: the engines choose different time points, so the reference is
/// linearly interpolated onto our time points and the deviation is measured relative to the
/// reference signal's range (max − min), with the same floors for flat signals.</para>
/// </summary>
public static class EngineComparison
{
    /// <summary>Voltages smaller than 1 µV are compared as if they were 1 µV.</summary>
    public const double VoltageFloor = 1e-6;
    /// <summary>Currents smaller than 1 nA are compared as if they were 1 nA.</summary>
    public const double CurrentFloor = 1e-9;

    public static double Floor(string vector) =>
        vector.StartsWith("i(", StringComparison.OrdinalIgnoreCase) ? CurrentFloor : VoltageFloor;

    /// <summary>.op and .dc: both tables must have the same points (same sweep values).</summary>
    public static AnalysisComparison ComparePointwise(string kind, VectorTable ours, VectorTable reference, double tolerance)
    {
        var (common, onlyOurs, onlyRef) = Match(ours, reference);
        string? problem = null;
        if (ours.Count != reference.Count)
            problem = $"point counts differ: {ours.Count} here, {reference.Count} in the reference";
        else
            for (int p = 0; p < ours.Count; p++)
                if (Math.Abs(ours.Scale[p] - reference.Scale[p]) > 1e-9 * Math.Max(1, Math.Abs(ours.Scale[p])))
                {
                    problem = $"sweep values differ at point {p}: {ours.Scale[p]:G9} vs {reference.Scale[p]:G9}";
                    break;
                }
        var signals = new List<SignalDeviation>();
        if (problem is null)
            foreach (var name in common)
            {
                var worst = new SignalDeviation(name, 0, ours.Scale.Count > 0 ? ours.Scale[0] : 0, ours[name][0], reference[name][0]);
                for (int p = 0; p < ours.Count; p++)
                {
                    double a = ours[name][p], b = reference[name][p];
                    double dev = Math.Abs(a - b) / Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), Floor(name));
                    if (!(dev <= worst.Deviation)) worst = new SignalDeviation(name, dev, ours.Scale[p], a, b);
                }
                signals.Add(worst);
            }
        return new AnalysisComparison(kind, tolerance, ours.Count, signals, onlyOurs, onlyRef, problem);
    }

    /// <summary>.tran: reference interpolated onto our time points; deviation relative to the reference signal's range.</summary>
    public static AnalysisComparison CompareTransient(VectorTable ours, VectorTable reference, double tolerance)
    {
        var (common, onlyOurs, onlyRef) = Match(ours, reference);
        string? problem = null;
        if (ours.Count < 2 || reference.Count < 2)
            problem = $"too few time points ({ours.Count} here, {reference.Count} in the reference)";
        else
        {
            double span = Math.Max(ours.Scale[^1] - ours.Scale[0], reference.Scale[^1] - reference.Scale[0]);
            if (Math.Abs(ours.Scale[0] - reference.Scale[0]) > 1e-9 * span || Math.Abs(ours.Scale[^1] - reference.Scale[^1]) > 1e-9 * span)
                problem = $"time windows differ: {ours.Scale[0]:G6}…{ours.Scale[^1]:G6} s here, {reference.Scale[0]:G6}…{reference.Scale[^1]:G6} s in the reference";
        }
        var signals = new List<SignalDeviation>();
        if (problem is null)
            foreach (var name in common)
            {
                var refValues = reference[name];
                double range = refValues.Max() - refValues.Min();
                double scale = Math.Max(range, Floor(name));
                var worst = new SignalDeviation(name, 0, ours.Scale[0], ours[name][0], refValues[0], 0);
                for (int p = 0; p < ours.Count; p++)
                {
                    double t = ours.Scale[p], a = ours[name][p];
                    var (b, interpolationError) = Interpolation.Linear(reference.Scale, refValues, t);
                    double dev = Math.Abs(a - b) / scale;
                    if (!(dev <= worst.Deviation)) worst = new SignalDeviation(name, dev, t, a, b, interpolationError / scale);
                }
                signals.Add(worst);
            }
        return new AnalysisComparison("tran", tolerance, ours.Count, signals, onlyOurs, onlyRef, problem);
    }

    private static (List<string> Common, List<string> OnlyOurs, List<string> OnlyReference) Match(VectorTable ours, VectorTable reference)
    {
        var ourNames = ours.Names.Skip(1).ToList();
        var refNames = reference.Names.Skip(1).ToList();
        var common = ourNames.Where(reference.Contains).ToList();
        return (common, ourNames.Where(n => !reference.Contains(n)).ToList(), refNames.Where(n => !ours.Contains(n)).ToList());
    }
}
