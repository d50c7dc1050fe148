using BenchmarkDotNet.Attributes;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Sampling;

namespace CircuitNeuro.Bench;

/// <summary>
/// Simulated-annealing throughput on a ±1 spin glass on the full D-Wave 2000Q Chimera C16 (2,048 spins, 6,016
/// couplers), neal's default geometric β range, one read of <see cref="Sweeps"/> sweeps per invocation.
/// One operation = one spin-update proposal. Target (issue 8): ≥ 1e8 proposals per second per core, 0 B allocated
/// inside sweeps (the per-read result arrays are the only allocations).
/// </summary>
[MemoryDiagnoser]
public class IsingBenchmarks
{
    private const int Sweeps = 1000;
    private SimulatedAnnealingSampler _sampler = null!;
    private BetaSchedule _schedule = null!;
    private RandomStream _random = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = SamplerThroughput.ChimeraSpinGlass(7);
        _random = new RandomStream(7);
        _sampler = new SimulatedAnnealingSampler(model);
        _schedule = BetaSchedule.ForModel(model, Sweeps);
    }

    [Benchmark(OperationsPerInvoke = Sweeps * 2048)]
    public double AnnealChimeraC16() => _sampler.Anneal(_schedule, 1, _random).LowestEnergy;
}
