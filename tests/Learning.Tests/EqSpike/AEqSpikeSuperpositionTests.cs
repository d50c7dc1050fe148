using CircuitNeuro.Circuits.Devices;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// Seed 002 §4.1–4.3: the partner's superposed square tails (Eq. 4.1) equal γ_amp × (spikes in the recent half-window
/// − spikes in the older half), and the programming pulse ±V_th superposed on that sum across the threshold memristor
/// (Eq. 4.2) writes S·t_prog·γ_amp·V_th·(n_recent − n_older)/(Gmax − Gmin): sign of ρ̇, magnitude of the count difference.
/// </summary>
public class AEqSpikeSuperpositionTests
{
    [Theory]
    [InlineData(new[] { 2, 5, 9, 30, 32, 34, 36, 38 })]   // accelerating: more recent spikes
    [InlineData(new[] { 0, 2, 4, 6, 8, 10, 33 })]          // decelerating
    [InlineData(new[] { 1, 11, 21, 31 })]                  // constant rate
    public void SquareTails_SumToTheSpikeCountDifference(int[] spikeSteps)
    {
        const int len = 40, now = 39;
        const double amp = 1e-4;
        var tails = new TailAccumulator(1, len, amp, TailShape.Square);
        for (int t = 0; t <= now; t++) tails.Step([spikeSteps.Contains(t)]);
        int recent = spikeSteps.Count(s => now - s < len / 2), older = spikeSteps.Count(s => now - s >= len / 2 && now - s < len);
        Assert.Equal(amp * (recent - older), tails.Value(0), 15);
    }

    [Theory]
    [InlineData(6, 2)]
    [InlineData(1, 7)]
    [InlineData(3, 3)]
    public void ProgrammingPulseOverTails_WritesTheAccumulatorUpdate(int recent, int older)
    {
        var p = new ThresholdMemristorParameters();
        const double amp = 0.02, tProg = 50e-9;   // a large γ_amp so the write is well above the integrator's tolerance
        double tail = amp * p.ThresholdPositive * (recent - older);
        // The device voltage during the programming pulse: +V_th then −V_th, plus the partner's superposed tails (Eq. 4.2).
        var pulse = new PwlPulse(1, 2 * tProg, [0, 0.5, 0.5, 1],
            [p.ThresholdPositive + tail, p.ThresholdPositive + tail, p.ThresholdNegative + tail, p.ThresholdNegative + tail]);
        double g0 = 0.5 * (p.Gmin + p.Gmax);
        var result = new PulseIntegrator { RelativeTolerance = 1e-10 }.Apply(new MemristorDevice(new ThresholdMemristor(p), g0), pulse);
        double range = p.Gmax - p.Gmin;
        double expected = p.SlopePositive * tProg * amp * p.ThresholdPositive * (recent - older) / range;
        Assert.Equal(expected, result.StateChange / range, 1e-9);

        // The training path: the network asks for η_lr × tail; the A-EqSpike device writes η_lr per V_th of overshoot.
        double etaLr = p.SlopePositive * tProg * p.ThresholdPositive / range;
        var setup = EqSpikeSetup.AEqSpikeDigits with { Parameters = EqSpikeSetup.AEqSpikeDigits.Parameters with { LearningRate = etaLr } };
        var net = setup.Build(64, 10, new CircuitNeuro.EventKernel.Random.RandomStreams(3));
        int k = Array.FindIndex(net.Weights[0], w => Math.Abs(w) < 0.3);   // a device inside its window
        double w0 = net.Weights[0][k];
        net.Writer.Write(0, k, etaLr * amp * (recent - older));
        Assert.Equal(expected, net.Weights[0][k] - w0, 1e-12);
    }
}
