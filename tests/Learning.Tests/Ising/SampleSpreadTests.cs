using CircuitNeuro.Learning.Data;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Sampling;
using CircuitNeuro.Learning.Ising.Training;

namespace CircuitNeuro.Learning.Tests.Ising;

/// <summary>
/// Seed I6 (Sec. 5.3.2, Figs. 5.11–5.12, L2740–2766): repeated samples of one input with the same parameters spread
/// widely before training; afterwards the standard deviation of their (centred) energies "drastically shrinks" and the
/// network "always predicts the same class". Both are checked on 16-12-8 networks trained on noisy prototypes.
/// </summary>
public class SampleSpreadTests
{
    private static (Dataset Data, double[][] X) Prototypes(double noise)
    {
        var r = new RandomStream(31);
        var prototypes = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 16).Select(_ => r.NextDouble() < 0.5 ? 1.0 : 0.0).ToArray()).ToArray();
        var labels = Enumerable.Range(0, 120).Select(k => k % 4).ToArray();
        var x = labels.Select(l => prototypes[l].Select(v => r.NextDouble() < noise ? 1 - v : v).ToArray()).ToArray();
        return (new Dataset("generated", x, labels, RepositoryData.ClassCountOf(labels)), x);
    }

    [Fact]
    public void RepeatedSamplesAgreeMoreAfterTraining()
    {
        // 200 free-phase reads (SA, default schedule) on each of 8 inputs, before and after 6 epochs; the fraction of
        // reads disagreeing with the modal class must shrink at least 4-fold and end below 2% (observed: 5.5% → 0.1%).
        var (data, x) = Prototypes(0.1);
        var streams = new RandomStreams(9);
        var net = new IsingLayeredNetwork(16, [12], 4, 2);
        net.Initialize(streams.Get("init"));
        var phases = new SimulatedAnnealingPhases();
        var trainer = new IsingEpTrainer(net, new IsingEpOptions { CouplingLearningRate = 0.05, InputLearningRate = 0.05, BiasLearningRate = 0.005 }, phases);

        double Agreement()
        {
            var s = streams.Get("spread");
            return Enumerable.Range(0, 8).Average(k =>
                SampleStatistics.ModalFraction(phases.Free(net.BuildProblem(x[k]), 200, s).Reads, st => net.Predict(st)));
        }

        double before = Agreement();
        for (int e = 0; e < 6; e++) trainer.TrainEpoch(data, e, streams.Get("train"));
        double after = Agreement();
        Assert.True(1 - after <= 0.25 * (1 - before) && after >= 0.98, $"modal-class agreement {before:F3} → {after:F3}");
    }

    [Fact]
    public void EnergySpreadOfRepeatedSamplesNarrowsAtAFixedTemperature()
    {
        // The seed samples a D-Wave chip: a machine at one fixed temperature, with J and h in fixed hardware units
        // (auto_scale = 0, code [X]). The matching model is one fixed β schedule for "before" and "after", here
        // geometric β 0.1 → 5 over 100 sweeps. (neal's per-problem default schedule rescales β to each problem's own
        // coefficients instead, so it is not a fixed temperature; see the README for why the spread can grow under it.)
        // Training scales the couplings up (|W| 0.01 → 0.2 here), the same temperature is then relatively colder, and
        // the reads fall into the trained basin. Measure: population std of the energies (input biases included: "for
        // the same input and same parameters") of 200 reads on each of 8 inputs, averaged over the inputs.
        // Observed with this seed: 0.458 → 0.181 (×0.40; six init seeds: ×0.18 – ×0.61). Required: ≤ ×0.7.
        var (data, x) = Prototypes(0.2);
        var net = new IsingLayeredNetwork(16, [12], 4, 2);
        net.Initialize(new RandomStream(1));
        var streams = new RandomStreams(9);
        var trainer = new IsingEpTrainer(net, new IsingEpOptions { CouplingLearningRate = 0.1, InputLearningRate = 0.1, BiasLearningRate = 0.01 }, new SimulatedAnnealingPhases());
        var machine = new SimulatedAnnealingPhases { FixedSchedule = BetaSchedule.Geometric(0.1, 5, 100) };

        double Spread(string when)
        {
            var r = streams.Get("spread/" + when);
            return x.Take(8).Average(input => SampleStatistics.EnergySpread(machine.Free(net.BuildProblem(input), 200, r).Reads));
        }

        double before = Spread("before");
        for (int e = 0; e < 15; e++) trainer.TrainEpoch(data, e, streams.Get("train", e));
        double after = Spread("after");
        Assert.True(after <= 0.7 * before, $"energy spread {before:F3} → {after:F3}");
    }
}
