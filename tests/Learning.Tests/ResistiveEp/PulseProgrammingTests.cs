using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.ResistiveEp;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>EP updates written as programming pulses through a device model (issue 6: "applied as programming pulses through the device models").</summary>
public class PulseProgrammingTests
{
    private const double Gmin = 1e-7, Gmax = 1e-4, Slope = 2e2, Vth = 1.0, V = 1.5, Width = 20e-9;

    private static ThresholdMemristor Linear(double eta = 0) => new(new ThresholdMemristorParameters
    {
        Gmin = Gmin, Gmax = Gmax, SlopePositive = Slope, SlopeNegative = Slope, ThresholdPositive = Vth, ThresholdNegative = -Vth,
        EtaPositive = eta, EtaNegative = eta,
    });

    [Fact]
    public void Linear_device_writes_whole_pulses_and_charges_their_closed_form_energy()
    {
        // Seed 002 Eq. 3.2 with η = 0: dG/dt = slope·(V − Vth) above threshold, so one rectangular pulse moves G by
        // slope·(V − Vth)·w and dissipates ∫V·G(t)·V dt = V²·w·(G_start + ΔG/2).
        var programming = new PulseProgramming(Linear(), new RectangularPulse(V, Width), new RectangularPulse(-V, Width));
        double step = Slope * (V - Vth) * Width;
        Assert.Equal(step, programming.SetStep, 1e-9 * step);
        Assert.Equal(-step, programming.ResetStep, 1e-9 * step);

        double g0 = 40e-6, g1 = 60e-6;
        var (written, energy, pulses) = programming.Apply([g0, g1], [g0 + 3.2 * step, g1 - 1.6 * step]);
        Assert.Equal(5, pulses); // 3 SET on the first device, 2 RESET on the second
        Assert.Equal(g0 + 3 * step, written[0], 1e-9 * g0);
        Assert.Equal(g1 - 2 * step, written[1], 1e-9 * g1);
        double expected = Enumerable.Range(0, 3).Sum(k => V * V * Width * (g0 + k * step + step / 2))
                        + Enumerable.Range(0, 2).Sum(k => V * V * Width * (g1 - k * step - step / 2));
        Assert.Equal(expected, energy, 1e-6 * expected);
    }

    [Fact]
    public void Nonlinear_device_writes_a_different_change_than_asked()
    {
        // η > 0 (as printed): SET steps grow with G, so from the top of the window the same pulse count overshoots.
        var programming = new PulseProgramming(Linear(eta: 1.5), new RectangularPulse(V, Width), new RectangularPulse(-V, Width));
        double g = 0.8 * Gmax, want = g + 4 * programming.SetStep;
        var (written, _, pulses) = programming.Apply([g], [want]);
        Assert.Equal(4, pulses);
        Assert.True(written[0] - g > 1.1 * (want - g), $"written {written[0]:G6} vs wanted {want:G6}");
    }

    [Fact]
    public void Training_with_pulses_reports_programming_energy_and_numbers_report_none()
    {
        var spec = XorTrainingTests.XorSpec with { ConductanceMin = Gmin, ConductanceMax = Gmax };
        (double[] X, double[] Y)[] data = [([0, 1], [0.5]), ([1, 1], [-0.5])];
        var options = new EpTrainingOptions { LearningRate = 0.05 };

        var layout = ResistiveEpCircuit.Build(spec, new RandomStreams(6).Get("weights"));
        layout.Circuit.Options = new SimulationOptions { RelTol = 1e-9, VnTol = 1e-12 };
        var programming = new PulseProgramming(Linear(), new RectangularPulse(V, Width), new RectangularPulse(-V, Width));
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
