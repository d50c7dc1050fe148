using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Elements;

namespace CircuitNeuro.Circuits.Tests.Devices;

/// <summary>
/// One memristor driven through a series resistor by a PWL source inside a transient, against the behavioural
/// pulse integrator (same pulse, same series resistance) and the MathNet RK4 reference with a Brent solve of the divider.
/// Tolerances: final state within 1e-3 of the range and energy within 0.5 % (observed ≤ 4e-4 and ≤ 0.3 %) — the element holds the state during
/// a step (|Δx| ≤ 0.2 % of the range per step here), which the behavioural form does not.
/// </summary>
public class MemristorElementTransientTests
{
    private const double Rs = 1e3;

    private static (double State, double DeviceEnergy, double DeliveredEnergy, int Points) RunCircuit(IMemristorModel model, double x0, ProgrammingPulse pulse, double delay)
    {
        var c = new Circuit();
        c.Add(new VoltageSource("vp", "in", "0", double.NaN, pulse.ToWaveform(delay)));
        c.Add(new Resistor("rs", "in", "a", Rs));
        var m = c.Add(new MemristorElement("ym1", "a", "0", model, x0) { MaxStateChangeFraction = 2e-3 });
        using var sys = new MnaSystem(c);
        double stop = delay + pulse.Width * 1.2;
        var (table, sim) = Analyses.Transient(sys, pulse.Width / 200, stop);
        Assert.Equal(sim.Energy.Delivered(), sim.Energy.Total("rs") + sim.Energy.Total("ym1"), 1e-9 * sim.Energy.Delivered());
        return (m.State, sim.Energy.Total("ym1"), sim.Energy.Delivered(), table.Count);
    }

    public static TheoryData<string> Models => new() { "threshold", "vteam", "yakopcic", "vdsp-hfo2" };

    private static (IMemristorModel Model, MathNetReference.Equations Eq, double X0, ProgrammingPulse Pulse) Case(string name) => name switch
    {
        "threshold" => (new ThresholdMemristor(new ThresholdMemristorParameters { SlopePositive = 30, EtaPositive = 1 }),
            ReferenceEquations.Seed002(1e-5, 1e-4, 30, 30, 1, -1, 1, 0), 2e-5, new RectangularPulse(1.8, 2e-6, 0.1e-6)),
        "vteam" => (new VteamMemristor(), ReferenceEquations.Vteam(8e5, -8e5, 3, 3, 1, -1, 10e3, 100e3), 0.2, new TriangularPulse(1.8, 2e-6)),
        "yakopcic" => (new YakopcicMemristor(), ReferenceEquations.Yakopcic(0.17, 0.17, 0.05, 0.16, 0.15, 4000, 4000, 0.3, 0.5, 1, 5), 0.6,
            new RectangularPulse(-3, 100e-6, 5e-6)),
        _ => (new VdspFittedMemristor(VdspDeviceFits.HfO2), new MathNetReference.Equations(
                (v, w) => v > 0.8038 ? Math.Pow(1 - w, 1.0172) * (Math.Exp(0.9608 * (v - 0.8038)) - 1) / 20e-9 : 0,
                (v, w) => (2.5e-5 + w * 7.5e-5) * v, 0, 1),
            0.3, new TriangularPulse(1.3, 40e-9, 0.4)),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Transient_matches_behavioural_integrator_and_MathNet(string name)
    {
        var (model, eq, x0, pulse) = Case(name);
        var circuit = RunCircuit(model, x0, pulse, delay: 0.1 * pulse.Width);
        var device = new MemristorDevice(model, x0);
        var behavioural = new PulseIntegrator { SeriesResistance = Rs }.Apply(device, pulse);
        var (xRef, eRef) = MathNetReference.Pulse(eq, pulse, x0, seriesResistance: Rs);

        double range = model.StateRange();
        Assert.True(Math.Abs(behavioural.StateChange) > 0.05 * range, $"the pulse should move {name} noticeably ({behavioural.StateChange})");
        Assert.True(Math.Abs(behavioural.StateAfter - xRef) < 1e-5 * range, $"{name}: behavioural {behavioural.StateAfter} vs MathNet {xRef}");
        Assert.True(Math.Abs(circuit.State - xRef) < 1e-3 * range, $"{name}: circuit {circuit.State} vs MathNet {xRef} ({circuit.Points} points)");
        Assert.True(Math.Abs(circuit.DeviceEnergy - eRef) < 5e-3 * eRef, $"{name}: circuit energy {circuit.DeviceEnergy} vs MathNet {eRef}");
        Assert.True(Math.Abs(behavioural.DeviceEnergy - eRef) < 1e-5 * eRef, $"{name}: behavioural energy {behavioural.DeviceEnergy} vs MathNet {eRef}");
    }

    [Fact]
    public void Operating_point_reads_without_moving_the_state()
    {
        var c = new Circuit();
        c.Add(new VoltageSource("v1", "a", "0", 1.5));
        var m = c.Add(new MemristorElement("ym1", "a", "0", new VteamMemristor(), 0.5));
        using var sys = new MnaSystem(c);
        var op = Analyses.OperatingPoint(sys);
        Assert.Equal(0.5, m.State);
        Assert.Equal(-1.5 / 55e3 - 1.5e-12, op["i(v1)"][0], 1e-16); // R(0.5) = 10k + 90k·0.5, gmin = 1e-12 S in parallel
    }
}
