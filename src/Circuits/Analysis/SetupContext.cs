using CircuitNeuro.Circuits.Elements;
using CircuitNeuro.Circuits.Solver;

namespace CircuitNeuro.Circuits.Analysis;

/// <summary>What an element sees while the system is being laid out: unknown allocation and matrix pattern.</summary>
public sealed class SetupContext
{
    private readonly Circuit _circuit;
    private readonly List<string> _unknownNames;

    internal SetupContext(Circuit circuit, MnaMatrix matrix, List<string> unknownNames, Dictionary<string, int> nodeIndex)
    {
        _circuit = circuit;
        Matrix = matrix;
        _unknownNames = unknownNames;
        NodeIndexByName = nodeIndex;
    }

    public MnaMatrix Matrix { get; }
    internal Dictionary<string, int> NodeIndexByName { get; }

    /// <summary>Index of a node by name (-1 for ground).</summary>
    public int Node(string name) => Circuit.IsGround(name) ? -1 : NodeIndexByName[name];

    /// <summary>Adds an unknown: a branch current ("i(v1)") or an internal node ("d1#anode").</summary>
    public int AddUnknown(string name)
    {
        int index = Matrix.AddUnknown();
        _unknownNames.Add(name);
        return index;
    }

    public int Slot(int row, int col) => Matrix.Slot(row, col);

    /// <summary>The element with that name; throws a <see cref="CircuitException"/> naming both when absent.</summary>
    public Element Find(string name, Element requester) =>
        _circuit.FindElement(name) ?? throw new CircuitException(requester.Name, $"refers to element '{name}', which is not in the circuit");
}
