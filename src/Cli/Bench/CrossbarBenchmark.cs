using CircuitNeuro.EventKernel.Random;
using System.Diagnostics;
using CircuitNeuro.Circuits.Analysis;
using CircuitNeuro.Circuits.Builders;
using CircuitNeuro.Circuits.Netlist;
using CircuitNeuro.Circuits.Ngspice;

namespace CircuitNeuro.Cli.Bench;

/// <summary>One crossbar size: our timings and, when ngspice ran, its timing and the agreement of the column currents.</summary>
public sealed record CrossbarBenchResult(int N, int Unknowns, double BuildMs, double FirstSolveMs, double ResolveMs,
    double? NgspiceMs, double? SpeedUp, double? MaxRelativeDifference, bool? Agrees);

/// <summary>
/// N×N 1R crossbar operating point: seeded cell resistances (log-uniform 10 kΩ … 1 MΩ, i.e.
/// conductances spread evenly over two decades as in analog weight storage), row voltages
/// uniform in 0 … 0.2 V (read voltages), equal word- and bit-line segment resistance.
/// </summary>
public sealed class CrossbarBenchmark
{
    public const double MinCellResistance = 10e3, MaxCellResistance = 1e6, MaxRowVoltage = 0.2;

    public required double LineResistance { get; init; }
    public required ulong Seed { get; init; }
    /// <summary>Column currents must agree with ngspice to this relative difference.</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>
    /// Builds and solves the crossbar, then changes every cell value and solves again (KLU refactor
    /// path). ngspice, if asked, solves the exported circuit in its final state, so the check covers
    /// the re-solve, which reuses everything the first solve set up.
    /// </summary>
    public CrossbarBenchResult Run(int n, bool withNgspice, Action<string> progress)
    {
        var random = new RandomStreams(Seed).Get("bench/crossbar");
        var rows = Enumerable.Range(0, n).Select(_ => MaxRowVoltage * random.NextDouble()).ToArray();
        var first = CellValues(n, random);
        var second = CellValues(n, random);

        progress($"N={n}: building {n}x{n} crossbar");
        var clock = Stopwatch.StartNew();
        var crossbar = Crossbar.Build(new CrossbarSpec
        {
            Rows = n, Columns = n,
            CellResistance = (i, j) => first[i, j],
            RowVoltage = i => rows[i],
            WordLineSegment = LineResistance,
            BitLineSegment = LineResistance,
        });
        using var system = new MnaSystem(crossbar.Circuit);
        double buildMs = clock.Elapsed.TotalMilliseconds;

        progress($"N={n}: {system.UnknownCount} unknowns, first solve");
        double firstMs = Time(() => OperatingPoint.Solve(system));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) crossbar.Cell(i, j).Resistance = second[i, j];
        progress($"N={n}: re-solve with new cell values");
        double resolveMs = Time(() => OperatingPoint.Solve(system));
        var ours = crossbar.ColumnCurrents(system);

        if (!withNgspice) return new CrossbarBenchResult(n, system.UnknownCount, buildMs, firstMs, resolveMs, null, null, null, null);

        progress($"N={n}: ngspice .op on the exported netlist" + (n >= 100 ? " (takes minutes from N=128 on)" : ""));
        string netlist = SpiceWriter.Write(crossbar.Circuit, [".op"]);
        var result = NgspiceShared.Instance.RunNetlist(netlist);
        double worst = 0;
        for (int j = 0; j < n; j++)
        {
            double a = ours[j], b = result.Current($"vsense{j}")[0];
            double diff = Math.Abs(a - b) / Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), 1e-18);
            if (!(diff <= worst)) worst = diff;
        }
        double ngMs = result.Timing.TotalMilliseconds;
        return new CrossbarBenchResult(n, system.UnknownCount, buildMs, firstMs, resolveMs, ngMs, ngMs / firstMs, worst, worst <= Tolerance);
    }

    private static double[,] CellValues(int n, RandomStream random)
    {
        var r = new double[n, n];
        double decades = Math.Log10(MaxCellResistance / MinCellResistance);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) r[i, j] = MinCellResistance * Math.Pow(10, decades * random.NextDouble());
        return r;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }
}
