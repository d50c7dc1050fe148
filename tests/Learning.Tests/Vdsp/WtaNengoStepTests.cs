using CircuitNeuro.Learning.Vdsp;

namespace CircuitNeuro.Learning.Tests.Vdsp;

/// <summary>
/// The two Nengo details of the output layer that are switches (notes 003 §2.3; VDSP_Nengo STDPLIF.step and Nengo's
/// "update" synapse), against the LIF step worked out by hand.
/// </summary>
public class WtaNengoStepTests
{
    private static readonly double Dt = new VdspNetworkOptions().Dt; // 5 ms, the paper's step

    [Fact]
    public void SynapseDelayShowsTheInputOneStepLater()
    {
        var p = new WtaLayerParameters { AdaptationIncrement = 0, SynapseDelay = false };
        var now = new WtaOutputLayer(1, p, Dt);
        var delayed = new WtaOutputLayer(1, p with { SynapseDelay = true }, Dt);
        foreach (var layer in new[] { now, delayed }) { layer.AddSpike(0, 4); layer.Step(); }
        // J = gain·(1 − e^{−dt/τ_s})·w·amp, V = J(1 − e^{−dt/τ}) from rest.
        double j = 2 * (1 - Math.Exp(-1.0)) * 4 * 0.05;
        Assert.Equal(j * (1 - Math.Exp(-Dt / 0.03)), now.Potential(0), 14);
        Assert.Equal(0.0, delayed.Potential(0));
        delayed.Step();
        Assert.Equal(now.Potential(0), delayed.Potential(0), 14);
    }

    [Fact]
    public void NengoRefractoryLetsOverThresholdLosersCompeteNextStepAndDropsTheWinnersPartialStep()
    {
        // Both neurons cross every step (drive ≫ threshold); neuron 0 is slightly stronger and wins step 1.
        int[] Winners(bool nengo)
        {
            var layer = new WtaOutputLayer(2, new WtaLayerParameters { NengoRefractory = nengo, AdaptationIncrement = 0, SynapseDelay = false }, Dt);
            var winners = new int[3];
            for (int s = 0; s < 3; s++)
            {
                layer.AddSpike(0, 2001); layer.AddSpike(1, 2000);
                winners[s] = layer.Step();
            }
            return winners;
        }
        // Without the switch the loser of step 1 is refractory for step 2, so the winner (partial step) wins again.
        Assert.Equal([0, 0, 1], Winners(false));
        // Nengo zeroes an inhibited loser's J before its spike-time formula (t_spike = −∞: not refractory), so at step 2
        // it integrates a full step from 0 and beats the winner, which integrates only the rest of its refractory step.
        Assert.Equal([0, 1, 0], Winners(true));
    }

    [Fact]
    public void NengoRefractoryHoldsTheWinnerAtZeroThroughItsRefractoryRemainder()
    {
        var layer = new WtaOutputLayer(1, new WtaLayerParameters { NengoRefractory = true, AdaptationIncrement = 0, SynapseDelay = false }, Dt);
        var plain = new WtaOutputLayer(1, new WtaLayerParameters { AdaptationIncrement = 0, NengoRefractory = false, SynapseDelay = false }, Dt);
        foreach (var l in new[] { layer, plain })
        {
            l.AddSpike(0, 200);
            Assert.Equal(0, l.Step());
            l.Step(); // refractory for τ_ref + t_spike: the rest of this step integrates only without the switch
        }
        Assert.True(plain.Potential(0) > 0);
        Assert.Equal(0.0, layer.Potential(0));
    }
}
