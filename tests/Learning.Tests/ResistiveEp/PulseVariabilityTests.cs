using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.ResistiveEp;
using Xunit.Abstractions;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>
/// Pulse-written updates on devices that differ (ThresholdDeviceArray): each device's closed-form pulses against
/// PulseIntegrator on its own parameters, zero spread against no variability, the fast trainer against the MNA trainer,
/// the drawn spread against its σ, and the accuracy trend on Digits.
/// </summary>
public class PulseVariabilityTests(ITestOutputHelper output)
{
    private const double V = PulseProgrammingTests.V, Width = PulseProgrammingTests.Width;

    internal static readonly EpVariability Spread = new()
    {
        WindowSpread = 0.1, SlopeSpread = 0.2, ThresholdSpread = 0.1,
    };

    private static PulseProgramming Programming(ThresholdMemristor model, ThresholdDeviceArray? devices, double width = Width, int mapPoints = 0) =>
        new(model, new RectangularPulse(V, width), new RectangularPulse(-V, width), mapPoints: mapPoints, devices: devices);

    [Theory]
    [InlineData(0.0, NonLinearityConvention.AsPrinted)]
    [InlineData(1.5, NonLinearityConvention.AsPrinted)]
    [InlineData(2.0, NonLinearityConvention.Saturating)]
    public void Each_devices_pulses_equal_the_integrator_on_its_own_parameters(double eta, NonLinearityConvention convention)
    {
        var nominal = PulseProgrammingTests.Device(eta).Parameters with { Convention = convention };
        var devices = new ThresholdDeviceArray(nominal, 128, Spread, new RandomStreams(21));
        var programming = Programming(new ThresholdMemristor(nominal), devices);
        var same = Programming(new ThresholdMemristor(nominal), null); // every device the nominal one, every pulse integrated
        var reference = new PulseIntegrator { RelativeTolerance = 1e-12 };
        var r = new RandomStreams(22).Get("cases");
        double nominalStep = programming.SetStep, worstState = 0, worstEnergy = 0;
        int differing = 0, cases = 0;
        foreach (int d in new[] { 0, 7, 19, 42, 99, 127 })
        {
            var p = devices.Parameters(d);
            for (int trial = 0; trial < 8; trial++)
            {
                // Random start and change (up to ±40 nominal steps); trial 0 starts 1 step below the device's upper bound and asks for 30 more (clamped).
                double g = trial == 0 ? p.Gmax - nominalStep : p.Gmin + r.NextDouble() * (p.Gmax - p.Gmin);
                double change = trial == 0 ? 30 * nominalStep : (r.NextDouble() - 0.5) * 80 * nominalStep;
                double[] fast = [g];
                var (energy, n) = programming.Program(fast, [g + change], first: d);
                Assert.Equal(Math.Min(64, (int)Math.Round(Math.Abs(change) / nominalStep)), n);

                var device = new MemristorDevice(new ThresholdMemristor(p), Math.Clamp(g, p.Gmin, p.Gmax));
                var pulse = new RectangularPulse(change > 0 ? V : -V, Width);
                double expectedEnergy = 0, step = 0;
                for (int k = 0; k < n; k++)
                {
                    var result = reference.Apply(device, pulse);
                    expectedEnergy += result.DeliveredEnergy;
                    if (k == 0) step = Math.Abs(result.StateChange);
                }
                if (trial == 0) Assert.Equal(p.Gmax, device.State);
                double stateError = Math.Abs(fast[0] - device.State) / step, energyError = Math.Abs(energy - expectedEnergy) / expectedEnergy;
                Assert.True(stateError <= 1e-9, $"device {d}, trial {trial}: state {fast[0]:G17} vs {device.State:G17} ({stateError:G3} of a step)");
                Assert.True(energyError <= 1e-6, $"device {d}, trial {trial}: energy {energy:G12} vs {expectedEnergy:G12}");
                double[] nominalDevice = [g];
                same.Program(nominalDevice, [g + change]);
                if (Math.Abs(nominalDevice[0] - fast[0]) > 0.01 * step) differing++;
                cases++;
                worstState = Math.Max(worstState, stateError);
                worstEnergy = Math.Max(worstEnergy, energyError);
            }
        }
        output.WriteLine($"η = {eta} ({convention}): worst state error {worstState:G3} of a step, energy {worstEnergy:G3} relative; {differing} of {cases} writes differ from the nominal device's by > 1 % of a step");
        Assert.True(differing > cases / 2, "the drawn devices barely differ from the nominal one");
    }

