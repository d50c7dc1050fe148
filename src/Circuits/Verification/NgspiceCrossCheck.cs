using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Netlist;
using CircuitNeuro.Circuits.Ngspice;
using CircuitNeuro.Circuits.Results;

namespace CircuitNeuro.Circuits.Verification;

/// <summary>
/// Runs a netlist on our engine and on ngspice, one analysis per run, both with the same
/// options (<see cref="NgspicePrecision"/>: tight for .op/.dc, the transient preset for .tran),
/// and compares every node voltage and branch current.
/// Error scales: .op/.dc — each value against max(|reference|, 1e-6 × the largest reference
/// value of the same kind, voltage or current, in that analysis), so a relative tolerance means
/// what it says except for values 10⁴ times below the circuit's own level, which are held to an
/// absolute error of tolerance × 10⁻⁴ × level (a leakage current at round-off level cannot be
/// compared relatively); .tran — at each of our time points, the distance from our value to the
/// band between the linear and the cubic interpolant of the reference (the reference is only
/// known at its own points: linear interpolation errs by ~1e-3 at a diode's turn-on, a cubic
/// overshoots at a source corner, and the true curve lies between them), against the signal's
/// peak-to-peak range (floored at 1e-3 × its peak, and at 1 µV / 1 pA).
/// </summary>
public static class NgspiceCrossCheck
{
    /// <param name="runReference">Runs ngspice on a netlist text (with its folder for includes); batch mode by default.</param>
    public static IReadOnlyList<AnalysisComparison> Run(string netlistPath, Func<string, string, NgspiceResult>? runReference = null)
    {
        runReference ??= (text, dir) => new NgspiceBatch().RunNetlist(text, dir);
        string text = File.ReadAllText(netlistPath);
        string dir = Path.GetDirectoryName(Path.GetFullPath(netlistPath))!;
        var parsed = NetlistParser.ParseFile(netlistPath);
        _ = CircuitFactory.Build(parsed); // input errors surface here, as errors rather than disagreements
        var results = new List<AnalysisComparison>();
        foreach (var card in parsed.Analyses)
        {
            string kind = card switch { OpCard => "op", DcCard => "dc", TranCard => "tran", _ => throw new NotSupportedException(card.ToString()) };
            string preset = kind == "tran" ? NgspicePrecision.TransientOptions : NgspicePrecision.TightOpOptions;
            VectorTable ours;
            NgspiceResult reference;
            try
            {
                var circuit = CircuitFactory.Build(parsed);
                circuit.Options = circuit.Options.With(ParseOptions(preset));
                using var system = new MnaSystem(circuit);
                ours = AnalysisCardRunner.Run(system, card).Vectors;
            }
            catch (CircuitException ex)
            {
                results.Add(AnalysisComparison.Failed(netlistPath, kind, $"the built-in engine failed: {ex.Message}"));
                continue;
            }
            try
            {
                string referenceText = NgspiceNetlist.InsertBeforeEnd(NgspiceNetlist.KeepOnlyAnalysis(NgspiceNetlist.ResolveIncludes(text, dir), kind), preset);
                reference = runReference(referenceText, dir);
            }
            catch (NgspiceException ex)
            {
                results.Add(AnalysisComparison.Failed(netlistPath, kind, $"ngspice failed: {ex.Message}"));
                continue;
            }
            results.Add(kind == "tran"
                ? CompareTransient(netlistPath, ours, reference)
                : CompareStatic(netlistPath, kind, ours, reference));
        }
        return results;
    }

