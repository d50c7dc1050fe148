using CircuitNeuro.Circuits.Elements;
using CircuitNeuro.Circuits.Results;

namespace CircuitNeuro.Circuits.Analysis;

/// <summary>The classic SPICE analyses on a laid-out system, each returning named vectors.</summary>
public static class Analyses
{
    private static VectorTable NewTable(MnaSystem system, string scale) =>
        new(scale, Enumerable.Range(0, system.UnknownCount).Select(system.VectorName));

    /// <summary>.op: one row with every node voltage and branch current.</summary>
    public static VectorTable OperatingPoint(MnaSystem system)
    {
        system.Context.UseWaveforms = false;
        Analysis.OperatingPoint.Solve(system);
        var table = NewTable(system, "index");
        table.AddRow(0, system.Solution);
        return table;
    }

    /// <summary>.dc: sweeps a V or I source's DC value (inner loop) and optionally a second one (outer loop).</summary>
    public static VectorTable DcSweep(MnaSystem system, string source, double start, double stop, double step,
        string? source2 = null, double start2 = 0, double stop2 = 0, double step2 = 0)
    {
        var inner = SweepTarget(system, source);
        var outer = source2 is null ? null : SweepTarget(system, source2);
        var outerValues = outer is null ? [double.NaN] : SweepPoints(start2, stop2, step2, source2!);
        var innerValues = SweepPoints(start, stop, step, source);
        var table = NewTable(system, source.ToLowerInvariant());
        double keepInner = inner.Get(), keepOuter = outer?.Get() ?? 0;
        system.Context.UseWaveforms = false;
        try
        {
            bool first = true;
            foreach (double o in outerValues)
            {
                outer?.Set(o);
                foreach (double v in innerValues)
                {
                    inner.Set(v);
                    Analysis.OperatingPoint.Solve(system, useCurrentSolutionAsGuess: !first);
                    first = false;
                    table.AddRow(v, system.Solution);
                }
            }
        }
        finally
        {
            inner.Set(keepInner);
            outer?.Set(keepOuter);
        }
        return table;
    }

    private sealed record Target(Func<double> Get, Action<double> Set);

    private static Target SweepTarget(MnaSystem system, string name) => system.Circuit.FindElement(name) switch
    {
        VoltageSource v => new Target(() => v.DcValue, x => v.DcValue = x),
        CurrentSource i => new Target(() => i.DcValue, x => i.DcValue = x),
        Resistor r => new Target(() => r.Resistance, x => r.Resistance = x),
        null => throw new CircuitException(name, "swept element is not in the circuit"),
        _ => throw new CircuitException(name, "only V and I sources and resistors can be swept"),
    };

    private static double[] SweepPoints(double start, double stop, double step, string source)
    {
        if (step == 0 || Math.Sign(stop - start) * Math.Sign(step) < 0)
            throw new CircuitException(source, $"sweep step {step} does not lead from {start} to {stop}");
        int n = (int)Math.Floor((stop - start) / step * (1 + 1e-12) + 1e-9) + 1;
        return Enumerable.Range(0, n).Select(k => start + k * step).ToArray();
    }

    /// <summary>.tran: every accepted time point from <paramref name="start"/> on, as ngspice saves them.</summary>
    public static (VectorTable Vectors, TransientSimulation Simulation) Transient(MnaSystem system, double step, double stop,
        double start = 0, double maxStep = double.NaN, bool uic = false)
    {
        var table = NewTable(system, "time");
        var sim = new TransientSimulation(system, step, stop, maxStep);
        sim.PointAccepted += s =>
        {
            if (s.Time >= start) table.AddRow(s.Time, system.Solution);
        };
        sim.Start(uic);
        sim.AdvanceTo(stop);
        return (table, sim);
    }
}
