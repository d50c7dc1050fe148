using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>
/// A circuit element in modified nodal analysis. Life cycle: <see cref="AllocateUnknowns"/>
/// (branch currents, internal nodes), <see cref="RegisterSlots"/> (matrix pattern, once per
/// topology), then <see cref="Load"/> at every Newton iteration. Reactive elements keep their
/// charge history in <see cref="ReactiveState"/>s driven by the analysis.
/// </summary>
public abstract class Element
{
    protected Element(string name, params string[] nodes)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("Element name is empty.");
        Name = name;
        Nodes = nodes;
    }

    public string Name { get; }

    /// <summary>External node names in the element's terminal order.</summary>
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Unknown index of each external node (-1 = ground), set at setup.</summary>
    public int[] NodeIndex { get; internal set; } = Array.Empty<int>();

    /// <summary>True when the element's stamps depend on the solution (needs Newton iterations).</summary>
    public virtual bool IsNonlinear => false;

    /// <summary>Element class for energy breakdowns (resistor, capacitor, source, diode, ...).</summary>
    public abstract string Category { get; }

    /// <summary>Adds branch currents or internal nodes this element needs.</summary>
    public virtual void AllocateUnknowns(SetupContext ctx) { }

    /// <summary>Registers every matrix position the element will stamp.</summary>
    public abstract void RegisterSlots(SetupContext ctx);

    /// <summary>Stamps the linearized element into the matrix and right-hand side.</summary>
    public abstract void Load(LoadContext ctx);

    /// <summary>Power absorbed by the element at the present solution, in watts (sources delivering power are negative).</summary>
    public abstract double Power(LoadContext ctx);

    /// <summary>Reactive states (charges, fluxes) whose history the transient integrator advances.</summary>
    public virtual IEnumerable<ReactiveState> States => Array.Empty<ReactiveState>();

    /// <summary>Times inside (from, to] where the element's stimulus has a corner the transient must hit exactly.</summary>
    public virtual void CollectBreakpoints(double from, double to, List<double> breakpoints) { }

    /// <summary>Lets waveforms resolve defaults that depend on the transient's step and stop time.</summary>
    public virtual void BindTransient(double step, double stop) { }

    /// <summary>
    /// Largest next step the element can accept after the trial point just solved (for example a
    /// device whose internal state must not move too far in one step); infinity when it has no limit.
    /// A value below 0.9 × the present step rejects the point, like a truncation-error estimate.
    /// </summary>
    public virtual double SuggestTimestep(LoadContext ctx) => double.PositiveInfinity;

    /// <summary>Called once an operating point or a time point is accepted (state machines such as switch hysteresis).</summary>
    public virtual void Accept(LoadContext ctx) { }

    public override string ToString() => Name;
}
