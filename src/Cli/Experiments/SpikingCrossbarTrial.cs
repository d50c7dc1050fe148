using CircuitNeuro.Circuits.Builders;
using CircuitNeuro.Circuits.CoSimulation;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.Neurons.Lif;
using CircuitNeuro.Neurons.Network;
using CircuitNeuro.Neurons.Synapses;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// One sample presented to the spiking crossbar: its own scheduler, network and circuit, and
/// random streams named after the sample, so any sample can be recomputed alone (resume).
/// </summary>
public static class SpikingCrossbarTrial
{
    public static (int Prediction, int Reads, long OutputSpikes, double Energy, double ResistorEnergy) Run(
        InferenceExperimentConfig cfg, double[,] conductances, double[] pixels, int sampleIndex)
    {
        int inputs = conductances.GetLength(0), classes = conductances.GetLength(1);
        var scheduler = new EventScheduler();
        var network = new SpikingNetwork(scheduler, new RandomStreams(cfg.Seed));
        var crossbar = Crossbar.Build(new CrossbarSpec
        {
            Rows = inputs,
            Columns = classes,
            WordLineSegment = cfg.Crossbar.LineResistance,
            BitLineSegment = cfg.Crossbar.LineResistance,
            CellResistance = (i, j) => 1 / conductances[i, j],
            RowVoltage = _ => 0,
        });
        using var cosim = new CircuitCoSimulation(crossbar.Circuit, scheduler, CoSimulationMode.QuasiStatic);
        var weights = new CrossbarSynapticWeights(crossbar, cosim, cfg.Crossbar.ReadVoltage, cfg.Crossbar.ReadDuration, cfg.Neuron.Capacitance);
        var encoder = network.AddPoissonEncoder($"pixels/{sampleIndex}", inputs, cfg.Encoder.MaxRate);
        var lif = new LifParameters
        {
            TauMembrane = cfg.Neuron.TauMembrane,
            RestingPotential = 0,
            ResetPotential = 0,
            Threshold = cfg.Neuron.Threshold,
            RefractoryPeriod = cfg.Neuron.Refractory,
        };
        var output = network.AddPopulation("classes", classes, lif);
        network.Connect(encoder, output, weights);
        encoder.Present(pixels, cfg.Encoder.Window);
        cosim.RunUntil(cfg.Encoder.Window);

        // Most spikes wins; ties (often: no spike at all) go to the highest membrane potential.
        int best = 0;
        for (int j = 1; j < classes; j++)
        {
            long sj = output.SpikeCount(j), sb = output.SpikeCount(best);
            if (sj > sb || (sj == sb && output.PotentialAt(j, cfg.Encoder.Window) > output.PotentialAt(best, cfg.Encoder.Window))) best = j;
        }
        long spikes = Enumerable.Range(0, classes).Sum(j => output.SpikeCount(j));
        var windows = cosim.Energy.Windows;
        return (best, (int)weights.Reads, spikes, windows.Sum(w => w.Delivered),
                windows.Sum(w => w.AbsorbedByCategory.GetValueOrDefault("resistor")));
    }
}
