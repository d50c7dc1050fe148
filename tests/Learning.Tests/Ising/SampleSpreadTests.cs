using CircuitNeuro.Learning.Data;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Sampling;
using CircuitNeuro.Learning.Ising.Training;

namespace CircuitNeuro.Learning.Tests.Ising;

public class SampleSpreadTests
{
    [Fact]
    public void RepeatedSamplesAgreeMoreAfterTraining()
    {
        // Seed I6 (Figs. 5.11–5.12, L2740–2766): after training "the network always predicts the same class for the
        // input". 200 free-phase reads (SA, default schedule) on each of 8 inputs, before and after 6 epochs; the
        // fraction of reads disagreeing with the modal class must shrink at least 4-fold and end below 2%
        // (observed with these seeds: 5.5% → 0.1%).
        // NOTE: the seed's other statement, a narrower ENERGY histogram, is not reproduced by this SA model: the
        // energy standard deviation grows with the trained |J| (see the report of issue 8); EnergySpread is exposed
        // so the experiment can be rerun with other samplers/schedules.
        var r = new RandomStream(31);
        var prototypes = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 16).Select(_ => r.NextDouble() < 0.5 ? 1.0 : 0.0).ToArray()).ToArray();
        var labels = Enumerable.Range(0, 120).Select(k => k % 4).ToArray();
        var x = labels.Select(l => prototypes[l].Select(v => r.NextDouble() < 0.1 ? 1 - v : v).ToArray()).ToArray();
        var data = new Dataset("generated", x, labels, RepositoryData.ClassCountOf(labels));
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
}
