using QuikGraph;

namespace CircuitNeuro.Learning.Ising.Topology;

/// <summary>
/// A Pegasus-LIKE graph, not D-Wave's published P(m). Published Pegasus (Boothby et al. 2020) places qubits on
/// staggered, shifted lines of length 12 and gives bulk degree 15 = 12 "internal" + 2 "external" + 1 "odd" couplers
/// (the seed says "up to 16", L2482; D-Wave documents 15). We keep the Chimera cell grid and coordinates
/// (i, j, u, k), t = 4, and give each bulk qubit the same composition of 15 couplers:
///   - 4 internal: the K_{4,4} of its own cell (as Chimera);
///   - 8 internal: (i, j, 0, k) couples to all of (i+1, j, 1, *) and (i, j, 1, k) to all of (i, j+1, 0, *); each
///     qubit thus has 4 such couplers "forward" plus 4 received from the previous cell of the other direction;
///   - 2 external: to the same (u, k) in the previous and next cell along its direction (as Chimera);
///   - 1 odd: to its partner k XOR 1 on the same shore of the same cell (gives odd cycles, as Pegasus does).
/// So degree and coupler classes match Pegasus; the geometry (which qubits share couplers) does not.
/// </summary>
public static class PegasusLikeTopology
{
    public const int BulkDegree = 15;

    public static IsingTopology Create(int m)
    {
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(m));
        const int t = 4;
        var shape = new CellGridShape(m, m, t);
        var g = new UndirectedGraph<int, SEdge<int>>(allowParallelEdges: false);
        for (int q = 0; q < shape.QubitCount; q++) g.AddVertex(q);
        void Add(int a, int b) { if (!g.ContainsEdge(a, b)) g.AddEdge(new SEdge<int>(Math.Min(a, b), Math.Max(a, b))); }
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                for (int k = 0; k < t; k++)
                {
                    for (int k2 = 0; k2 < t; k2++)
                    {
                        Add(shape.Linear(i, j, 0, k), shape.Linear(i, j, 1, k2));
                        if (i + 1 < m) Add(shape.Linear(i, j, 0, k), shape.Linear(i + 1, j, 1, k2));
                        if (j + 1 < m) Add(shape.Linear(i, j, 1, k), shape.Linear(i, j + 1, 0, k2));
                    }
                    if (i + 1 < m) Add(shape.Linear(i, j, 0, k), shape.Linear(i + 1, j, 0, k));
                    if (j + 1 < m) Add(shape.Linear(i, j, 1, k), shape.Linear(i, j + 1, 1, k));
                    if ((k & 1) == 0)
                        for (int u = 0; u < 2; u++) Add(shape.Linear(i, j, u, k), shape.Linear(i, j, u, k ^ 1));
                }
        return new IsingTopology($"Pegasus-like P'({m})", shape.QubitCount, g, shape);
    }
}
