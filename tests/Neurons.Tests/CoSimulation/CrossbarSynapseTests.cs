using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Builders;
using CircuitNeuro.Circuits.CoSimulation;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.EventKernel.Scheduling;
using CircuitNeuro.Neurons.Lif;
using CircuitNeuro.Neurons.Network;
using CircuitNeuro.Neurons.Synapses;

namespace CircuitNeuro.Neurons.Tests.CoSimulation;

/// <summary>A crossbar column current feeds a LIF neuron: the spike-driven read must equal the engine's standalone solve.</summary>
public class CrossbarSynapseTests
{
    private static CrossbarSpec Spec(Func<int, double> rows) => new()
    {
        Rows = 5, Columns = 3, WordLineSegment = 10, BitLineSegment = 10,
        CellResistance = (i, j) => 2e4 + 7e3 * ((2 * i + 3 * j) % 5),
        RowVoltage = rows,
    };

    [Fact]
    public void Input_spike_reads_its_row_and_moves_each_membrane_by_column_charge_over_capacitance()
    {
        const double vRead = 0.2, tRead = 10e-9, cMem = 1e-12, spikeTime = 1e-3;
        const int row = 2;
        var scheduler = new EventScheduler();
        var network = new SpikingNetwork(scheduler, new RandomStreams(7));
        var xb = Crossbar.Build(Spec(_ => 0));
        using var cosim = new CircuitCoSimulation(xb.Circuit, scheduler, CoSimulationMode.QuasiStatic);
        var weights = new CrossbarSynapticWeights(xb, cosim, vRead, tRead, cMem);
        var input = network.AddSpikeTimes("in", 5, [(row, spikeTime)]);
        var lif = new LifParameters { Threshold = 10, RefractoryPeriod = 0 }; // never fires: we look at the jump
        var outputs = network.AddPopulation("out", 3, lif);
        network.Connect(input, outputs, weights);
        cosim.RunUntil(spikeTime);

        var standalone = Crossbar.Build(Spec(i => i == row ? vRead : 0));
        using var system = new MnaSystem(standalone.Circuit);
        OperatingPoint.Solve(system);
        var columns = standalone.ColumnCurrents(system);
        for (int j = 0; j < 3; j++)
        {
            double jump = outputs.PotentialAt(j, spikeTime) - lif.RestingPotential;
            Assert.Equal(columns[j] * tRead / cMem, jump, 1e-12);
            // Line resistance makes the read smaller than the ideal V·G product, and only slightly.
            double ideal = vRead / standalone.Cell(row, j).Resistance * tRead / cMem;
            Assert.InRange(jump / ideal, 0.99, 1.0);
        }

        var read = Assert.Single(cosim.Energy.Windows);
        Assert.Equal("read", read.Activity);
        double driverCurrent = -system.Solution[standalone.Driver(row).Branch];
        Assert.Equal(vRead * driverCurrent * tRead, read.Delivered, 1e-12 * read.Delivered);
        Assert.Equal(1, weights.Reads);
    }
}