    [Fact]
    public void A_pulse_map_is_shared_only_by_devices_with_the_same_normalised_dose()
    {
        // The derivation behind the closed form (PulseProgramming, ThresholdHold): in x = (G − Gmin)/(Gmax − Gmin) a rectangular
        // pulse is the flow of dx/dt = c·e^{kx} over the dose c·w, c = S·(V − Vth)/(Gmax − Gmin). Checked with the integrator:
        // a device with a 1.3× window, slope × 1.3·1.25 and Vth = 1.1 V (same c) maps every normalised state as the nominal one;
        // a slope spread alone (other c) does not, by far more than the integrator's error.
        var nominal = PulseProgrammingTests.Device(1.5).Parameters;
        var sameDose = nominal with { Gmin = 1.3 * nominal.Gmin, Gmax = 1.3 * nominal.Gmax, SlopePositive = nominal.SlopePositive * 1.3 * 1.25, ThresholdPositive = 1.1 };
        var otherDose = nominal with { SlopePositive = 1.1 * nominal.SlopePositive };
        var integrator = new PulseIntegrator { RelativeTolerance = 1e-12 };
        double Normalised(ThresholdMemristorParameters p, double x)
        {
            var device = new MemristorDevice(new ThresholdMemristor(p), p.Gmin + x * (p.Gmax - p.Gmin));
            integrator.Apply(device, new RectangularPulse(V, Width));
            return (device.State - p.Gmin) / (p.Gmax - p.Gmin);
        }
        foreach (double x in new[] { 0.0, 0.2, 0.5, 0.8, 0.9 })
        {
            double a = Normalised(nominal, x), step = a - x;
            Assert.True(step > 1e-3, $"a pulse from {x} barely moves ({step})");
            Assert.True(Math.Abs(Normalised(sameDose, x) - a) <= 1e-9 * step, $"same dose from {x}: {Normalised(sameDose, x)} vs {a}");
            Assert.True(Math.Abs(Normalised(otherDose, x) - a) >= 0.01 * step, $"another dose from {x} maps alike");
        }
    }

    [Fact]
    public void Drawn_parameters_follow_the_configured_spread_and_the_seed()
    {
        const int count = 20_000;
        var nominal = PulseProgrammingTests.Device(1.5).Parameters;
        var devices = new ThresholdDeviceArray(nominal, count, Spread, new RandomStreams(3));
        var all = Enumerable.Range(0, count).Select(devices.Parameters).ToArray();
        (string Name, double Sigma, Func<ThresholdMemristorParameters, double> Factor)[] factors =
        [
            ("g_min", Spread.WindowSpread, p => p.Gmin / nominal.Gmin), ("g_max", Spread.WindowSpread, p => p.Gmax / nominal.Gmax),
            ("slope+", Spread.SlopeSpread, p => p.SlopePositive / nominal.SlopePositive), ("slope−", Spread.SlopeSpread, p => p.SlopeNegative / nominal.SlopeNegative),
            ("threshold+", Spread.ThresholdSpread, p => p.ThresholdPositive / nominal.ThresholdPositive),
            ("threshold−", Spread.ThresholdSpread, p => p.ThresholdNegative / nominal.ThresholdNegative),
        ];
        var columns = factors.Select(f => all.Select(f.Factor).ToArray()).ToArray();
        for (int i = 0; i < factors.Length; i++)
        {
            var (name, sigma, _) = factors[i];
            double mean = columns[i].Average(), sd = Math.Sqrt(columns[i].Sum(x => (x - mean) * (x - mean)) / (count - 1));
            output.WriteLine($"{name}: mean {mean:F5}, σ {sd:F5} (configured 1, {sigma})");
            // 4 standard errors: of the mean σ/√N, of the standard deviation ≈ σ/√(2N).
            Assert.True(Math.Abs(mean - 1) <= 4 * sigma / Math.Sqrt(count), $"{name}: mean factor {mean}");
            Assert.True(Math.Abs(sd / sigma - 1) <= 4 / Math.Sqrt(2.0 * count), $"{name}: σ {sd} against {sigma}");
            for (int j = 0; j < i; j++)
                Assert.True(Math.Abs(Correlation(columns[i], columns[j])) <= 4 / Math.Sqrt(count), $"{name} correlates with {factors[j].Name}");
        }
        // Same seed: the same devices bit for bit (and the same windows the numbers path draws); another seed: others.
        var again = new ThresholdDeviceArray(nominal, 100, Spread, new RandomStreams(3));
        var numbers = EpDeviceArray.WithVariability(new ResistiveEpSpec { Inputs = 1, Hidden = [], Outputs = 1, ConductanceMin = nominal.Gmin, ConductanceMax = nominal.Gmax },
            100, new EpVariability { WindowSpread = Spread.WindowSpread }, new RandomStreams(3));
        var other = new ThresholdDeviceArray(nominal, 100, Spread, new RandomStreams(4));
        for (int k = 0; k < 100; k++)
        {
            Assert.Equal(all[k], again.Parameters(k));
            Assert.Equal((numbers.Lower(k), numbers.Upper(k)), (again.Lower(k), again.Upper(k)));
            Assert.NotEqual(all[k].SlopePositive, other.Parameters(k).SlopePositive);
        }
        var zero = new ThresholdDeviceArray(nominal, 100, new EpVariability(), new RandomStreams(3));
        Assert.All(Enumerable.Range(0, 100), k => Assert.Equal(nominal, zero.Parameters(k)));
        Assert.Throws<ArgumentException>(() => new ThresholdDeviceArray(nominal, 10, Spread with { StepSpread = 0.1 }, new RandomStreams(3)));
    }

