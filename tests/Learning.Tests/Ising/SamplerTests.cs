using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Ising.Model;
using CircuitNeuro.Learning.Ising.Sampling;

namespace CircuitNeuro.Learning.Tests.Ising;

public class SamplerTests
{
    [Fact]
    public void TwoQubitToyOfFigure51HasGroundStateDownUp()
    {
        // Seed Fig. 5.1 (L2443): J = 1, h1 = +1, h2 = −1 → ground state (−1, +1), E = −3 (D-Wave sign convention).
        var m = new IsingModel(2);
        m.H[0] = 1; m.H[1] = -1; m.SetCoupling(0, 1, 1);
        Assert.Equal(-3, m.Energy([-1, 1]));
        Assert.Equal(1, m.Energy([1, 1])); // E(+,+) = J + h1 + h2 = 1 + 1 − 1
        var set = new SimulatedAnnealingSampler(m).Anneal(BetaSchedule.ForModel(m), 10, new RandomStream(1));
        Assert.Equal(new sbyte[] { -1, 1 }, set.Lowest);
        Assert.Equal(-3, set.LowestEnergy);
    }

    [Fact]
    public void FindsExactGroundStatesOfSmallRandomProblems()
    {
        var r = new RandomStream(11);
        for (int trial = 0; trial < 20; trial++)
        {
            var m = Exact.RandomModel(12, 0.5, r);
            var (_, e0, _) = Exact.GroundState(m);
            var set = new SimulatedAnnealingSampler(m).Anneal(BetaSchedule.ForModel(m, 200), 10, r);
            Assert.Equal(e0, set.LowestEnergy, 9);
            Assert.Equal(e0, Exact.Energy(m, set.Lowest), 9); // reported energy is the state's energy
        }
    }

    [Fact]
    public void ReportedEnergiesMatchTheirStates()
    {
        var r = new RandomStream(5);
        var m = Exact.RandomModel(30, 0.3, r);
        var set = new SimulatedAnnealingSampler(m).Anneal(BetaSchedule.Geometric(0.1, 2, 50), 20, r);
        for (int k = 0; k < set.Reads; k++) Assert.Equal(Exact.Energy(m, set.State(k).ToArray()), set.Energies[k], 9);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void FixedBetaSamplingMatchesBoltzmannDistribution(double beta)
    {
        // 5 spins, 32 states; 40,000 reads of 30 sweeps at constant β (mixing time ≪ 30 sweeps at these β).
        // Total-variation distance to the exact distribution must be < 0.02 (sampling noise ≈ 0.01).
        // A wrong sign convention or acceptance rule shifts TV by ≫ 0.05.
        var r = new RandomStream(99);
        var m = Exact.RandomModel(5, 0.8, r);
        var exact = Exact.Boltzmann(m, beta);
        const int reads = 40_000;
        var set = new SimulatedAnnealingSampler(m).Anneal(BetaSchedule.Constant(beta, 30), reads, r);
        var counts = new double[32];
        for (int k = 0; k < reads; k++) counts[Exact.Bits(set.State(k))]++;
        double tv = 0.5 * Enumerable.Range(0, 32).Sum(b => Math.Abs(counts[b] / reads - exact[b]));
        Assert.True(tv < 0.02, $"TV distance {tv:F4}");
    }

    [Fact]
    public void ReverseAnnealAtZeroTemperatureStaysInALocalMinimum()
    {
        // β = ∞ is not allowed; a very cold reverse schedule from the ground state must return the ground state.
        var r = new RandomStream(3);
        var m = Exact.RandomModel(10, 0.5, r);
        var (g, e0, _) = Exact.GroundState(m);
        var set = new SimulatedAnnealingSampler(m).ReverseAnneal(g, BetaSchedule.Constant(1e6, 10), 5, r);
        for (int k = 0; k < 5; k++) Assert.Equal(e0, set.Energies[k], 9);
    }

    [Fact]
    public void ReverseScheduleHeatsToTheFractionThenCools()
    {
        var f = BetaSchedule.Geometric(0.1, 10, 100);
        var rev = f.Reverse(0.25);
        Assert.Equal(75 + 74, rev.Sweeps); // notes §1.9
        Assert.Equal(10, rev.Betas[0], 12);
        Assert.Equal(f.Betas[25], rev.Betas.Min(), 12);
        Assert.Equal(10, rev.Betas[^1], 12);
    }

    [Fact]
    public void SameSeedSameSamplesBitForBit()
    {
        var m = Exact.RandomModel(20, 0.3, new RandomStream(8));
        var a = new SimulatedAnnealingSampler(m).Anneal(BetaSchedule.ForModel(m), 4, new RandomStream(42));
        var b = new SimulatedAnnealingSampler(m).Anneal(BetaSchedule.ForModel(m), 4, new RandomStream(42));
        Assert.Equal(a.States, b.States);
        Assert.Equal(a.Energies, b.Energies);
    }

    [Fact]
    public void FastExpIsAccurate()
    {
        for (double x = -40; x <= 0; x += 0.0137)
            Assert.True(Math.Abs(FastExp.NegativeRange(x) / Math.Exp(x) - 1) < 1e-8, $"x = {x}");
    }
}
