namespace CircuitNeuro.Circuits.Ngspice;

/// <summary>
/// One plot (analysis result) of an ngspice run, with access to the other plots of the same run.
/// <para>
/// A run of a netlist with several analysis cards produces one plot per analysis. ngspice runs
/// them in its own fixed order (ac, dc, op, tran — not the order of the cards), so for
/// <c>.op</c> + <c>.dc</c> the last plot is the OP. The result returned by the backends is the
/// <em>last</em> plot (ngspice's "current plot"); use <see cref="Plot(string)"/> for the others.
/// </para>
/// <para>Vector names are looked up through <see cref="NgspiceNames.Canonical"/>, case-insensitively.</para>
/// </summary>
public sealed class NgspiceResult
{
    private readonly Dictionary<string, NgspiceVector> _byName;
    private readonly List<NgspiceVector> _vectors;
    private RunInfo _run = null!;

    private NgspiceResult(string plotName, string kind, string? circuitTitle, IEnumerable<NgspiceVector> vectors)
    {
        PlotName = plotName;
        AnalysisKind = kind;
        CircuitTitle = circuitTitle ?? "";
        _vectors = vectors.ToList();
        _byName = new Dictionary<string, NgspiceVector>(StringComparer.Ordinal);
        foreach (var v in _vectors) _byName.TryAdd(v.Name, v);
        Scale = _vectors.FirstOrDefault(v => NgspiceNames.LooksLikeScale(v.Name));
    }

    private sealed class RunInfo
    {
        public required string Backend { get; init; }
        public required TimeSpan Timing { get; init; }
        public required IReadOnlyList<string> OutputLines { get; init; }
        public required IReadOnlyList<NgspiceResult> Plots { get; set; }
    }

    /// <summary>Plot data as produced by a backend, before it is wrapped in a result.</summary>
    internal sealed record PlotData(string PlotName, string Kind, string? CircuitTitle, IReadOnlyList<NgspiceVector> Vectors);

    /// <summary>Builds the results of one run; returns the last plot (ngspice's current plot).</summary>
    internal static NgspiceResult FromPlots(string backend, IReadOnlyList<PlotData> plots, TimeSpan timing, IReadOnlyList<string> output)
    {
        if (plots.Count == 0) throw new ArgumentException("a run must produce at least one plot", nameof(plots));
        var info = new RunInfo { Backend = backend, Timing = timing, OutputLines = output, Plots = Array.Empty<NgspiceResult>() };
        var results = plots.Select(p => new NgspiceResult(p.PlotName, p.Kind, p.CircuitTitle, p.Vectors) { _run = info }).ToList();
        info.Plots = results;
        return results[^1];
    }

    /// <summary>"shared" (libngspice) or "batch" (ngspice -b).</summary>
    public string Backend => _run.Backend;

    /// <summary>ngspice's plot type name: "op1", "dc1", "tran1" (the batch backend numbers plots the same way).</summary>
    public string PlotName { get; }

    /// <summary>"op", "dc", "tran", "ac", ...</summary>
    public string AnalysisKind { get; }

    /// <summary>ngspice's descriptive plot name, e.g. "Transient Analysis".</summary>
    public string PlotTitle => NgspiceNames.TitleFromKind(AnalysisKind);

    /// <summary>The circuit's title line, lower case as ngspice keeps it.</summary>
    public string CircuitTitle { get; }

    /// <summary>
    /// Wall time of the simulation: for the shared library only the <c>run</c> command; for the
    /// batch backend the whole ngspice process (start-up and raw-file writing included).
    /// </summary>
    public TimeSpan Timing => _run.Timing;

    /// <summary>Everything ngspice printed during the run (without "stdout "/"stderr " prefixes).</summary>
    public IReadOnlyList<string> OutputLines => _run.OutputLines;

