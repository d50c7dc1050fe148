namespace CircuitNeuro.Circuits.Waveforms;

/// <summary>
/// PULSE(v1 v2 td tr tf pw per [np]) as in the ngspice manual (section "Pulse"): rise and fall
/// default to the transient step, width and period to the stop time; np limits the pulse count.
/// </summary>
public sealed class PulseWaveform : Waveform
{
    private readonly double[] _given;
    private double _tr, _tf, _pw, _per;

    /// <param name="args">v1 v2 [td tr tf pw per np]; NaN or missing entries take their defaults.</param>
    public PulseWaveform(params double[] args)
    {
        if (args.Length < 2 || double.IsNaN(args[0]) || double.IsNaN(args[1]))
            throw new ArgumentException("PULSE needs at least v1 and v2.");
        _given = new double[8];
        for (int i = 0; i < 8; i++) _given[i] = i < args.Length ? args[i] : double.NaN;
        BindTransient(double.NaN, double.NaN);
    }

    public double V1 => _given[0];
    public double V2 => _given[1];
    public double Delay => Given(2, 0);
    private int PulseCount => double.IsNaN(_given[7]) || _given[7] <= 0 ? int.MaxValue : (int)_given[7];

    private double Given(int i, double fallback) => double.IsNaN(_given[i]) ? fallback : _given[i];

    public override void BindTransient(double step, double stop)
    {
        double defaultEdge = double.IsNaN(step) ? 1e-12 : step;
        _tr = Given(3, 0) > 0 ? _given[3] : defaultEdge;
        _tf = Given(4, 0) > 0 ? _given[4] : defaultEdge;
        _pw = Given(5, double.IsNaN(stop) ? double.PositiveInfinity : stop);
        _per = Given(6, double.IsNaN(stop) ? double.PositiveInfinity : stop);
        if (_per < _tr + _pw + _tf) _per = double.PositiveInfinity; // not periodic: one pulse
    }

    public override string ToSpice() => $"PULSE({Args(_given)})";

    public override double Value(double time)
    {
        double t = time - Delay;
        if (t <= 0) return V1;
        if (!double.IsInfinity(_per))
        {
            double k = Math.Floor(t / _per);
            if (k >= PulseCount) return V1;
            t -= k * _per;
        }
        if (t < _tr) return V1 + (V2 - V1) * t / _tr;
        if (t <= _tr + _pw) return V2;
        if (t < _tr + _pw + _tf) return V2 + (V1 - V2) * (t - _tr - _pw) / _tf;
        return V1;
    }

    public override void CollectBreakpoints(double from, double to, List<double> breakpoints)
    {
        double start = Delay;
        for (int n = 0; n < PulseCount; n++)
        {
            double b = start + n * _per;
            if (b > to || double.IsInfinity(b)) break;
            AddIfInside(b, from, to, breakpoints);
            AddIfInside(b + _tr, from, to, breakpoints);
            AddIfInside(b + _tr + _pw, from, to, breakpoints);
            AddIfInside(b + _tr + _pw + _tf, from, to, breakpoints);
            if (double.IsInfinity(_per)) break;
        }
    }
}
