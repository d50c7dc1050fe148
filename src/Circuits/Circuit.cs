using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Elements;

namespace CircuitNeuro.Circuits;

/// <summary>
/// A circuit built in code or from a netlist: named elements between named nodes ("0" and "gnd"
/// are ground). Analyses lay it out into an <see cref="MnaSystem"/>; element values may change
/// afterwards (refactor only), adding elements needs a new system.
/// </summary>
public sealed class Circuit
{
    private readonly List<Element> _elements = new();
    private readonly Dictionary<string, Element> _byName = new(StringComparer.OrdinalIgnoreCase);

    public Circuit(string title = "") => Title = title;

    public string Title { get; set; }
    public SimulationOptions Options { get; set; } = new();
    public IReadOnlyList<Element> Elements => _elements;

    /// <summary>.ic node voltages (used as the initial state of a UIC transient, and held during its operating point otherwise).</summary>
    public Dictionary<string, double> InitialConditions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static bool IsGround(string node) => node == "0" || node.Equals("gnd", StringComparison.OrdinalIgnoreCase);

    public T Add<T>(T element) where T : Element
    {
        if (!_byName.TryAdd(element.Name, element))
            throw new CircuitException(element.Name, "an element with this name is already in the circuit");
        _elements.Add(element);
        return element;
    }

    public Element? FindElement(string name) => _byName.GetValueOrDefault(name);

    public T Get<T>(string name) where T : Element =>
        FindElement(name) as T ?? throw new CircuitException(name, $"no {typeof(T).Name} with this name in the circuit");

    /// <summary>Distinct non-ground node names in order of first appearance.</summary>
    public IReadOnlyList<string> NodeNames()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var e in _elements)
            foreach (var n in e.Nodes)
                if (!IsGround(n) && seen.Add(n)) order.Add(n);
        return order;
    }
}
