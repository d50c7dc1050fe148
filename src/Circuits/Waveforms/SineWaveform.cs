namespace CircuitNeuro.Circuits.Waveforms;

/// <summary>
/// SIN(vo va freq td theta phase): vo + va·e^{−θ(t−td)}·sin(2πf(t−td) + phase) after td, and
/// vo + va·sin(phase) before (ngspice manual, "Sinusoidal"); freq defaults to 1/tstop, phase in degrees.
/// </summary>
public sealed class SineWaveform : Waveform
{
    private readonly double[] _given;
    private double _freq;

    public SineWaveform(params double[] args)
    {
        if (args.Length < 2 || double.IsNaN(args[0]) || double.IsNaN(args[1]))
            throw new ArgumentException("SIN needs at least vo and va.");
        _given = new double[6];
        for (int i = 0; i < 6; i++) _given[i] = i < args.Length ? args[i] : double.NaN;
        BindTransient(double.NaN, double.NaN);
    }

    private double Given(int i, double fallback) => double.IsNaN(_given[i]) ? fallback : _given[i];

    public override void BindTransient(double step, double stop) =>
        _freq = Given(2, double.IsNaN(stop) ? 0 : 1 / stop);

    public override string ToSpice() => $"SIN({Args(_given)})";

    public override double Value(double time)
    {
        double vo = _given[0], va = _given[1];
        double td = Given(3, 0), theta = Given(4, 0), phase = Given(5, 0) * Math.PI / 180;
        if (time <= td) return vo + va * Math.Sin(phase);
        double t = time - td;
        return vo + va * Math.Exp(-t * theta) * Math.Sin(2 * Math.PI * _freq * t + phase);
    }

    public override void CollectBreakpoints(double from, double to, List<double> breakpoints) =>
        AddIfInside(Given(3, 0), from, to, breakpoints);
}
