using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Builders;
using CircuitNeuro.Circuits.CoSimulation;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Elements;
using CircuitNeuro.EventKernel.Scheduling;

namespace CircuitNeuro.Circuits.Tests.CoSimulation;

public class CoSimulationTests
{
    private static CrossbarSpec Spec(Func<int, double> rows) => new()
    {
        Rows = 8, Columns = 6, WordLineSegment = 2.5, BitLineSegment = 2.5,
        CellResistance = (i, j) => 1e4 + 1e3 * (3 * i + 5 * j % 7),
        RowVoltage = rows,
    };

    [Fact]
    public void Event_driven_crossbar_read_equals_standalone_operating_point_and_energy_is_power_times_duration()
    {
        double[] read = [0.1, 0, 0.2, 0.05, 0, 0.15, 0.1, 0.2];
        const double readStart = 1e-6, readWidth = 50e-9;

        var xb = Crossbar.Build(Spec(_ => 0));
        var scheduler = new EventScheduler();
        using var cosim = new CircuitCoSimulation(xb.Circuit, scheduler, CoSimulationMode.QuasiStatic);
        long window = -1;
        double[]? columns = null;
        scheduler.On(StandardEventTypes.Read, (in SimEvent e) =>
        {
            for (int i = 0; i < read.Length; i++) xb.Driver(i).DcValue = read[i];
            cosim.MarkChanged();
            window = cosim.Energy.Open("read");
        });
        scheduler.On(StandardEventTypes.PhaseChange, (in SimEvent e) =>
        {
            columns = xb.ColumnCurrents(cosim.System); // the circuit was solved after the read event
            for (int i = 0; i < read.Length; i++) xb.Driver(i).DcValue = 0;
            cosim.MarkChanged();
            cosim.Energy.Close(window);
        });
        scheduler.Schedule(readStart, scheduler.TypeOf(StandardEventTypes.Read));
        scheduler.Schedule(readStart + readWidth, scheduler.TypeOf(StandardEventTypes.PhaseChange));
        cosim.RunUntil(2e-6);

        var standalone = Crossbar.Build(Spec(i => read[i]));
        using var system = new MnaSystem(standalone.Circuit);
        OperatingPoint.Solve(system);
        var expected = standalone.ColumnCurrents(system);
        Assert.NotNull(columns);
        for (int j = 0; j < expected.Length; j++) Assert.Equal(expected[j], columns![j], 1e-15);

        // Energy of the read window: power delivered by the row drivers, held for the read width.
        double power = Enumerable.Range(0, read.Length).Sum(i => -read[i] * system.Solution[standalone.Driver(i).Branch]);
        var energy = Assert.Single(cosim.Energy.Windows);
        Assert.Equal(power * readWidth, energy.Delivered, 1e-12 * power * readWidth);
        Assert.Equal(energy.Delivered, energy.AbsorbedByCategory["resistor"], 1e-9 * energy.Delivered);
        Assert.Equal(0, cosim.Ledger.Delivered() - energy.Delivered, 1e-25); // nothing outside the read
    }

    [Fact]
    public void Transient_mode_integrates_a_programming_pulse_and_charges_its_energy_to_the_update()
    {
        const double r = 1e3, c = 1e-9, tau = r * c, amplitude = 1.2, width = 0.7e-6, start = 0.3e-6;
        var circuit = new Circuit();
        var driver = circuit.Add(new VoltageSource("vp", "in", "0", 0));
        circuit.Add(new Resistor("r1", "in", "x", r));
        circuit.Add(new Capacitor("c1", "x", "0", c));
        var scheduler = new EventScheduler();
        using var cosim = new CircuitCoSimulation(circuit, scheduler, CoSimulationMode.Transient, transientMaxStep: tau / 20, horizon: 5e-6);
        long window = -1;
        double vAtEnd = double.NaN;
        scheduler.On(StandardEventTypes.PulseStart, (in SimEvent e) =>
        {
            driver.DcValue = e.Payload;
            cosim.MarkChanged();
            window = cosim.Energy.Open("update");
        });
        scheduler.On(StandardEventTypes.PulseEnd, (in SimEvent e) =>
        {
            vAtEnd = cosim.System.Voltage("x");
            driver.DcValue = 0;
            cosim.MarkChanged();
            cosim.Energy.Close(window);
        });
        ProgrammingPulseEvents.Schedule(scheduler, start, width, amplitude, shapeId: 0, target: 0);
        cosim.RunUntil(5e-6);

        double fraction = 1 - Math.Exp(-width / tau);
        Assert.Equal(amplitude * fraction, vAtEnd, 1e-3 * amplitude);
        // The source delivers ∫ V·i dt = C·V²·(1 − e^{−w/τ}) during the pulse.
        var update = Assert.Single(cosim.Energy.Windows);
        double expected = c * amplitude * amplitude * fraction;
        Assert.Equal(expected, update.Delivered, 5e-3 * expected);
        Assert.Equal(start, update.Start, 1e-18);
        Assert.Equal(start + width, update.End, 1e-18);
    }

    [Fact]
    public void Programming_pulse_events_drive_a_memristor_like_the_behavioural_pulse_integrator()
    {
        const double rs = 1e3, amplitude = 1.8, width = 2e-6, start = 1e-6, x0 = 2e-5;
        var model = new ThresholdMemristor(new ThresholdMemristorParameters { SlopePositive = 30, EtaPositive = 1 });
        var circuit = new Circuit();
        var driver = circuit.Add(new VoltageSource("vp", "in", "0", 0));
        circuit.Add(new Resistor("rs", "in", "a", rs));
        var device = circuit.Add(new MemristorElement("ym1", "a", "0", model, x0) { MaxStateChangeFraction = 2e-3 });
        var scheduler = new EventScheduler();
        using var cosim = new CircuitCoSimulation(circuit, scheduler, CoSimulationMode.Transient, transientMaxStep: width / 200, horizon: 10e-6);
        long window = -1;
        scheduler.On(StandardEventTypes.PulseStart, (in SimEvent e) => { driver.DcValue = e.Payload; cosim.MarkChanged(); window = cosim.Energy.Open("update"); });
        scheduler.On(StandardEventTypes.PulseEnd, (in SimEvent e) => { driver.DcValue = 0; cosim.MarkChanged(); cosim.Energy.Close(window); });
        ProgrammingPulseEvents.Schedule(scheduler, start, width, amplitude, shapeId: 0, target: 0);
        cosim.RunUntil(5e-6);

        var reference = new PulseIntegrator { SeriesResistance = rs }.Apply(new MemristorDevice(model, x0), new RectangularPulse(amplitude, width));
        double range = model.StateRange();
        Assert.True(reference.StateChange > 0.05 * range, "the pulse must move the device");
        Assert.Equal(reference.StateAfter, device.State, 2e-3 * range);
        var update = Assert.Single(cosim.Energy.Windows);
        Assert.Equal(reference.DeliveredEnergy, update.Delivered, 5e-3 * reference.DeliveredEnergy);
        Assert.Equal(reference.DeviceEnergy, update.AbsorbedByCategory["memristor"], 5e-3 * reference.DeviceEnergy);
    }
}
