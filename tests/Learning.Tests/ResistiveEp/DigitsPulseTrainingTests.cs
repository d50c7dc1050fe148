using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.ResistiveEp;
using Xunit.Abstractions;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>
/// Issue 6, updates "as programming pulses through the device models": Digits on the fast path with every update
/// written as SET/RESET pulses through the seed-002 threshold memristor (Eq. 3.2, one-pulse map), against the
/// same run with the updates written as numbers.
/// </summary>
public class DigitsPulseTrainingTests(ITestOutputHelper output)
{
    private static ResistiveEpSpec Spec => DeviceVariabilityTests.Spec;

    private static (double Accuracy, EpEpochReport Last) Train(PulseProgramming? programming)
    {
        var (accuracy, _, last) = DeviceVariabilityTests.Train(null, programming: programming);
        return (accuracy, last);
    }

    [Fact]
    public void Digits_trained_with_programming_pulses_learns_and_reports_programming_energy()
    {
        // Threshold device with its default slope, ±1.5 V, 1 µs pulses: one SET moves G by 0.18·0.5·1e-6 = 9e-8 S (0.09 % of the window).
        var device = new ThresholdMemristor(new ThresholdMemristorParameters { Gmin = Spec.ConductanceMin, Gmax = Spec.ConductanceMax, EtaPositive = 1, EtaNegative = 1 });
        var pulses = new PulseProgramming(device, new RectangularPulse(1.5, 1e-6), new RectangularPulse(-1.5, 1e-6), mapPoints: 4097);
        var numbers = Train(null);
        var pulsed = Train(pulses);
        output.WriteLine($"numbers: test accuracy {numbers.Accuracy:P1}; pulses: {pulsed.Accuracy:P1}, {pulsed.Last.PulsesPerUpdate:G4} pulses and " +
                         $"{pulsed.Last.ProgrammingEnergyPerUpdate:G4} J per update (circuit energy per sample {pulsed.Last.EnergyPerSample:G4} J)");
        Assert.True(pulsed.Accuracy > 0.8, $"pulse-trained accuracy {pulsed.Accuracy:P1}");
        Assert.True(pulsed.Last.PulsesPerUpdate > 1);
        // Each pulse dissipates between V²·w·Gmin and V²·w·Gmax.
        double perPulse = pulsed.Last.ProgrammingEnergyPerUpdate / pulsed.Last.PulsesPerUpdate;
        Assert.InRange(perPulse, 1.5 * 1.5 * 1e-6 * Spec.ConductanceMin, 1.5 * 1.5 * 1e-6 * Spec.ConductanceMax);
        Assert.Equal(0, numbers.Last.PulsesPerUpdate);
    }

    [Theory]
    [InlineData(false)] // nominal devices: one-pulse map
    [InlineData(true)]  // devices that differ, noise on every pulse: closed form
    public void Pulse_writes_allocate_nothing_per_sample(bool variability)
    {
        // What an epoch allocates (its report) must not grow with the number of samples.
        var device = new ThresholdMemristor(new ThresholdMemristorParameters { Gmin = Spec.ConductanceMin, Gmax = Spec.ConductanceMax, EtaPositive = 1, EtaNegative = 1 });
        var spread = new EpVariability
        {
            WindowSpread = 0.1, SlopeSpread = 0.2, ThresholdSpread = 0.1,
            CycleToCycle = new Circuits.Variability.Nonidealities { WriteNoise = 1e-4, RelativeUpdateNoise = 0.2 },
        };
        int count = ResistiveEpCircuit.Build(Spec, new RandomStreams(1).Get("weights")).Weights.Count;
        var devices = variability ? new ThresholdDeviceArray(device.Parameters, count, spread, new RandomStreams(2)) : null;
        var pulses = new PulseProgramming(device, new RectangularPulse(1.5, 1e-6), new RectangularPulse(-1.5, 1e-6), mapPoints: 257, devices: devices);
        var (train, _) = RepositoryData.DigitsSplit(4);
        var trainer = new LayeredEpTrainer(Spec, new EpTrainingOptions { LearningRate = 4 }, ResistiveEpCircuit.Build(Spec, new RandomStreams(DeviceVariabilityTests.Seed).Get("weights")).Conductances(),
            programming: pulses);
        var samples = DeviceVariabilityTests.Samples(train)[..200].ToArray();
        long Allocated(int count)
        {
            var part = samples[..count];
            long before = GC.GetAllocatedBytesForCurrentThread();
            var report = trainer.TrainEpoch(part);
            Assert.True(report.PulsesPerUpdate > 0);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Allocated(50); // warm-up (JIT)
        long few = Allocated(20), many = Allocated(200);
        output.WriteLine($"allocated per epoch: {few} B for 20 samples, {many} B for 200");
        Assert.True(many - few < 1024, $"{many - few} B more for 180 more samples");
    }
}
