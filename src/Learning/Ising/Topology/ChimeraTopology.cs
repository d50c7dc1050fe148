using QuikGraph;

namespace CircuitNeuro.Learning.Ising.Topology;

/// <summary>
/// Chimera C(m, n, t) (seed Sec. 5.2, L2481, Fig. 5.3): m×n unit cells, each a complete bipartite K_{t,t} between
/// shore u = 0 and shore u = 1; qubit (i, j, 0, k) couples to (i±1, j, 0, k) and (i, j, 1, k) to (i, j±1, 1, k).
/// Bulk degree t + 2. Linear index q = ((i·n + j)·2 + u)·t + k (<see cref="ChimeraCoordinate"/>).
/// Edge count: m·n·t² + (m−1)·n·t + m·(n−1)·t; D-Wave 2000Q is C(16,16,4): 2,048 qubits, 6,016 couplers.
/// </summary>
public static class ChimeraTopology
{
    public static IsingTopology Create(int m, int n = -1, int t = 4)
    {
        if (n < 0) n = m;
        if (m < 1 || n < 1 || t < 1) throw new ArgumentOutOfRangeException(nameof(m), "Chimera needs m, n, t ≥ 1.");
        var shape = new CellGridShape(m, n, t);
        var g = new UndirectedGraph<int, SEdge<int>>(allowParallelEdges: false);
        for (int q = 0; q < shape.QubitCount; q++) g.AddVertex(q);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < t; k++)
                {
                    for (int k2 = 0; k2 < t; k2++) g.AddEdge(new SEdge<int>(shape.Linear(i, j, 0, k), shape.Linear(i, j, 1, k2)));
                    if (i + 1 < m) g.AddEdge(new SEdge<int>(shape.Linear(i, j, 0, k), shape.Linear(i + 1, j, 0, k)));
                    if (j + 1 < n) g.AddEdge(new SEdge<int>(shape.Linear(i, j, 1, k), shape.Linear(i, j + 1, 1, k)));
                }
        return new IsingTopology($"Chimera C({m},{n},{t})", shape.QubitCount, g, shape);
    }

    /// <summary>D-Wave 2000Q-sized ideal Chimera C16 (seed L2526: "DW2000 chip which has 2048 qubits").</summary>
    public static IsingTopology DWave2000Q() => Create(16, 16, 4);
}