    /// <summary>Lines of the output that contain "warning" (e.g. a value clamped by ngspice).</summary>
    public IEnumerable<string> Warnings => OutputLines.Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase));

    /// <summary>All plots of the run in execution order (this one included).</summary>
    public IReadOnlyList<NgspiceResult> Plots => _run.Plots;

    /// <summary>
    /// True when ngspice needed gmin or source stepping to converge in this run. That is worth
    /// knowing for tight cross-checks: in ngspice 39 a failed stepping attempt can leave its state
    /// (source factor ≠ 1, extra diagonal gmin) in place for later analyses of the same run.
    /// </summary>
    public bool UsedHomotopy => OutputLines.Any(l =>
        l.Contains("gmin stepping", StringComparison.OrdinalIgnoreCase) ||
        l.Contains("source stepping", StringComparison.OrdinalIgnoreCase));

    /// <summary>The vectors of this plot, in the order the backend reported them.</summary>
    public IEnumerable<NgspiceVector> Vectors => _vectors;

    /// <summary>Canonical names of this plot's vectors.</summary>
    public IEnumerable<string> VectorNames => _vectors.Select(v => v.Name);

    /// <summary>Number of points (1 for an operating point).</summary>
    public int PointCount => _vectors.Count == 0 ? 0 : _vectors.Max(v => v.Length);

    /// <summary>The scale vector (time, frequency, v-sweep, i-sweep...), null for an operating point.</summary>
    public NgspiceVector? Scale { get; }

    /// <summary>Time points of a transient plot.</summary>
    public double[] Time => AnalysisKind == "tran" && Scale is not null
        ? Scale.Real
        : throw new InvalidOperationException($"plot {PlotName} is not a transient analysis");

    /// <summary>The swept values of a DC plot (v-sweep / i-sweep / temp-sweep / res-sweep).</summary>
    public double[] Sweep => AnalysisKind == "dc" && Scale is not null
        ? Scale.Real
        : throw new InvalidOperationException($"plot {PlotName} is not a DC sweep");

    /// <summary>The first plot of the run with the given analysis kind ("op", "dc", "tran").</summary>
    public NgspiceResult Plot(string kind)
    {
        string k = kind.Trim().ToLowerInvariant();
        return Plots.FirstOrDefault(p => p.AnalysisKind == k || p.PlotName == k)
               ?? throw new KeyNotFoundException($"no '{kind}' plot in this run (plots: {string.Join(", ", Plots.Select(p => p.PlotName))})");
    }

    /// <summary>True when the run produced a plot of the given kind.</summary>
    public bool HasPlot(string kind) => Plots.Any(p => p.AnalysisKind == kind.Trim().ToLowerInvariant());

    public bool TryGetVector(string name, out NgspiceVector vector) =>
        _byName.TryGetValue(NgspiceNames.Canonical(name), out vector!);

    /// <summary>A vector by any of its names ("out", "v(out)", "OUT", "i(v1)", "v1#branch").</summary>
    public NgspiceVector Vector(string name) =>
        TryGetVector(name, out var v)
            ? v
            : throw new KeyNotFoundException($"no vector '{name}' in plot {PlotName} (have: {string.Join(", ", VectorNames)})");

    public double[] this[string name] => Vector(name).Real;

    /// <summary>Node voltage (real part) at every point. Ground ("0", "gnd") gives zeros.</summary>
    public double[] Voltage(string node) =>
        NgspiceNames.IsGround(node) ? new double[Math.Max(PointCount, 1)] : Vector(node).Real;

    /// <summary>V(a) − V(b) at every point.</summary>
    public double[] Voltage(string nodeA, string nodeB)
    {
        var a = Voltage(nodeA);
        var b = Voltage(nodeB);
        var d = new double[a.Length];
        for (int i = 0; i < d.Length; i++) d[i] = a[i] - b[i];
        return d;
    }

    /// <summary>
    /// Branch current of a voltage source (or inductor, E, H element), e.g. Current("V1") reads
    /// "v1#branch". SPICE convention: positive current flows into the + terminal, through the
    /// source, and out of the − terminal, so a battery delivering power reports a negative value.
    /// </summary>
    public double[] Current(string element) => Vector(NgspiceNames.BranchCurrent(element)).Real;

    /// <summary>The value of a vector at one point (default: the first, i.e. the OP value).</summary>
    public double Value(string name, int index = 0) => Vector(name).Real[index];

    /// <summary>Linear interpolation of a vector at a scale value (time or sweep value).</summary>
    public double Interpolate(string name, double scaleValue)
    {
        if (Scale is null) throw new InvalidOperationException($"plot {PlotName} has no scale vector");
        var x = Scale.Real;
        var y = NgspiceNames.IsGround(name) ? new double[x.Length] : Vector(name).Real;
        return Results.LinearInterpolation.At(x, y, scaleValue);
    }

    public override string ToString() => $"{Backend}:{PlotName} ({PointCount} points, {_vectors.Count} vectors)";
}
