using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Topology;

namespace CircuitNeuro.Learning.Ising.Embedding;

/// <summary>Search limits of <see cref="MinorEmbedder"/>.</summary>
public sealed record MinorEmbedderOptions
{
    /// <summary>Independent restarts before giving up.</summary>
    public int Tries { get; init; } = 4;
    /// <summary>Rerouting passes per try without fewer overlaps before the try is abandoned.</summary>
    public int StallPasses { get; init; } = 100;
    /// <summary>Passes without a shorter embedding spent shortening chains after the first overlap-free embedding.</summary>
    public int RefinementPasses { get; init; } = 20;
    public int MaxPasses { get; init; } = 400;
    /// <summary>While stalled, every this many passes the sharing chains and the longest chain are torn out and re-placed.</summary>
    public int PerturbEvery { get; init; } = 10;
}

/// <summary>
/// Heuristic minor embedding in the spirit of Cai, Macready &amp; Roy, "A practical heuristic for finding graph minors"
/// (arXiv:1406.2741, 2014) — the method behind D-Wave's minorminer and hence the seed's LazyFixedEmbeddingComposite
/// (L2657). Each pass tears out one logical spin's chain at a time and re-grows it: vertex-weighted Dijkstra from every
/// embedded neighbour's chain, root g* = argmin_g Σ_y d_y(g), where d_y(g) is the weighted path length from chain y
/// to g including w(g) (so w(g) is paid once per neighbour and a root on a crowded qubit is expensive); the chain is a
/// tree grown from g* that joins each neighbour chain by the shortest path from its nearest member (a Steiner-tree
/// heuristic; trees are grown from the 8 cheapest roots and the lightest is kept). Chains may share qubits while searching. Sharing is
/// priced by negotiated congestion (PathFinder, McMurchie &amp; Ebeling 1995): w(q) = (1 + history_q)(1 + p·use_q),
/// where the present-use factor p doubles every pass and history_q grows by the excess use of q after every pass, so
/// chains that keep fighting for a qubit learn to detour. When passes stall, the sharing chains and the longest
/// chain are ripped up and re-placed with p reset. After the first overlap-free embedding the weights become
/// α^use_q (α = qubit count: practically no sharing) and passes shorten chains; the shortest valid result is kept.
/// All choices (orders, tie-breaks) come from the caller's seeded stream.
/// </summary>
public sealed class MinorEmbedder
{
    private readonly IsingTopology _topology;
    private readonly int[][] _adj;
    private readonly int[] _qubits;
    private readonly double _alpha;
    private readonly MinorEmbedderOptions _options;
    private readonly PriorityQueue<int, double> _queue = new();
    private const double InitialPresentFactor = 2.0, PresentFactorCap = 1e100;
    // Roots tried per chain placement (8 of the cheapest: K11 in C3 19/20 and K14 in C4 19/20 per try, vs 17 and 16 with one).
    private const int RootCandidates = 8;
    private int[] _usage = [];
    private double[] _history = [];
    private double _presentFactor;
    private bool _refining;

    public MinorEmbedder(IsingTopology topology, MinorEmbedderOptions? options = null)
    {
        _topology = topology;
        _adj = topology.Adjacency;
        _qubits = topology.Qubits;
        _options = options ?? new MinorEmbedderOptions();
        _alpha = Math.Max(2.0, _qubits.Length);
    }

    /// <summary>Embeds the logical graph (spins 0..logicalCount−1, undirected edges) or throws <see cref="EmbeddingFailedException"/>.</summary>
    public Embedding Find(int logicalCount, IEnumerable<(int A, int B)> logicalEdges, RandomStream random)
    {
        var neighbours = new List<int>[logicalCount];
        for (int x = 0; x < logicalCount; x++) neighbours[x] = new List<int>();
        foreach (var (a, b) in logicalEdges.Distinct())
        {
            if (a == b || (uint)a >= logicalCount || (uint)b >= logicalCount) throw new ArgumentException($"Bad logical edge ({a},{b}).");
            if (!neighbours[a].Contains(b)) { neighbours[a].Add(b); neighbours[b].Add(a); }
        }
        if (logicalCount > _qubits.Length)
            throw new EmbeddingFailedException($"{logicalCount} logical spins cannot fit on {_qubits.Length} working qubits.", -1, _qubits.Length);

        int worst = -1;
        for (int attempt = 0; attempt < _options.Tries; attempt++)
        {
            var result = TryOnce(logicalCount, neighbours, random, out worst);
            if (result is not null) return result;
        }
        throw new EmbeddingFailedException(
            $"No overlap-free embedding of {logicalCount} logical spins on {_topology.Name} ({_qubits.Length} working qubits) after {_options.Tries} tries; logical spin {worst} (degree {neighbours[Math.Max(worst, 0)].Count}) still shares qubits.",
            worst, _qubits.Length);
    }

