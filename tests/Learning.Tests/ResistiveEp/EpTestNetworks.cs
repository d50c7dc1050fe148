using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.ResistiveEp;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>Small random networks and samples shared by the resistive-EP checks.</summary>
internal static class EpTestNetworks
{
    public static ResistiveEpNetwork Build(ResistiveEpSpec spec, ulong seed, SimulationOptions? options = null)
    {
        var layout = ResistiveEpCircuit.Build(spec, new RandomStreams(seed).Get("weights"));
        layout.Circuit.Options = options ?? ResistiveEpNetwork.PreciseOptions;
        return new ResistiveEpNetwork(layout, new MnaSystem(layout.Circuit));
    }

    public static double[] Uniform(RandomStream r, int n, double low, double high) =>
        Enumerable.Range(0, n).Select(_ => r.Uniform(low, high)).ToArray();

    /// <summary>Least-squares slope of log(y) against log(x).</summary>
    public static double LogLogSlope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var lx = x.Select(v => Math.Log(v)).ToArray();
        var ly = y.Select(v => Math.Log(v)).ToArray();
        double mx = lx.Average(), my = ly.Average();
        double sxy = lx.Zip(ly, (a, b) => (a - mx) * (b - my)).Sum();
        double sxx = lx.Sum(a => (a - mx) * (a - mx));
        return sxy / sxx;
    }

    public static double RelativeError(double[] estimate, double[] reference) =>
        Math.Sqrt(estimate.Zip(reference, (a, b) => (a - b) * (a - b)).Sum()) / Math.Sqrt(reference.Sum(b => b * b));
}
