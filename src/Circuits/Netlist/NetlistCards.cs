namespace CircuitNeuro.Circuits.Netlist;

/// <summary>Where a card came from: file and 1-based line of its first physical line.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>A netlist error that names the file, line and, when known, the element.</summary>
public sealed class NetlistException : Exception
{
    public NetlistException(SourceLocation? location, string? element, string message)
        : base(Format(location, element, message))
    {
        Location = location;
        Element = element;
    }

    public SourceLocation? Location { get; }
    public string? Element { get; }

    private static string Format(SourceLocation? loc, string? element, string message)
    {
        string where = loc is null ? "" : $"{loc}: ";
        string what = element is null ? "" : $"element '{element}': ";
        return where + what + message;
    }
}

/// <summary>Independent-source waveform exactly as written (values already evaluated).</summary>
public abstract record WaveformSpec;
public sealed record DcSpec(double Value) : WaveformSpec;
/// <summary>PULSE(v1 v2 td tr tf pw per [np]); Args always has 8 entries, missing trailing values are NaN (engine applies ngspice defaults).</summary>
public sealed record PulseSpec(double[] Args) : WaveformSpec;
/// <summary>PWL(t1 v1 t2 v2 ...) with optional r= and td= (NaN when absent).</summary>
public sealed record PwlSpec(double[] Times, double[] Values, double RepeatFrom, double Delay) : WaveformSpec;
/// <summary>SIN(vo va freq td theta phase); Args always has 6 entries, missing trailing values are NaN.</summary>
public sealed record SinSpec(double[] Args) : WaveformSpec;

/// <summary>
/// One element after subcircuit flattening and parameter evaluation. Everything is lower-case.
/// Names are the instance path then the local name: "r1" at top level, "x1.r2" inside instance x1,
/// "x1.x2.r1" for nested instances. Internal subcircuit nodes are prefixed the same way ("x1.n3");
/// port nodes are replaced by the caller's nodes. Ground is always "0" ("gnd" is mapped to "0").
/// </summary>
public sealed class ElementCard
{
    public required string Name { get; init; }
    /// <summary>Upper-case first letter of the local element name: R C L V I D M E G F H S W Y (X never appears after flattening).</summary>
    public required char Kind { get; init; }
    public required IReadOnlyList<string> Nodes { get; init; }
    /// <summary>Primary value (R ohms, C farads, L henries, E/G/F/H gain, D/M area factor when given); NaN when absent.</summary>
    public double Value { get; init; } = double.NaN;
    /// <summary>Model name for D, M, S, W, Y (lower-case, flattened name of the .model it resolves to).</summary>
    public string? Model { get; init; }
    /// <summary>Controlling voltage source name for F, H and W (flattened, lower-case).</summary>
    public string? ControlSource { get; init; }
    /// <summary>Source waveform for V and I; DC value also available through <see cref="DcValue"/>.</summary>
    public WaveformSpec? Waveform { get; init; }
    /// <summary>DC value of a V/I source (the "DC x" or bare value), NaN when absent.</summary>
    public double DcValue { get; init; } = double.NaN;
    /// <summary>
    /// key=value instance parameters (w, l, ic, m, temp, ...), keys lower-case. A list value such as
    /// MOSFET ic=vds,vgs,vbs is stored as ic, ic2, ic3. V/I sources store their AC spec as acmag/acphase.
    /// </summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();
    /// <summary>Bare flags such as "off", "on".</summary>
    public IReadOnlyList<string> Flags { get; init; } = Array.Empty<string>();
    public required SourceLocation Location { get; init; }

    public override string ToString() => $"{Name} ({Location})";
}

/// <summary>A .model card: type is lower-case (d, nmos, pmos, sw, memristor, ...).</summary>
public sealed class ModelCard
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();
    /// <summary>Word-valued parameters (lower-case), for the keys a model type declares as words (memristor level=vteam, ...).</summary>
    public IReadOnlyDictionary<string, string> TextParameters { get; init; } = new Dictionary<string, string>();
    public required SourceLocation Location { get; init; }
}

public abstract record AnalysisCard(SourceLocation Location);
public sealed record OpCard(SourceLocation Location) : AnalysisCard(Location);
/// <summary>.dc src start stop step [src2 start2 stop2 step2].</summary>
public sealed record DcCard(SourceLocation Location, string Source, double Start, double Stop, double Step,
    string? Source2 = null, double Start2 = 0, double Stop2 = 0, double Step2 = 0) : AnalysisCard(Location);
/// <summary>.tran tstep tstop [tstart [tmax]] [uic]; absent values are NaN.</summary>
public sealed record TranCard(SourceLocation Location, double Step, double Stop, double Start, double MaxStep, bool Uic) : AnalysisCard(Location);

/// <summary>A whole parsed, flattened netlist.</summary>
public sealed class ParsedNetlist
{
    public string Title { get; init; } = "";
    public required string File { get; init; }
    public List<ElementCard> Elements { get; } = new();
    public Dictionary<string, ModelCard> Models { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<AnalysisCard> Analyses { get; } = new();
    /// <summary>.options key=value (lower-case keys).</summary>
    public Dictionary<string, double> Options { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>.options key=text for non-numeric values such as method=gear (lower-case).</summary>
    public Dictionary<string, string> TextOptions { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>.ic v(node)=value (lower-case node names).</summary>
    public Dictionary<string, double> InitialConditions { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Global .param values after evaluation.</summary>
    public Dictionary<string, double> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>.temp in °C; NaN when absent (engine default 27 °C).</summary>
    public double Temperature { get; set; } = double.NaN;
}