    private Embedding? TryOnce(int count, List<int>[] neighbours, RandomStream random, out int worst)
    {
        _usage = new int[_topology.IndexSpace];
        _history = new double[_topology.IndexSpace];
        _presentFactor = InitialPresentFactor;
        _refining = false;
        var chains = new List<int>[count];
        for (int x = 0; x < count; x++) chains[x] = new List<int>();
        var order = Enumerable.Range(0, count).ToArray();
        Shuffle(order, random);
        foreach (int x in order) Place(x, chains, neighbours, random);

        int[][]? best = null;
        (int Max, int Total) bestSize = (int.MaxValue, int.MaxValue);
        (int MaxUse, int Overlap) bestOverlap = (int.MaxValue, int.MaxValue);
        int stale = 0;
        for (int pass = 0; pass < _options.MaxPasses; pass++)
        {
            var (maxUse, overlap) = OverlapStatus();
            if (overlap == 0)
            {
                _refining = true;
                var size = (chains.Max(c => c.Count), chains.Sum(c => c.Count));
                if (size.CompareTo(bestSize) < 0) { bestSize = size; best = chains.Select(c => c.ToArray()).ToArray(); stale = 0; }
                else if (++stale >= _options.RefinementPasses) break;
            }
            else if (best is null)
            {
                if ((maxUse, overlap).CompareTo(bestOverlap) < 0) { bestOverlap = (maxUse, overlap); stale = 0; }
                else if (++stale >= _options.StallPasses) break;
                else if (stale % _options.PerturbEvery == 0) RipUp(chains, neighbours, random);
            }
            if (!_refining)
            {
                foreach (int q in _qubits) if (_usage[q] > 1) _history[q] += _usage[q] - 1;
                _presentFactor = Math.Min(2 * _presentFactor, PresentFactorCap);
            }
            Shuffle(order, random);
            foreach (int x in order)
            {
                foreach (int q in chains[x]) _usage[q]--;
                chains[x].Clear();
                Place(x, chains, neighbours, random);
            }
        }
        worst = -1;
        if (best is not null) return new Embedding(best);
        int worstShared = -1;
        for (int x = 0; x < count; x++)
        {
            int shared = chains[x].Count(q => _usage[q] > 1);
            if (shared > worstShared) { worstShared = shared; worst = x; }
        }
        return null;
    }

    /// <summary>Stalled: tears out the chains that share qubits and the longest chain, re-places them with a fresh present-use factor.</summary>
    private void RipUp(List<int>[] chains, List<int>[] neighbours, RandomStream random)
    {
        var torn = new HashSet<int>();
        for (int x = 0; x < chains.Length; x++)
            if (chains[x].Any(q => _usage[q] > 1)) torn.Add(x);
        torn.Add(Enumerable.Range(0, chains.Length).MaxBy(x => chains[x].Count));
        var order = torn.OrderBy(x => x).ToArray();
        foreach (int x in order) { foreach (int q in chains[x]) _usage[q]--; chains[x].Clear(); }
        _presentFactor = InitialPresentFactor;
        Shuffle(order, random);
        foreach (int x in order) Place(x, chains, neighbours, random);
    }

    private (int MaxUse, int Overlap) OverlapStatus()
    {
        int max = 0, overlap = 0;
        foreach (int q in _qubits) { max = Math.Max(max, _usage[q]); overlap += Math.Max(0, _usage[q] - 1); }
        return (max, overlap);
    }

    private double Weight(int q) => _refining
        ? Math.Pow(_alpha, Math.Min(_usage[q], 64))
        : (1 + _history[q]) * (1 + _presentFactor * _usage[q]);

