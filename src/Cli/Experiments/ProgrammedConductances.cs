using CircuitNeuro.Circuits.Variability;
using CircuitNeuro.EventKernel.Random;

namespace CircuitNeuro.Cli.Experiments;

/// <summary>
/// What the crossbar actually holds after programming the target conductances with the
/// experiment's non-idealities: stuck cells, limited levels, then a log-normal device-to-device
/// spread around the level. Each cell draws from its own stream ("cells", index), so changing one
/// setting never reshuffles the draws of the others.
/// </summary>
public static class ProgrammedConductances
{
    public static double[,] Program(double[,] target, InferenceExperimentConfig.CrossbarSection c, RandomStreams streams)
    {
        var faults = new Nonidealities { StuckLrsFraction = c.StuckOnFraction, StuckHrsFraction = c.StuckOffFraction };
        int rows = target.GetLength(0), cols = target.GetLength(1);
        var g = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                var stream = streams.Get("cells", i * cols + j);
                g[i, j] = faults.DrawStuck(stream) switch
                {
                    StuckAt.Lrs => c.GMax,
                    StuckAt.Hrs => c.GMin,
                    _ => Spread(LevelQuantizer.Quantize(target[i, j], c.GMin, c.GMax, c.Levels), c.ConductanceSpread, stream),
                };
            }
        return g;
    }

    private static double Spread(double g, double sigma, RandomStream stream) =>
        sigma > 0 ? LogNormalDistribution.FromMedian(g, sigma).Draw(stream) : g;
}
