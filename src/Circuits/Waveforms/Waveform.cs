namespace CircuitNeuro.Circuits.Waveforms;

/// <summary>Time function of an independent source, with the ngspice semantics of each shape.</summary>
public abstract class Waveform
{
    public abstract double Value(double time);

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
}
