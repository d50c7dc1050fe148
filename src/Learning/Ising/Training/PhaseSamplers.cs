using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Embedding;
using CircuitNeuro.Learning.Ising.Model;
using CircuitNeuro.Learning.Ising.Sampling;
using CircuitNeuro.Learning.Ising.Topology;

namespace CircuitNeuro.Learning.Ising.Training;

/// <summary>Outcome of one EP phase: all reads (logical states and energies) and the lowest-energy one kept (L2659).</summary>
public sealed record PhaseResult(SampleSet Reads, int TotalBrokenChains)
{
    public sbyte[] Lowest => Reads.Lowest;
    public double LowestEnergy => Reads.LowestEnergy;
}

/// <summary>Free phase (anneal) and nudged phase (reverse anneal from the free state) on a logical problem (Alg. 9).</summary>
public interface IIsingPhaseSampler
{
    PhaseResult Free(IsingModel logical, int reads, RandomStream random);
    PhaseResult Nudge(IsingModel nudgedLogical, ReadOnlySpan<sbyte> freeState, int reads, RandomStream random);
}

/// <summary>
/// Simulated-annealing phases as in the seed's software baseline (notes §1.9): geometric schedule over neal's
/// default β range (or a fixed schedule, e.g. to model a machine at fixed temperature), 100 sweeps, nudge = reverse
/// anneal to fraction 0.25 of the schedule. Unlike the seed code, every nudge read starts from the free state.
/// </summary>
public sealed class SimulatedAnnealingPhases : IIsingPhaseSampler
{
    public int Sweeps { get; init; } = 100;
    public double ReverseFraction { get; init; } = 0.25;
    /// <summary>When set, used for every problem instead of the per-problem default range.</summary>
    public BetaSchedule? FixedSchedule { get; init; }

    public PhaseResult Free(IsingModel logical, int reads, RandomStream random) =>
        new(new SimulatedAnnealingSampler(logical).Anneal(ScheduleFor(logical), reads, random), 0);

    public PhaseResult Nudge(IsingModel nudgedLogical, ReadOnlySpan<sbyte> freeState, int reads, RandomStream random) =>
        new(new SimulatedAnnealingSampler(nudgedLogical).ReverseAnneal(freeState, ScheduleFor(nudgedLogical).Reverse(ReverseFraction), reads, random), 0);

    internal BetaSchedule ScheduleFor(IsingModel model) => FixedSchedule ?? BetaSchedule.ForModel(model, Sweeps);
}

/// <summary>
/// Phases run on an embedded physical problem (the D-Wave path of Alg. 9: "Set {J, h} on the chip given the Ising
/// problem and the embedding procedure"): embed with a fixed embedding (LazyFixedEmbeddingComposite behaviour,
/// L2657), anneal the physical problem, unembed every read by majority vote, keep the lowest logical energy.
/// </summary>
public sealed class EmbeddedPhases : IIsingPhaseSampler
{
    private readonly Embedding.Embedding _embedding;
    private readonly IsingTopology _topology;
    private readonly SimulatedAnnealingPhases _physical;

    public EmbeddedPhases(Embedding.Embedding embedding, IsingTopology topology, double chainStrength, SimulatedAnnealingPhases? physicalSampler = null)
    {
        _embedding = embedding;
        _topology = topology;
        ChainStrength = chainStrength;
        _physical = physicalSampler ?? new SimulatedAnnealingPhases();
    }

    public double ChainStrength { get; }

    public PhaseResult Free(IsingModel logical, int reads, RandomStream random)
    {
        var embedded = EmbeddedIsing.Embed(logical, _embedding, _topology, ChainStrength);
        var sampler = new SimulatedAnnealingSampler(embedded.Physical);
        return Unembed(logical, embedded, sampler.Anneal(_physical.ScheduleFor(embedded.Physical), reads, random), random);
    }

    public PhaseResult Nudge(IsingModel nudgedLogical, ReadOnlySpan<sbyte> freeState, int reads, RandomStream random)
    {
        var embedded = EmbeddedIsing.Embed(nudgedLogical, _embedding, _topology, ChainStrength);
        var sampler = new SimulatedAnnealingSampler(embedded.Physical);
        var schedule = _physical.ScheduleFor(embedded.Physical).Reverse(_physical.ReverseFraction);
        return Unembed(nudgedLogical, embedded, sampler.ReverseAnneal(embedded.EmbedState(freeState), schedule, reads, random), random);
    }

    private static PhaseResult Unembed(IsingModel logical, EmbeddedIsing embedded, SampleSet physical, RandomStream random)
    {
        int n = logical.SpinCount, broken = 0;
        var states = new sbyte[physical.Reads * n];
        var energies = new double[physical.Reads];
        for (int r = 0; r < physical.Reads; r++)
        {
            var (state, b) = embedded.Unembed(physical.State(r), random);
            broken += b;
            state.CopyTo(states, r * n);
            energies[r] = logical.Energy(state);
        }
        return new PhaseResult(new SampleSet(n, states, energies), broken);
    }
}
