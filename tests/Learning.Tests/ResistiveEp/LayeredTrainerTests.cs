using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.ResistiveEp;
using Xunit.Abstractions;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>
/// The fast trainer against the event-driven MNA trainer on the same samples: conductances after the
/// updates, free loss, energy per phase and per element class (the MNA side measured by the
/// quasi-static energy ledger over the circuit's elements).
/// </summary>
public class LayeredTrainerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("3-4-3-2 clamps ±0.4, B=A", 52, true)]
    [InlineData("3-4-2 clamps ±0.4, B=A/16", 51, false)]
    [InlineData("64-32-10 clamps ±0.4, B=A/16 (Digits size)", 55, true)]
    public void Fast_trainer_reproduces_the_mna_trainer(string name, ulong seed, bool centered)
    {
        var spec = LayeredEquilibriumTests.SpecOf(name);
        var options = new EpTrainingOptions { Beta = 1e-5, Centered = centered, LearningRate = 0.5, PhaseDuration = 1e-6 };
        var r = new RandomStreams(seed).Get("samples");
        var samples = Enumerable.Range(0, 6)
            .Select(_ => (EpTestNetworks.Uniform(r, spec.Inputs, 0, 1), EpTestNetworks.Uniform(r, spec.Outputs, -0.5, 0.5))).ToList();

        var layout = ResistiveEpCircuit.Build(spec, new RandomStreams(seed).Get("weights"));
        layout.Circuit.Options = ResistiveEpNetwork.PreciseOptions;
        var fast = new LayeredEpTrainer(spec, options, layout.Conductances(), layout.Circuit.Options);
        var initial = layout.Conductances();
        using var mna = new ResistiveEpTrainer(layout, options);
        var expected = mna.TrainEpoch(samples);
        var actual = fast.TrainEpoch(samples);

        var gMna = layout.Conductances();
        double G = spec.ConductanceMax;
        double moved = gMna.Zip(initial).Max(p => Math.Abs(p.First - p.Second));
        double worst = gMna.Zip(fast.Conductances).Max(p => Math.Abs(p.First - p.Second));
        output.WriteLine($"{name}: largest update {moved / G:G3} G, largest fast − MNA conductance {worst / G:G3} G");
        Assert.True(moved > 1e-4 * G, "the updates barely moved the conductances");
        Assert.True(worst <= 1e-9 * moved, $"conductances differ by {worst / moved:G3} of the largest update");

        Close(expected.MeanFreeLoss, actual.MeanFreeLoss, "free loss");
        Close(expected.EnergyPerSample, actual.EnergyPerSample, "energy per sample");
        Close(expected.MeanRelativeUpdate, actual.MeanRelativeUpdate, "mean relative update");
        Assert.Equal(expected.EnergyPerPhase.Keys.Order(), actual.EnergyPerPhase.Keys.Order());
        foreach (var (phase, e) in expected.EnergyPerPhase) Close(e, actual.EnergyPerPhase[phase], $"energy of phase {phase}");
        Assert.Equal(expected.AbsorbedPerSample.Keys.Order(), actual.AbsorbedPerSample.Keys.Order());
        double total = expected.EnergyPerSample;
        foreach (var (category, e) in expected.AbsorbedPerSample)
        {
            output.WriteLine($"  absorbed by {category}: MNA {e:G10} J, fast {actual.AbsorbedPerSample[category]:G10} J");
            Assert.True(Math.Abs(e - actual.AbsorbedPerSample[category]) <= 1e-9 * total, $"absorbed by {category}");
        }
        Assert.Equal(mna.Scheduler.Now, fast.Scheduler.Now);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)] // devices that differ (window, slopes, thresholds drawn per device)
    [InlineData(false, true)] // cycle-to-cycle noise on every pulse
    [InlineData(true, true)]
    public void Fast_trainer_with_pulses_reproduces_the_mna_trainer_with_pulses(bool spread, bool noise)
    {
        // Both trainers write through PulseProgramming.Program (nonlinear η = 1.5 threshold device, every nominal pulse
        // integrated, devices that differ in closed form), with a learning-rate factor per layer: written conductances,
        // pulse counts and programming energy must agree. With variability both draw the same devices from the same seed
        // and the same noise in the same order.
        const ulong seed = 52;
        var spec = LayeredEquilibriumTests.SpecOf("3-4-3-2 clamps ±0.4, B=A");
        var options = new EpTrainingOptions { Beta = 1e-5, LearningRate = 0.5, LayerRates = [1, 0.5, 2] };
        var r = new RandomStreams(seed).Get("samples");
        var samples = Enumerable.Range(0, 6)
            .Select(_ => (EpTestNetworks.Uniform(r, spec.Inputs, 0, 1), EpTestNetworks.Uniform(r, spec.Outputs, -0.5, 0.5))).ToList();
        var device = PulseProgrammingTests.Device(eta: 1.5, spec.ConductanceMin, spec.ConductanceMax);
        double range = spec.ConductanceMax - spec.ConductanceMin, step = PulseProgrammingTests.Slope * (PulseProgrammingTests.V - PulseProgrammingTests.Vth) * 1e-9;
        var variability = (spread ? PulseVariabilityTests.Spread : new EpVariability()) with
        {
            CycleToCycle = noise ? new Nonidealities { RelativeUpdateNoise = 0.2, WriteNoise = 0.2 * step / range } : new(),
        };

        var layout = ResistiveEpCircuit.Build(spec, new RandomStreams(seed).Get("weights"));
        layout.Circuit.Options = ResistiveEpNetwork.PreciseOptions;
        int count = layout.Weights.Count;
        PulseProgramming Pulses() => new(device, new RectangularPulse(PulseProgrammingTests.V, 1e-9), new RectangularPulse(-PulseProgrammingTests.V, 1e-9),
            devices: spread || noise ? new ThresholdDeviceArray(device.Parameters, count, variability, new RandomStreams(seed)) : null);
        var fast = new LayeredEpTrainer(spec, options, layout.Conductances(), layout.Circuit.Options, programming: Pulses());
        using var mna = new ResistiveEpTrainer(layout, options, programming: Pulses());
        var initial = layout.Conductances();
        Assert.Equal(initial, fast.Conductances); // both clipped into the same (drawn) windows
        var expected = mna.TrainEpoch(samples);
        var actual = fast.TrainEpoch(samples);

        var gMna = layout.Conductances();
        double moved = gMna.Zip(initial).Max(p => Math.Abs(p.First - p.Second));
        double worst = gMna.Zip(fast.Conductances).Max(p => Math.Abs(p.First - p.Second));
        output.WriteLine($"{expected.PulsesPerUpdate:G4} pulses per update, {expected.ProgrammingEnergyPerUpdate:G6} J; largest move {moved:G3} S, fast − MNA {worst:G3} S");
        Assert.True(expected.PulsesPerUpdate >= 1, "the updates fired almost no pulses");
        Assert.True(worst <= 1e-9 * moved, $"conductances differ by {worst / moved:G3} of the largest update");
        Assert.Equal(expected.PulsesPerUpdate, actual.PulsesPerUpdate);
        Close(expected.ProgrammingEnergyPerUpdate, actual.ProgrammingEnergyPerUpdate, "programming energy per update");
        Close(expected.MeanRelativeUpdate, actual.MeanRelativeUpdate, "mean relative update");
        for (int k = 0; k < count; k++) Assert.InRange(fast.Conductances[k], fast.Programming!.Lower(k), fast.Programming.Upper(k));
        Assert.Throws<ArgumentException>(() => new LayeredEpTrainer(spec with { ConductanceMax = 2e-4 }, options, layout.Conductances(), programming: Pulses()));
    }

    private void Close(double expected, double actual, string what)
    {
        output.WriteLine($"  {what}: MNA {expected:G12}, fast {actual:G12}");
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Abs(expected), $"{what}: MNA {expected:G12}, fast {actual:G12}");
    }

    [Fact]
    public void Predict_equals_the_free_phase_of_the_mna_circuit()
    {
        var spec = LayeredEquilibriumTests.SpecOf("3-4-2 clamps");
        var net = EpTestNetworks.Build(spec, 57);
        var fast = new LayeredEpTrainer(spec, new EpTrainingOptions(), net.Layout.Conductances(), net.System.Options);
        var x = EpTestNetworks.Uniform(new RandomStreams(57).Get("x"), spec.Inputs, 0, 1);
        var expected = net.SolveFree(x);
        var actual = fast.Predict(x);
        for (int c = 0; c < expected.Length; c++) Assert.Equal(expected[c], actual[c], 1e-12);
    }
}
