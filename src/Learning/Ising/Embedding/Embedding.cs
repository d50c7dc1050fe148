using CircuitNeuro.Learning.Ising.Topology;

namespace CircuitNeuro.Learning.Ising.Embedding;

/// <summary>
/// A minor embedding: chain (list of physical qubits) per logical spin (seed L2496: "several qubits strongly coupled
/// together to represent the same spin … is called a chain").
/// </summary>
public sealed class Embedding
{
    public Embedding(IReadOnlyList<int[]> chains)
    {
        Chains = chains.Select(c => c.ToArray()).ToArray();
        for (int x = 0; x < Chains.Length; x++)
            if (Chains[x].Length == 0) throw new ArgumentException($"Logical spin {x} has an empty chain.");
    }

    public int[][] Chains { get; }
    public int LogicalCount => Chains.Length;

    public ChainStatistics Statistics()
    {
        var lengths = Chains.Select(c => c.Length).ToArray();
        return new ChainStatistics(lengths.Max(), lengths.Average(), lengths.Sum(), lengths.Sum() / (double)lengths.Length);
    }

    /// <summary>
    /// Structural problems (empty list = valid minor): every chain uses working qubits and induces a connected
    /// subgraph, chains are disjoint, and every logical edge has at least one coupler between its two chains.
    /// </summary>
    public List<string> Problems(IsingTopology topology, IEnumerable<(int A, int B)> logicalEdges)
    {
        var problems = new List<string>();
        var owner = new Dictionary<int, int>();
        for (int x = 0; x < Chains.Length; x++)
        {
            foreach (int q in Chains[x])
            {
                if (!topology.HasQubit(q)) problems.Add($"chain {x} uses missing qubit {q}");
                else if (!owner.TryAdd(q, x)) problems.Add($"qubit {q} in chains {owner[q]} and {x}");
            }
            if (!IsConnected(Chains[x], topology)) problems.Add($"chain {x} is not connected");
        }
        foreach (var (a, b) in logicalEdges)
            if (CouplersBetween(a, b, topology).Count == 0) problems.Add($"no coupler between chains {a} and {b}");
        return problems;
    }

    /// <summary>Physical couplers (p in chain a, q in chain b).</summary>
    public List<(int P, int Q)> CouplersBetween(int a, int b, IsingTopology topology)
    {
        var inB = new HashSet<int>(Chains[b]);
        var adj = topology.Adjacency;
        var result = new List<(int, int)>();
        foreach (int p in Chains[a])
            if (p < adj.Length)
                foreach (int q in adj[p]) if (inB.Contains(q)) result.Add((p, q));
        return result;
    }

    /// <summary>Breadth-first spanning tree of a chain's induced subgraph (the couplers that carry the chain strength).</summary>
    public static List<(int P, int Q)> SpanningTree(int[] chain, IsingTopology topology)
    {
        var members = new HashSet<int>(chain);
        var seen = new HashSet<int> { chain[0] };
        var queue = new Queue<int>();
        queue.Enqueue(chain[0]);
        var tree = new List<(int, int)>();
        var adj = topology.Adjacency;
        while (queue.Count > 0)
        {
            int p = queue.Dequeue();
            foreach (int q in adj[p])
                if (members.Contains(q) && seen.Add(q)) { tree.Add((p, q)); queue.Enqueue(q); }
        }
        if (seen.Count != members.Count) throw new InvalidOperationException("Chain is not connected in the topology.");
        return tree;
    }

    private static bool IsConnected(int[] chain, IsingTopology topology)
    {
        if (chain.Any(q => !topology.HasQubit(q))) return false;
        try { SpanningTree(chain, topology); return true; }
        catch (InvalidOperationException) { return false; }
    }
}

/// <summary>Chain-length statistics (the seed reports "more than 10 qubits per neuron" for 784-120-40, L2863).</summary>
public readonly record struct ChainStatistics(int MaxLength, double MeanLength, int QubitsUsed, double QubitsPerLogicalSpin);

/// <summary>Thrown when a logical graph cannot be placed in a topology.</summary>
public sealed class EmbeddingFailedException : Exception
{
    public EmbeddingFailedException(string message, int failedLogicalSpin, int availableQubits) : base(message)
    {
        FailedLogicalSpin = failedLogicalSpin;
        AvailableQubits = availableQubits;
    }

    /// <summary>Logical spin that could not be given a disjoint chain (−1 when the whole graph is too large).</summary>
    public int FailedLogicalSpin { get; }
    public int AvailableQubits { get; }
}
