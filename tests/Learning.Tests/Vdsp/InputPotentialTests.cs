using CircuitNeuro.Learning.Vdsp;

namespace CircuitNeuro.Learning.Tests.Vdsp;

/// <summary>The presynaptic potential VDSP reads at step (= post spike) times, against the LIF's analytic solution.</summary>
public class InputPotentialTests
{
    [Fact]
    public void InputPotentialAtEveryStepMatchesTheAnalyticPeriodicLif()
    {
        var options = new VdspNetworkOptions { Outputs = 1, PresentationTime = 0.005 };
        var net = new VdspNetwork(options, inputCount: 1, seed: 3);
        double v0 = net.Inputs.StateOf(0).Potential, tau = options.InputTau, tref = options.InputRefractory;
        double j = options.InputGain * 0.8 + options.InputBias; // pixel 0.8: J = 3.7
        // From V0: first crossing of 1 at t1 = τ ln((J − V0)/(J − 1)); then V held at −1 for τ_ref and the
        // next crossing comes τ ln((J + 1)/(J − 1)) after the end of the refractory period.
        double t1 = tau * Math.Log((j - v0) / (j - 1)), period = tref + tau * Math.Log((j + 1) / (j - 1));
        double Analytic(double t)
        {
            if (t < t1) return j + (v0 - j) * Math.Exp(-t / tau);
            double since = (t - t1) % period;
            return since < tref ? -1 : j + (-1 - j) * Math.Exp(-(since - tref) / tau);
        }
        int spikes = 0;
        for (int step = 1; step <= 80; step++)
        {
            net.Present([0.8]);
            double t = net.Scheduler.Now;
            Assert.Equal(step * options.Dt, t, 12);
            Assert.Equal(Analytic(t), net.InputPotential(0, t), 9);
            spikes = (int)net.Inputs.SpikeCount(0);
        }
        double end = 80 * options.Dt;
        Assert.Equal(1 + (int)Math.Floor((end - t1) / period), spikes);
        Assert.True(spikes >= 10);
    }
}
