using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.ResistiveEp;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>EP updates written as programming pulses through a device model (issue 6: "applied as programming pulses through the device models").</summary>
public class PulseProgrammingTests
{
    internal const double Gmin = 1e-7, Gmax = 1e-4, Slope = 2e2, Vth = 1.0, V = 1.5, Width = 20e-9;

    private static ThresholdMemristor Linear(double eta = 0) => Device(eta);

    /// <summary>The seed-002 threshold model (Eq. 3.2) with equal slopes and thresholds, non-linearity η.</summary>
    internal static ThresholdMemristor Device(double eta = 0, double gmin = Gmin, double gmax = Gmax) => new(new ThresholdMemristorParameters
    {
        Gmin = gmin, Gmax = gmax, SlopePositive = Slope, SlopeNegative = Slope, ThresholdPositive = Vth, ThresholdNegative = -Vth,
        EtaPositive = eta, EtaNegative = eta,
    });

    internal static PulseProgramming Pulses(IMemristorModel device, double width = Width, int mapPoints = 0) =>
        new(device, new RectangularPulse(V, width), new RectangularPulse(-V, width), mapPoints: mapPoints);

    [Theory]
    [InlineData(0)]    // every pulse integrated
    [InlineData(4097)] // through the tabulated one-pulse map (what the fast trainer uses at MNIST size)
    public void Linear_device_writes_whole_pulses_and_charges_their_closed_form_energy(int mapPoints)
    {
        // Seed 002 Eq. 3.2 with η = 0: dG/dt = slope·(V − Vth) above threshold, so one rectangular pulse moves G by
        // slope·(V − Vth)·w and dissipates ∫V·G(t)·V dt = V²·w·(G_start + ΔG/2).
        var programming = Pulses(Linear(), mapPoints: mapPoints);
        double step = Slope * (V - Vth) * Width;
        Assert.Equal(step, programming.SetStep, 1e-9 * step);
        Assert.Equal(-step, programming.ResetStep, 1e-9 * step);

        double g0 = 40e-6, g1 = 60e-6;
        double[] g = [g0, g1];
        var (energy, pulses) = programming.Program(g, [g0 + 3.2 * step, g1 - 1.6 * step]);
        Assert.Equal(5, pulses); // 3 SET on the first device, 2 RESET on the second
        Assert.Equal(g0 + 3 * step, g[0], 1e-9 * g0);
        Assert.Equal(g1 - 2 * step, g[1], 1e-9 * g1);
        double expected = Enumerable.Range(0, 3).Sum(k => V * V * Width * (g0 + k * step + step / 2))
                        + Enumerable.Range(0, 2).Sum(k => V * V * Width * (g1 - k * step - step / 2));
        Assert.Equal(expected, energy, 1e-6 * expected);
    }

    [Fact]
    public void One_pulse_map_follows_the_integrated_nonlinear_device()
    {
        // η = 1.5: the one-pulse step varies by e^1.5 across the window; the map's linear interpolation must stay
        // within 1e-6 of a step (state) and of a pulse's energy of what integrating each pulse gives.
        var exact = Pulses(Linear(eta: 1.5));
        var mapped = Pulses(Linear(eta: 1.5), mapPoints: 4097);
        var r = new RandomStreams(8).Get("states");
        for (int trial = 0; trial < 40; trial++)
        {
            double g = Gmin + r.NextDouble() * (Gmax - Gmin), change = (r.NextDouble() - 0.5) * 20 * exact.SetStep;
            double[] a = [g], b = [g];
            var (ea, na) = exact.Program(a, [g + change]);
            var (eb, nb) = mapped.Program(b, [g + change]);
            Assert.Equal(na, nb);
            Assert.True(Math.Abs(a[0] - b[0]) <= 1e-6 * Math.Max(1, na) * exact.SetStep, $"state at {g:G6}: {a[0]:G10} vs {b[0]:G10}");
            Assert.True(Math.Abs(ea - eb) <= 1e-6 * Math.Max(ea, 1e-30), $"energy at {g:G6}: {ea:G10} vs {eb:G10}");
        }
    }

    [Fact]
    public void Training_with_pulses_reports_programming_energy_and_numbers_report_none()
    {
        var spec = XorTrainingTests.XorSpec with { ConductanceMin = Gmin, ConductanceMax = Gmax };
        (double[] X, double[] Y)[] data = [([0, 1], [0.5]), ([1, 1], [-0.5])];
        var options = new EpTrainingOptions { LearningRate = 0.05 };

        var layout = ResistiveEpCircuit.Build(spec, new RandomStreams(6).Get("weights"));
        layout.Circuit.Options = new SimulationOptions { RelTol = 1e-9, VnTol = 1e-12 };
        var programming = Pulses(Linear());
        using (var pulsed = new ResistiveEpTrainer(layout, options, programming: programming))
        {
            var report = pulsed.TrainEpoch(data);
            Assert.True(report.PulsesPerUpdate > 0);
            Assert.True(report.ProgrammingEnergyPerUpdate > 0);
        }

        var plain = ResistiveEpCircuit.Build(spec, new RandomStreams(6).Get("weights"));
        plain.Circuit.Options = layout.Circuit.Options;
        using var numbers = new ResistiveEpTrainer(plain, options);
        var r = numbers.TrainEpoch(data);
        Assert.Equal(0, r.PulsesPerUpdate);
        Assert.Equal(0, r.ProgrammingEnergyPerUpdate);

        var mismatched = ResistiveEpCircuit.Build(spec with { ConductanceMax = 2 * Gmax }, new RandomStreams(6).Get("weights"));
        Assert.Throws<ArgumentException>(() => new ResistiveEpTrainer(mismatched, options, programming: programming));
    }
}
