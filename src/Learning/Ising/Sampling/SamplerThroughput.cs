using System.Diagnostics;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Model;
using CircuitNeuro.Learning.Ising.Topology;

namespace CircuitNeuro.Learning.Ising.Sampling;

/// <summary>
/// The sampler-speed problem of issue 8 (shared by the BenchmarkDotNet benchmark and `circuitneuro ising bench`):
/// a ±1 spin glass on the full D-Wave 2000Q Chimera C16 (2,048 spins, 6,016 couplers), h = 0, annealed over
/// neal's default geometric β range. One spin update = one Metropolis proposal.
/// </summary>
public static class SamplerThroughput
{
    public static IsingModel ChimeraSpinGlass(ulong seed)
    {
        var topology = ChimeraTopology.DWave2000Q();
        var random = new RandomStream(seed);
        var model = new IsingModel(topology.IndexSpace);
        foreach (var e in topology.Graph.Edges) model.SetCoupling(e.Source, e.Target, random.NextInt(2) == 0 ? -1.0 : 1.0);
        return model;
    }

    /// <summary>
    /// Anneals <paramref name="reads"/> reads of <paramref name="sweeps"/> sweeps; returns proposals per wall-clock second,
    /// per second of this process's CPU time (the per-core figure on a shared machine) and the best energy.
    /// </summary>
    public static (double UpdatesPerSecond, double UpdatesPerCpuSecond, double BestEnergy, long Updates) Measure(IsingModel model, int sweeps, int reads, ulong seed)
    {
        var sampler = new SimulatedAnnealingSampler(model);
        var schedule = BetaSchedule.ForModel(model, sweeps);
        var random = new RandomStream(seed);
        sampler.Anneal(schedule, 1, random); // warm-up: JIT tiers up before timing
        long before = sampler.SpinUpdates;
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var set = sampler.Anneal(schedule, reads, random);
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpu0).TotalSeconds;
        long updates = sampler.SpinUpdates - before;
        return (updates / seconds, updates / cpuSeconds, set.LowestEnergy, updates);
    }
}
