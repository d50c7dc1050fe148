using QuikGraph;

namespace CircuitNeuro.Learning.Ising.Topology;

/// <summary>
/// Hardware graph of an Ising machine: qubits are vertices, couplers are edges (QuikGraph undirected graph).
/// Qubit ids are kept when faulty qubits are removed, so ids stay valid hardware addresses; <see cref="IndexSpace"/>
/// is one past the largest id the unmodified topology had. <see cref="Cells"/> is set for Chimera-like grids
/// (used by placements and pictures).
/// </summary>
public sealed class IsingTopology
{
    private int[][]? _adjacency;

    public IsingTopology(string name, int indexSpace, UndirectedGraph<int, SEdge<int>> graph, CellGridShape? cells = null)
    {
        Name = name;
        IndexSpace = indexSpace;
        Graph = graph;
        Cells = cells;
    }

    public string Name { get; }
    public int IndexSpace { get; }
    public UndirectedGraph<int, SEdge<int>> Graph { get; }
    public CellGridShape? Cells { get; }
    public int QubitCount => Graph.VertexCount;
    public int CouplerCount => Graph.EdgeCount;

    public bool HasQubit(int q) => Graph.ContainsVertex(q);

    public bool HasCoupler(int a, int b) => Graph.ContainsVertex(a) && Graph.ContainsVertex(b) && Graph.ContainsEdge(a, b);

    /// <summary>Sorted neighbour lists indexed by qubit id (empty for removed ids); built once, for fast searches.</summary>
    public int[][] Adjacency
    {
        get
        {
            if (_adjacency is not null) return _adjacency;
            var lists = new List<int>[IndexSpace];
            for (int q = 0; q < IndexSpace; q++) lists[q] = new List<int>();
            foreach (var e in Graph.Edges) { lists[e.Source].Add(e.Target); lists[e.Target].Add(e.Source); }
            var result = new int[IndexSpace][];
            for (int q = 0; q < IndexSpace; q++) { lists[q].Sort(); result[q] = lists[q].ToArray(); }
            return _adjacency = result;
        }
    }

    /// <summary>Working qubits in increasing id order.</summary>
    public int[] Qubits => Graph.Vertices.OrderBy(v => v).ToArray();

    /// <summary>Copy without the given faulty qubits (and their couplers) and faulty couplers (seed: 5 dead qubits, L2897).</summary>
    public IsingTopology WithoutFaults(IEnumerable<int>? faultyQubits = null, IEnumerable<(int A, int B)>? faultyCouplers = null)
    {
        var dead = new HashSet<int>(faultyQubits ?? []);
        var deadEdges = new HashSet<(int, int)>((faultyCouplers ?? []).Select(c => (Math.Min(c.A, c.B), Math.Max(c.A, c.B))));
        var g = new UndirectedGraph<int, SEdge<int>>(allowParallelEdges: false);
        foreach (int v in Graph.Vertices.OrderBy(v => v)) if (!dead.Contains(v)) g.AddVertex(v);
        foreach (var e in Graph.Edges)
        {
            if (dead.Contains(e.Source) || dead.Contains(e.Target)) continue;
            if (deadEdges.Contains((Math.Min(e.Source, e.Target), Math.Max(e.Source, e.Target)))) continue;
            g.AddEdge(e);
        }
        return new IsingTopology(Name + $" minus {dead.Count} qubits/{deadEdges.Count} couplers", IndexSpace, g, Cells);
    }

    /// <summary>User-defined topology from an edge list on qubits 0..qubitCount−1 (self-loops and duplicates rejected).</summary>
    public static IsingTopology FromEdges(int qubitCount, IEnumerable<(int A, int B)> edges, string name = "custom")
    {
        var g = new UndirectedGraph<int, SEdge<int>>(allowParallelEdges: false);
        for (int q = 0; q < qubitCount; q++) g.AddVertex(q);
        foreach (var (a, b) in edges)
        {
            if (a == b) throw new ArgumentException($"Self-loop on qubit {a}.");
            if ((uint)a >= qubitCount || (uint)b >= qubitCount) throw new ArgumentOutOfRangeException(nameof(edges), $"Coupler ({a},{b}) outside 0..{qubitCount - 1}.");
            if (g.ContainsEdge(a, b)) throw new ArgumentException($"Duplicate coupler ({a},{b}).");
            g.AddEdge(new SEdge<int>(Math.Min(a, b), Math.Max(a, b)));
        }
        return new IsingTopology(name, qubitCount, g);
    }
}