    private static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++) (ab, aa, bb) = (ab + (a[i] - ma) * (b[i] - mb), aa + (a[i] - ma) * (a[i] - ma), bb + (b[i] - mb) * (b[i] - mb));
        return ab / Math.Sqrt(aa * bb);
    }

    [Fact]
    public void Zero_spread_writes_bit_for_bit_what_no_variability_writes()
    {
        var spec = DeviceVariabilityTests.Spec;
        var nominal = new ThresholdMemristorParameters { Gmin = spec.ConductanceMin, Gmax = spec.ConductanceMax, EtaPositive = 1, EtaNegative = 1 };
        int count = ResistiveEpCircuit.Build(spec, new RandomStreams(1).Get("weights")).Weights.Count;
        PulseProgramming Pulses(ThresholdDeviceArray? devices) =>
            new(new ThresholdMemristor(nominal), new RectangularPulse(1.5, 1e-6), new RectangularPulse(-1.5, 1e-6), mapPoints: 4097, devices: devices);
        var plain = Run(spec, Pulses(null), 150);
        var zero = Run(spec, Pulses(new ThresholdDeviceArray(nominal, count, new EpVariability(), new RandomStreams(DeviceVariabilityTests.Seed))), 150);
        var spread = Run(spec, Pulses(new ThresholdDeviceArray(nominal, count, Spread, new RandomStreams(DeviceVariabilityTests.Seed))), 150);
        output.WriteLine($"pulses per update: no variability {plain.Report.PulsesPerUpdate:G6}, zero spread {zero.Report.PulsesPerUpdate:G6}, spread {spread.Report.PulsesPerUpdate:G6}");
        Assert.True(plain.Report.PulsesPerUpdate > 1);
        Assert.Equal(plain.Trainer.Conductances, zero.Trainer.Conductances);
        Assert.Equal(plain.Report.ProgrammingEnergyPerUpdate, zero.Report.ProgrammingEnergyPerUpdate);
        Assert.Equal(plain.Report.PulsesPerUpdate, zero.Report.PulsesPerUpdate);
        Assert.Equal(plain.Report.MeanFreeLoss, zero.Report.MeanFreeLoss);
        Assert.NotEqual(plain.Trainer.Conductances, spread.Trainer.Conductances);
    }

    private static (LayeredEpTrainer Trainer, EpEpochReport Report) Run(ResistiveEpSpec spec, PulseProgramming programming, int samples)
    {
        var (train, _) = RepositoryData.DigitsSplit(4);
        var trainer = new LayeredEpTrainer(spec, new EpTrainingOptions { LearningRate = 4 },
            ResistiveEpCircuit.Build(spec, new RandomStreams(DeviceVariabilityTests.Seed).Get("weights")).Conductances(), programming: programming);
        return (trainer, trainer.TrainEpoch(DeviceVariabilityTests.Samples(train)[..samples]));
    }

    [Fact]
    public void Digits_accuracy_with_pulses_falls_as_the_device_spread_grows()
    {
        // Same network, seed and pulses (threshold device, η = 1, ±1.5 V, 1 µs) with every spread (window, slopes, thresholds) at σ.
        var spec = DeviceVariabilityTests.Spec;
        var nominal = new ThresholdMemristorParameters { Gmin = spec.ConductanceMin, Gmax = spec.ConductanceMax, EtaPositive = 1, EtaNegative = 1 };
        int count = ResistiveEpCircuit.Build(spec, new RandomStreams(1).Get("weights")).Weights.Count;
        var accuracy = new List<double>();
        foreach (double sigma in Sigmas)
        {
            var spread = new EpVariability { WindowSpread = sigma, SlopeSpread = sigma, ThresholdSpread = sigma };
            var devices = new ThresholdDeviceArray(nominal, count, spread, new RandomStreams(DeviceVariabilityTests.Seed));
            var programming = new PulseProgramming(new ThresholdMemristor(nominal), new RectangularPulse(1.5, 1e-6), new RectangularPulse(-1.5, 1e-6),
                mapPoints: 4097, devices: devices);
            var (a, trainer, last) = DeviceVariabilityTests.Train(null, programming: programming);
            for (int k = 0; k < count; k++) Assert.InRange(trainer.Conductances[k], devices.Lower(k), devices.Upper(k));
            output.WriteLine($"σ = {sigma}: test accuracy {a:P1}, {last.PulsesPerUpdate:G4} pulses and {last.ProgrammingEnergyPerUpdate:G3} J per update, " +
                             $"mean conductance {trainer.Conductances.Average():G3} S, at a bound {trainer.Conductances.Select((g, k) => g == devices.Lower(k) || g == devices.Upper(k)).Count(b => b) / (double)count:P1}");
            accuracy.Add(a);
        }
        Assert.True(accuracy[0] > 0.8, $"no spread: {accuracy[0]:P1}");
        Assert.True(accuracy[^1] < accuracy[0], "the largest spread should cost accuracy");
    }

    private static readonly double[] Sigmas = [0, 0.1, 0.3, 0.6];
}
