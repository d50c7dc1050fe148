using CircuitNeuro.Cli.Experiments;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Cli.Tests;

public class ProgrammedConductancesTests
{
    private const int Rows = 64, Cols = 10;
    private const double GMin = 1e-6, GMax = 1e-4, Mid = 3e-5;

    private static double[,] Target()
    {
        var t = new double[Rows, Cols];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Cols; j++) t[i, j] = Mid;
        return t;
    }

    private static double[,] Program(Action<InferenceExperimentConfig.CrossbarSection> set, ulong seed = 5)
    {
        var c = new InferenceExperimentConfig.CrossbarSection { GMin = GMin, GMax = GMax };
        set(c);
        return ProgrammedConductances.Program(Target(), c, new RandomStreams(seed));
    }

    private static IEnumerable<double> All(double[,] g) => g.Cast<double>();

    [Fact]
    public void Ideal_programming_writes_the_targets()
    {
        Assert.All(All(Program(_ => { })), g => Assert.Equal(Mid, g));
    }

    [Fact]
    public void Spread_is_lognormal_around_the_target_with_the_given_sigma()
    {
        const double sigma = 0.3;
        var logs = All(Program(c => c.ConductanceSpread = sigma)).Select(g => Math.Log(g / Mid)).ToArray();
        int n = logs.Length;
        double mean = logs.Average(), sd = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        Assert.InRange(mean, -4 * sigma / Math.Sqrt(n), 4 * sigma / Math.Sqrt(n));
        Assert.InRange(sd, sigma * (1 - 4 / Math.Sqrt(2.0 * n)), sigma * (1 + 4 / Math.Sqrt(2.0 * n)));
        Assert.Equal(All(Program(c => c.ConductanceSpread = sigma)), All(Program(c => c.ConductanceSpread = sigma))); // same seed, same devices
        Assert.NotEqual(All(Program(c => c.ConductanceSpread = sigma)), All(Program(c => c.ConductanceSpread = sigma, seed: 6)));
    }

    [Fact]
    public void Stuck_cells_follow_their_fractions_and_do_not_depend_on_the_spread()
    {
        const double on = 0.1, off = 0.05;
        var g = All(Program(c => { c.StuckOnFraction = on; c.StuckOffFraction = off; })).ToArray();
        int n = g.Length;
        void Within(int count, double p) => Assert.InRange(count, n * p - 4 * Math.Sqrt(n * p * (1 - p)), n * p + 4 * Math.Sqrt(n * p * (1 - p)));
        Within(g.Count(x => x == GMax), on);
        Within(g.Count(x => x == GMin), off);
        var withSpread = All(Program(c => { c.StuckOnFraction = on; c.StuckOffFraction = off; c.ConductanceSpread = 0.5; })).ToArray();
        for (int k = 0; k < n; k++) Assert.Equal(g[k] == GMax || g[k] == GMin, withSpread[k] == GMax || withSpread[k] == GMin);
    }

    [Fact]
    public void Limited_levels_round_to_the_nearest_level()
    {
        // Three levels: 1 µS, 50.5 µS, 100 µS; 30 µS is nearest to 50.5 µS.
        Assert.All(All(Program(c => c.Levels = 3)), g => Assert.Equal((GMin + GMax) / 2, g, 1e-18));
    }
}
