namespace CircuitNeuro.Circuits.Waveforms;

/// <summary>
/// PWL(t1 v1 t2 v2 ...) [r=t] [td=t]: linear between points, first value before, last value
/// after; with r= the segment from time r to the end repeats (ngspice manual, "Piece-Wise Linear").
/// </summary>
public sealed class PwlWaveform : Waveform
{
    private readonly double[] _t, _v;
    private readonly double _delay, _repeatFrom;

    public PwlWaveform(double[] times, double[] values, double repeatFrom = double.NaN, double delay = 0)
    {
        if (times.Length == 0 || times.Length != values.Length) throw new ArgumentException("PWL needs time/value pairs.");
        for (int i = 1; i < times.Length; i++)
            if (times[i] < times[i - 1]) throw new ArgumentException($"PWL times must not decrease (t{i + 1} = {times[i]} < {times[i - 1]}).");
        _t = times;
        _v = values;
        _delay = double.IsNaN(delay) ? 0 : delay;
        _repeatFrom = repeatFrom;
        if (!double.IsNaN(repeatFrom) && Array.IndexOf(times, repeatFrom) < 0)
            throw new ArgumentException($"PWL r={repeatFrom} must be one of the time points.");
    }

    public override string ToSpice()
    {
        var pairs = string.Join(" ", _t.Select((t, i) => $"{Num(t)} {Num(_v[i])}"));
        string r = double.IsNaN(_repeatFrom) ? "" : $" r={Num(_repeatFrom)}";
        string td = _delay == 0 ? "" : $" td={Num(_delay)}";
        return $"PWL({pairs}){r}{td}";
    }

    private double Period => _t[^1] - _repeatFrom;
    private bool Repeats => !double.IsNaN(_repeatFrom) && Period > 0;

    public override double Value(double time)
    {
        double t = time - _delay;
        if (Repeats && t > _t[^1]) t = _repeatFrom + (t - _repeatFrom) % Period;
        if (t <= _t[0]) return _v[0];
        if (t >= _t[^1]) return _v[^1];
        int hi = Array.BinarySearch(_t, t);
        if (hi >= 0) return _v[hi];
        hi = ~hi;
        int lo = hi - 1;
        return _v[lo] + (_v[hi] - _v[lo]) * (t - _t[lo]) / (_t[hi] - _t[lo]);
    }

    public override void CollectBreakpoints(double from, double to, List<double> breakpoints)
    {
        foreach (double t in _t) AddIfInside(t + _delay, from, to, breakpoints);
        if (!Repeats) return;
        int first = Array.IndexOf(_t, _repeatFrom);
        for (double offset = Period; _t[^1] + offset - Period + _delay <= to; offset += Period)
            for (int i = first; i < _t.Length; i++)
                AddIfInside(_t[i] + offset + _delay, from, to, breakpoints);
    }
}