    private static Dictionary<string, double> ParseOptions(string optionsCard) =>
        optionsCard.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(kv => kv.Split('='))
            .ToDictionary(kv => kv[0], kv => double.Parse(kv[1], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Reference vector for one of our names: v(node) → node voltage, i(v1) → v1#branch. Null for our internal nodes.</summary>
    private static double[]? Reference(NgspiceResult r, string ourName)
    {
        if (ourName.Contains('#')) return null;
        if (ourName.StartsWith("v(")) return r.Voltage(ourName[2..^1]);
        if (ourName.StartsWith("i(")) return r.Current(ourName[2..^1]);
        return null;
    }

    private static IEnumerable<string> Compared(VectorTable ours) =>
        ours.Names.Skip(1).Where(n => !n.Contains('#'));

    private static AnalysisComparison CompareStatic(string netlist, string kind, VectorTable ours, NgspiceResult r)
    {
        if (kind == "dc" && r.Sweep.Length != ours.Count)
            return AnalysisComparison.Failed(netlist, kind, $"ngspice swept {r.Sweep.Length} points, we swept {ours.Count}");
        var refs = Compared(ours).ToDictionary(n => n, n => Reference(r, n)!);
        double Level(char kindLetter) => refs.Where(kv => kv.Key[0] == kindLetter).SelectMany(kv => kv.Value).Select(Math.Abs).DefaultIfEmpty(0).Max();
        double vLevel = Level('v'), iLevel = Level('i');
        var comparisons = new List<VectorComparison>();
        foreach (var (name, reference) in refs)
        {
            double floor = 1e-4 * (name[0] == 'v' ? vLevel : iLevel);
            double worstRel = -1;
            VectorComparison? worst = null;
            for (int k = 0; k < ours.Count; k++)
            {
                double abs = Math.Abs(ours[name][k] - reference[k]);
                double scale = Math.Max(Math.Max(Math.Abs(reference[k]), floor), double.Epsilon);
                if (abs / scale > worstRel)
                {
                    worstRel = abs / scale;
                    worst = new VectorComparison(name, abs, scale, ours.Scale[k], ours[name][k], reference[k]);
                }
            }
            comparisons.Add(worst!);
        }
        return new AnalysisComparison(netlist, kind, ours.Count, comparisons, NotCompared(ours));
    }

    private static AnalysisComparison CompareTransient(string netlist, VectorTable ours, NgspiceResult r)
    {
        var comparisons = new List<VectorComparison>();
        double[] time = r.Time;
        foreach (var name in Compared(ours))
        {
            var reference = Reference(r, name)!;
            double peak = reference.Max(Math.Abs), range = reference.Max() - reference.Min();
            double scale = Math.Max(Math.Max(range, 1e-3 * peak), name[0] == 'v' ? 1e-6 : 1e-12);
            var worst = new VectorComparison(name, 0, scale, 0, ours[name][0], reference[0]);
            for (int k = 0; k < ours.Count; k++)
            {
                double t = ours.Scale[k], v = ours[name][k];
                double linear = LinearInterpolation.At(time, reference, t), cubic = InterpolateCubic(time, reference, t);
                double error = Math.Max(0, Math.Max(Math.Min(linear, cubic) - v, v - Math.Max(linear, cubic)));
                if (error > worst.MaxAbsoluteError) worst = new VectorComparison(name, error, scale, t, v, linear);
            }
            comparisons.Add(worst);
        }
        return new AnalysisComparison(netlist, "tran", ours.Count, comparisons, NotCompared(ours));
    }

    private static IReadOnlyList<string> NotCompared(VectorTable ours) => ours.Names.Skip(1).Where(n => n.Contains('#')).ToList();

    /// <summary>Cubic (Lagrange) interpolation through the four reference points around <paramref name="at"/>.</summary>
    private static double InterpolateCubic(double[] x, double[] y, double at)
    {
        int hi = Array.BinarySearch(x, at);
        if (hi >= 0) return y[hi];
        hi = ~hi;
        if (hi == 0) return y[0];
        if (hi >= x.Length) return y[^1];
        int first = Math.Clamp(hi - 2, 0, Math.Max(0, x.Length - 4));
        int count = Math.Min(4, x.Length);
        double sum = 0;
        for (int i = first; i < first + count; i++)
        {
            double w = 1;
            for (int j = first; j < first + count; j++)
                if (j != i) w *= (at - x[j]) / (x[i] - x[j]);
            sum += w * y[i];
        }
        return sum;
    }
}
