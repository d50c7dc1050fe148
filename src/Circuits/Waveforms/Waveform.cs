namespace CircuitNeuro.Circuits.Waveforms;

/// <summary>Time function of an independent source, with the ngspice semantics of each shape.</summary>
public abstract class Waveform
{
    public abstract double Value(double time);

    /// <summary>The waveform as an ngspice source specification, e.g. "PULSE(0 1 0 1n 1n 5u 10u)".</summary>
    public abstract string ToSpice();

    protected static string Num(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    protected static string Args(IEnumerable<double> given)
    {
        var list = given.ToList();
        while (list.Count > 0 && double.IsNaN(list[^1])) list.RemoveAt(list.Count - 1);
        return string.Join(" ", list.Select(v => double.IsNaN(v) ? "0" : Num(v)));
    }

    /// <summary>Corners in (from, to] the transient must step onto exactly.</summary>
    public virtual void CollectBreakpoints(double from, double to, List<double> breakpoints) { }

    /// <summary>Lets shapes whose defaults depend on the analysis (PULSE rise time = tstep, SIN frequency = 1/tstop) resolve them.</summary>
    public virtual void BindTransient(double step, double stop) { }

    protected static void AddIfInside(double t, double from, double to, List<double> breakpoints)
    {
        if (t > from && t <= to) breakpoints.Add(t);
    }
}

/// <summary>A constant.</summary>
public sealed class ConstantWaveform(double value) : Waveform
{
    public double Level { get; } = value;
    public override double Value(double time) => Level;
    public override string ToSpice() => $"DC {Num(Level)}";
}