    /// <summary>Grows the chain of logical spin x (its old chain already removed from the usage counts).</summary>
    private void Place(int x, List<int>[] chains, List<int>[] neighbours, RandomStream random)
    {
        var placed = neighbours[x].Where(y => chains[y].Count > 0).ToList();
        var chain = chains[x];
        if (placed.Count == 0)
        {
            chain.Add(RandomArgMin(q => Weight(q), random));
        }
        else
        {
            int space = _topology.IndexSpace;
            var cost = new double[space];
            var parents = new int[placed.Count][];
            var inChain = new bool[placed.Count][];
            var dists = new double[placed.Count][];
            for (int k = 0; k < placed.Count; k++)
            {
                (dists[k], parents[k], inChain[k]) = Dijkstra(chains[placed[k]]);
                foreach (int g in _qubits) cost[g] += inChain[k][g] ? Weight(g) : dists[k][g];
            }
            int root = RandomArgMin(g => cost[g], random);
            if (double.IsPositiveInfinity(cost[root]))
                throw new EmbeddingFailedException($"Logical spin {x}: its neighbours' chains are not reachable from a common qubit (disconnected topology).", x, _qubits.Length);
            // The root cost only estimates the chain's weight; grow trees from the best few roots and keep the lightest.
            var tree = GrowTree(root, dists, parents, inChain);
            double lightest = tree.Sum(Weight);
            foreach (int candidate in _qubits.Where(g => g != root && double.IsFinite(cost[g])).OrderBy(g => cost[g]).Take(RootCandidates - 1))
            {
                var other = GrowTree(candidate, dists, parents, inChain);
                double weight = other.Sum(Weight);
                if (weight < lightest) { lightest = weight; tree = other; }
            }
            chain.AddRange(tree.OrderBy(q => q));
        }
        foreach (int q in chain) _usage[q]++;
    }

    /// <summary>
    /// The chain as a tree grown from the root: neighbour chains nearest the root first, each joined by the shortest
    /// path from whichever chain member is closest to it (cheaper than one path from the root per neighbour).
    /// </summary>
    private HashSet<int> GrowTree(int root, double[][] dists, int[][] parents, bool[][] inChain)
    {
        var members = new HashSet<int> { root };
        foreach (int k in Enumerable.Range(0, dists.Length).OrderBy(k => dists[k][root]))
        {
            int start = root;
            double best = double.PositiveInfinity;
            foreach (int m in members)
            {
                double extra = inChain[k][m] ? 0 : dists[k][m] - Weight(m);
                if (extra < best) { best = extra; start = m; }
            }
            for (int v = start; !inChain[k][v]; v = parents[k][v]) members.Add(v);
        }
        return members;
    }

    /// <summary>Vertex-weighted shortest paths from a chain: d(v) = Σ w over the path's vertices except the source.</summary>
    private (double[] Dist, int[] Parent, bool[] InSource) Dijkstra(List<int> sources)
    {
        int space = _topology.IndexSpace;
        var dist = new double[space];
        var parent = new int[space];
        var inSource = new bool[space];
        Array.Fill(dist, double.PositiveInfinity);
        _queue.Clear();
        foreach (int s in sources) { dist[s] = 0; parent[s] = -1; inSource[s] = true; _queue.Enqueue(s, 0); }
        while (_queue.TryDequeue(out int u, out double du))
        {
            if (du > dist[u]) continue;
            foreach (int v in _adj[u])
            {
                double dv = du + Weight(v);
                if (dv < dist[v]) { dist[v] = dv; parent[v] = u; _queue.Enqueue(v, dv); }
            }
        }
        return (dist, parent, inSource);
    }

    private int RandomArgMin(Func<int, double> score, RandomStream random)
    {
        double best = double.PositiveInfinity;
        int choice = _qubits[0], ties = 0;
        foreach (int q in _qubits)
        {
            double s = score(q);
            if (s < best) { best = s; choice = q; ties = 1; }
            else if (s == best && random.NextInt(++ties) == 0) choice = q; // reservoir sampling: uniform among ties
        }
        return choice;
    }

    private static void Shuffle(int[] items, RandomStream random)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
