namespace CircuitNeuro.Circuits.Ngspice;

/// <summary>
/// Vector and plot naming conventions shared by both backends.
/// <para>
/// ngspice names the same quantity differently depending on where you look:
/// the shared library (ngSpice_AllVecs) reports node voltages by bare node name
/// (<c>out</c>, <c>x1.mid</c>), branch currents as <c>v1#branch</c>, the DC sweep as
/// <c>v-sweep</c>/<c>i-sweep</c> and time as <c>time</c>; the raw file writes
/// <c>v(out)</c>, <c>i(v1)</c>, <c>v(v-sweep)</c> and <c>time</c>. Everything is lower case
/// (ngspice lower-cases the whole netlist, including the title).
/// </para>
/// <para>
/// The canonical key used by <see cref="NgspiceResult"/> is: lower case, <c>v(x)</c> → <c>x</c>,
/// <c>i(x)</c> → <c>x#branch</c>; anything else unchanged. So <c>Voltage("OUT")</c>,
/// <c>Vector("v(out)")</c> and <c>Vector("out")</c> all find the same vector, and
/// <c>Current("V1")</c>, <c>Vector("i(v1)")</c> and <c>Vector("v1#branch")</c> likewise.
/// </para>
/// </summary>
public static class NgspiceNames
{
    /// <summary>Canonical lookup key for a vector name as reported by either backend or typed by a user.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string n = name.Trim().ToLowerInvariant();
        if (n.Length > 3 && n[^1] == ')' && n[1] == '(')
        {
            string inner = n[2..^1].Trim();
            // v(a,b) is a difference, not a node: leave it alone.
            if (n[0] == 'v' && !inner.Contains(',')) return inner;
            if (n[0] == 'i' && !inner.Contains(',')) return inner.EndsWith("#branch", StringComparison.Ordinal) ? inner : inner + "#branch";
        }
        return n;
    }

    /// <summary>Canonical key of the branch current of a voltage source / inductor / E / H element.</summary>
    public static string BranchCurrent(string element)
    {
        string n = Canonical(element);
        return n.EndsWith("#branch", StringComparison.Ordinal) ? n : n + "#branch";
    }

    /// <summary>True for the ground node names ngspice accepts.</summary>
    public static bool IsGround(string node)
    {
        string n = Canonical(node);
        return n is "0" or "gnd";
    }

    /// <summary>Analysis kind ("op", "dc", "tran", "ac", ...) from a raw-file Plotname line.</summary>
    public static string KindFromPlotTitle(string plotTitle)
    {
        string t = plotTitle.Trim().ToLowerInvariant();
        if (t.StartsWith("operating point", StringComparison.Ordinal)) return "op";
        if (t.StartsWith("dc transfer", StringComparison.Ordinal)) return "dc";
        if (t.StartsWith("transient", StringComparison.Ordinal)) return "tran";
        if (t.StartsWith("ac analysis", StringComparison.Ordinal)) return "ac";
        if (t.StartsWith("noise", StringComparison.Ordinal)) return "noise";
        if (t.StartsWith("pole-zero", StringComparison.Ordinal)) return "pz";
        if (t.StartsWith("transfer function", StringComparison.Ordinal)) return "tf";
        if (t.StartsWith("sensitivity", StringComparison.Ordinal)) return "sens";
        if (t.StartsWith("distortion", StringComparison.Ordinal)) return "disto";
        return "unknown";
    }

    /// <summary>Analysis kind from a shared-library plot type name ("tran1" → "tran", "op2" → "op").</summary>
    public static string KindFromPlotTypeName(string typeName)
    {
        string t = typeName.Trim().ToLowerInvariant().TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return t.Length == 0 ? "unknown" : t;
    }

    /// <summary>The raw-file Plotname ngspice uses for an analysis kind.</summary>
    public static string TitleFromKind(string kind) => kind switch
    {
        "op" => "Operating Point",
        "dc" => "DC transfer characteristic",
        "tran" => "Transient Analysis",
        "ac" => "AC Analysis",
        "noise" => "Noise Spectral Density Curves",
        "pz" => "Pole-Zero Analysis",
        "tf" => "Transfer Function",
        "sens" => "Sensitivity Analysis",
        _ => kind,
    };

    /// <summary>True when a canonical vector name is a plot scale (time, frequency or DC sweep).</summary>
    public static bool LooksLikeScale(string canonicalName) =>
        canonicalName is "time" or "frequency" || canonicalName.EndsWith("-sweep", StringComparison.Ordinal);
}
