namespace CircuitNeuro.Circuits.Elements;

/// <summary>An element whose current is an MNA unknown (voltage sources, inductors, E and H sources), so F and H sources can sense it.</summary>
public interface IBranchElement
{
    string Name { get; }
    /// <summary>Index of the branch-current unknown; the current flows from the first node through the element to the second.</summary>
    int Branch { get; }
}
