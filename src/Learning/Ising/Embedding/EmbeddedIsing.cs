using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Model;
using CircuitNeuro.Learning.Ising.Topology;

namespace CircuitNeuro.Learning.Ising.Embedding;

/// <summary>
/// A logical Ising problem written onto chains of physical qubits (notes §1.5, [R] Ocean semantics):
/// h_x is split equally over the qubits of chain x, J_xy equally over all couplers between chains x and y, and the
/// couplers of a breadth-first spanning tree of each chain get J = −chainStrength (ferromagnetic, seed L1337).
/// The physical model is indexed compactly: physical spin p is hardware qubit <see cref="QubitOf"/>[p].
/// For an unbroken state, E_physical = E_logical − chainStrength·Σ_x (|chain x| − 1) (<see cref="ChainEnergyOffset"/>).
/// </summary>
public sealed class EmbeddedIsing
{
    private EmbeddedIsing(IsingModel physical, int[] qubitOf, int[][] compactChains, double chainStrength, double offset)
    {
        Physical = physical;
        QubitOf = qubitOf;
        CompactChains = compactChains;
        ChainStrength = chainStrength;
        ChainEnergyOffset = offset;
    }

    public IsingModel Physical { get; }
    public int[] QubitOf { get; }
    /// <summary>Chains as indices into <see cref="Physical"/>.</summary>
    public int[][] CompactChains { get; }
    public double ChainStrength { get; }
    public double ChainEnergyOffset { get; }

    /// <summary>Chain strength relative to the problem scale: factor · max |J| (at least <paramref name="minimum"/>).</summary>
    public static double RelativeChainStrength(IsingModel logical, double factor, double minimum = 0.0) =>
        Math.Max(minimum, factor * logical.MaxAbsCoupling());

    public static EmbeddedIsing Embed(IsingModel logical, Embedding embedding, IsingTopology topology, double chainStrength)
    {
        if (embedding.LogicalCount != logical.SpinCount)
            throw new ArgumentException($"Embedding has {embedding.LogicalCount} chains, problem {logical.SpinCount} spins.");
        if (!(chainStrength >= 0)) throw new ArgumentOutOfRangeException(nameof(chainStrength));
        var compact = new Dictionary<int, int>();
        var qubitOf = new List<int>();
        var chains = new int[embedding.LogicalCount][];
        for (int x = 0; x < embedding.LogicalCount; x++)
        {
            chains[x] = new int[embedding.Chains[x].Length];
            for (int c = 0; c < chains[x].Length; c++)
            {
                int q = embedding.Chains[x][c];
                if (!compact.TryAdd(q, qubitOf.Count)) throw new ArgumentException($"Qubit {q} appears in two chains.");
                chains[x][c] = qubitOf.Count;
                qubitOf.Add(q);
            }
        }
        var physical = new IsingModel(qubitOf.Count);
        double offset = 0;
        for (int x = 0; x < chains.Length; x++)
        {
            foreach (int p in chains[x]) physical.H[p] += logical.H[x] / chains[x].Length;
            foreach (var (a, b) in Embedding.SpanningTree(embedding.Chains[x], topology))
            {
                physical.AddCoupling(compact[a], compact[b], -chainStrength);
                offset -= chainStrength;
            }
        }
        foreach (var (x, y, j) in logical.Couplings)
        {
            var couplers = embedding.CouplersBetween(x, y, topology);
            if (couplers.Count == 0) throw new ArgumentException($"Logical coupling ({x},{y}) has no physical coupler between its chains.");
            foreach (var (p, q) in couplers) physical.AddCoupling(compact[p], compact[q], j / couplers.Count);
        }
        return new EmbeddedIsing(physical, qubitOf.ToArray(), chains, chainStrength, offset);
    }

    /// <summary>
    /// Majority vote per chain; an exactly split chain takes a value drawn from <paramref name="random"/>.
    /// Returns the logical state and the number of broken chains (chains whose qubits disagree).
    /// </summary>
    public (sbyte[] Logical, int BrokenChains) Unembed(ReadOnlySpan<sbyte> physicalState, RandomStream random)
    {
        if (physicalState.Length != Physical.SpinCount) throw new ArgumentException("State size differs from the physical problem.");
        var logical = new sbyte[CompactChains.Length];
        int broken = 0;
        for (int x = 0; x < CompactChains.Length; x++)
        {
            int sum = 0;
            foreach (int p in CompactChains[x]) sum += physicalState[p];
            if (Math.Abs(sum) != CompactChains[x].Length) broken++;
            logical[x] = sum > 0 ? (sbyte)1 : sum < 0 ? (sbyte)-1 : (random.NextInt(2) == 0 ? (sbyte)-1 : (sbyte)1);
        }
        return (logical, broken);
    }

    /// <summary>Physical state with every chain set to its logical spin.</summary>
    public sbyte[] EmbedState(ReadOnlySpan<sbyte> logical)
    {
        var state = new sbyte[Physical.SpinCount];
        for (int x = 0; x < CompactChains.Length; x++) foreach (int p in CompactChains[x]) state[p] = logical[x];
        return state;
    }
}
