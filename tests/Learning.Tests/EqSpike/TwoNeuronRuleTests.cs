using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// Seed 002 §2.3.2 / Fig. 2.7: the spike-driven update must track the analytic continual-EP update
/// η·(τ/γ_LI)·ρ_i·Δρ_j it approximates, and be linear in ρ_i and in ρ̇_j.
/// </summary>
public class TwoNeuronRuleTests
{
    private static readonly TwoNeuronProtocol Protocol = new();

    [Fact]
    public void RateSweep_TracksAnalyticUpdate()
    {
        // Post rate in [0, 1] T_refract⁻¹ (0..0.5 per step); pre: 0.5 → 1 T_refract⁻¹ over the middle 100 T_refract.
        var rates = Enumerable.Range(1, 10).Select(k => 0.05 * k).ToArray();
        var measured = rates.Select(r => Protocol.Run(r, 0.25, 0.5)).ToArray();
        var expected = rates.Select(r => Protocol.Analytic(r, 0.25, 0.5)).ToArray();
        double scale = expected.Max();
        for (int k = 0; k < rates.Length; k++)
            Assert.True(Math.Abs(measured[k] - expected[k]) < 0.06 * scale, $"ρ_i = {rates[k]}: W = {measured[k]:G4}, analytic {expected[k]:G4}");
        var (slope, r2) = Regression(rates, measured);
        Assert.InRange(slope / (expected[^1] / rates[^1]), 0.93, 1.07);
        Assert.True(r2 > 0.99, $"R² = {r2}");
    }

    [Fact]
    public void AccelerationSweep_TracksAnalyticUpdateWithSign()
    {
        // Post at 0.5 T_refract⁻¹; pre accelerates by −0.5/100 … +0.5/100 T_refract⁻² from 0.5 T_refract⁻¹.
        var deltas = Enumerable.Range(-5, 11).Select(k => 0.05 * k).ToArray();
        var measured = deltas.Select(d => Protocol.Run(0.25, 0.25, 0.25 + d)).ToArray();
        var expected = deltas.Select(d => Protocol.Analytic(0.25, 0.25, 0.25 + d)).ToArray();
        double scale = expected.Max();
        for (int k = 0; k < deltas.Length; k++)
            Assert.True(Math.Abs(measured[k] - expected[k]) < 0.06 * scale, $"Δρ_j = {deltas[k]}: W = {measured[k]:G4}, analytic {expected[k]:G4}");
        Assert.True(measured[0] < -0.8 * scale && measured[^1] > 0.8 * scale, "sign must follow the acceleration");
        var (slope, r2) = Regression(deltas, measured);
        Assert.InRange(slope / (expected[^1] / deltas[^1]), 0.93, 1.07);
        Assert.True(r2 > 0.99, $"R² = {r2}");
    }

    [Fact]
    public void ConstantRates_LeaveTheWeightNearZero()
    {
        double w = Protocol.Run(0.25, 0.3, 0.3);
        Assert.True(Math.Abs(w) < 0.03 * Protocol.Analytic(0.25, 0.25, 0.5), $"W = {w}");
    }

    [Fact]
    public void RhoBarIntegrator_ConvergesToRateOverLeak()
    {
        // Eq. 2.9 (proof [S L1176–1206]): the time average of V_LI is ρ/γ_LI for a periodic train.
        foreach (int period in new[] { 2, 3, 5, 10 })
        {
            var block = new RhoBarBlock(1, 0.1, 100, 10);
            double sum = 0;
            int n = 0;
            for (int t = 0; t < 2000; t++)
            {
                block.Step([t % period == 0]);
                if (t >= 1000) { sum += block.Integrator(0); n++; }
            }
            Assert.Equal(1.0 / period / 0.1, sum / n, 3);
        }
    }

    [Fact]
    public void Lif_RateSaturatesAtOneOverRefractoryPeriod()
    {
        // Fig. 2.1: a hard-sigmoid-like rate, ρ ≈ I below f_max and f_max = 1/T_refract = 0.5 per step above.
        foreach (var (input, expected) in new[] { (0.1, 0.1), (0.3, 0.3), (0.8, 0.5), (2.0, 0.5) })
        {
            var lif = new DiscreteLifLayer(1, 0.001, 1.0);
            var spikes = new bool[1];
            int count = 0;
            for (int t = 0; t < 10000; t++)
            {
                lif.Step(t, [input], spikes);
                if (spikes[0]) count++;
            }
            Assert.InRange(count / 10000.0, expected - 0.005, expected + 0.001);
        }
    }

    internal static (double Slope, double R2) Regression(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum(), sxx = x.Sum(a => (a - mx) * (a - mx)), syy = y.Sum(b => (b - my) * (b - my));
        return (sxy / sxx, sxy * sxy / (sxx * syy));
    }
}
