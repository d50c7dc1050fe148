using CircuitNeuro.Learning.Ising.Topology;

namespace CircuitNeuro.Learning.Ising.Embedding;

/// <summary>
/// Structured placement of a complete bipartite layer pair K_{a,b} (hidden ↔ output block of a layered network,
/// notes §1.4) on a Chimera-like cell grid: left spin x = r·t + k becomes the horizontal chain (r, 0..C−1, u=1, k)
/// along cell row r, right spin y = c·t + k the vertical chain (0..R−1, c, u=0, k) along cell column c, with
/// R = ⌈a/t⌉ and C = ⌈b/t⌉. Chains r and c cross in cell (r, c), whose K_{t,t} supplies the coupler. Needs R ≤ m and
/// C ≤ n; chain lengths are C (left) and R (right). The same idea underlies clique/biclique embedders (Boothby,
/// King &amp; Roy 2016, seed ref. [220]).
/// </summary>
public static class BipartiteChimeraPlacement
{
    /// <summary>Chains for spins 0..a−1 (left) then a..a+b−1 (right).</summary>
    public static Embedding Place(int leftCount, int rightCount, IsingTopology topology)
    {
        if (topology.Cells is not { } shape) throw new ArgumentException("Topology has no Chimera cell grid.", nameof(topology));
        int t = shape.ShoreSize;
        int rows = (leftCount + t - 1) / t, cols = (rightCount + t - 1) / t;
        if (rows > shape.Rows || cols > shape.Columns)
            throw new EmbeddingFailedException(
                $"K_{{{leftCount},{rightCount}}} needs {rows}×{cols} cells, topology has {shape.Rows}×{shape.Columns}.",
                rows > shape.Rows ? shape.Rows * t : leftCount + shape.Columns * t, topology.QubitCount);
        var chains = new List<int[]>();
        for (int x = 0; x < leftCount; x++)
            chains.Add(Enumerable.Range(0, cols).Select(j => shape.Linear(x / t, j, 1, x % t)).ToArray());
        for (int y = 0; y < rightCount; y++)
            chains.Add(Enumerable.Range(0, rows).Select(i => shape.Linear(i, y / t, 0, y % t)).ToArray());
        for (int s = 0; s < chains.Count; s++)
            foreach (int q in chains[s])
                if (!topology.HasQubit(q))
                    throw new EmbeddingFailedException($"Structured placement needs faulty qubit {q} for logical spin {s}; use MinorEmbedder instead.", s, topology.QubitCount);
        return new Embedding(chains);
    }
}
