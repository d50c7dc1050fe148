using CircuitNeuro.Circuits.Waveforms;

namespace CircuitNeuro.Circuits.Devices;

/// <summary>One linear piece of a pulse: v goes from V0 at T0 to V1 at T1 (values are the one-sided limits at jumps).</summary>
public readonly record struct PulseSegment(double T0, double T1, double V0, double V1)
{
    public double VoltageAt(double t) => T1 > T0 ? V0 + (V1 - V0) * (t - T0) / (T1 - T0) : V0;
}

/// <summary>
/// A programming pulse: a piecewise-linear shape scaled by an amplitude (volts, signed) over a width (seconds),
/// 0 V outside [0, Width]. Knots with equal times are jumps (an ideal rectangular edge). The device change comes
/// from integrating the model under v(t), so the same rule with another shape gives another update.
/// </summary>
public abstract record ProgrammingPulse
{
    private readonly double[] _t, _v;

    /// <param name="timeFractions">knot times as fractions of the width, from 0 to 1, non-decreasing</param>
    /// <param name="valueFractions">knot values as fractions of the amplitude</param>
    protected ProgrammingPulse(double amplitude, double width, double[] timeFractions, double[] valueFractions)
    {
        if (!(width > 0) || double.IsInfinity(width)) throw new ArgumentException($"pulse width must be > 0 and finite (got {width})");
        if (!double.IsFinite(amplitude)) throw new ArgumentException($"pulse amplitude must be finite (got {amplitude})");
        if (timeFractions.Length < 2 || timeFractions.Length != valueFractions.Length)
            throw new ArgumentException("a pulse needs at least two (time, value) knots");
        if (timeFractions[0] != 0 || timeFractions[^1] != 1) throw new ArgumentException("knot time fractions must run from 0 to 1");
        for (int i = 1; i < timeFractions.Length; i++)
            if (!(timeFractions[i] >= timeFractions[i - 1])) throw new ArgumentException("knot time fractions must not decrease");
        Amplitude = amplitude;
        Width = width;
        _t = timeFractions.Select(f => f * width).ToArray();
        _v = valueFractions.Select(f => f * amplitude).ToArray();
    }

    public double Amplitude { get; }
    public double Width { get; }

    /// <summary>Linear pieces between distinct knot times, in order.</summary>
    public IReadOnlyList<PulseSegment> Segments()
    {
        var list = new List<PulseSegment>();
        for (int i = 0; i + 1 < _t.Length; i++)
            if (_t[i + 1] > _t[i]) list.Add(new PulseSegment(_t[i], _t[i + 1], _v[i], _v[i + 1]));
        return list;
    }

    /// <summary>Voltage at time t after the pulse start (right-continuous at jumps, 0 outside the pulse).</summary>
    public double Voltage(double t)
    {
        if (t < 0 || t > Width) return 0;
        foreach (var s in Segments().Reverse())
            if (t >= s.T0) return s.VoltageAt(t);
        return _v[0];
    }

    /// <summary>Times where v(t) has a corner or a jump, including 0 and Width.</summary>
    public IReadOnlyList<double> Corners => _t.Distinct().ToArray();

    /// <summary>The same shape and width with the amplitude multiplied by <paramref name="factor"/> (a half-select bias, for example).</summary>
    public ProgrammingPulse Scaled(double factor) =>
        new PwlPulse(Amplitude * factor, Width, _t.Select(t => t / Width).ToArray(), _v.Select(v => Amplitude == 0 ? 0 : v / Amplitude).ToArray());

    /// <summary>A circuit source waveform (0 V outside the pulse) with the pulse starting at <paramref name="start"/>; jumps need a finite edge.</summary>
    public PwlWaveform ToWaveform(double start = 0)
    {
        if (Segments().Count != _t.Length - 1) throw new InvalidOperationException("a pulse with a jump has no circuit form: give its edges a finite duration");
        if (_v[0] != 0 || _v[^1] != 0) throw new InvalidOperationException("a circuit pulse must start and end at 0 V");
        var times = new List<double>();
        var values = new List<double>();
        if (start > 0) { times.Add(0); values.Add(0); }
        times.AddRange(_t.Select(t => start + t));
        values.AddRange(_v);
        return new PwlWaveform(times.ToArray(), values.ToArray());
    }
}

/// <summary>Rectangular pulse; with Edge &gt; 0 it rises and falls linearly over Edge inside the width (a trapezoid).</summary>
public sealed record RectangularPulse(double Amplitude, double Width, double Edge = 0)
    : ProgrammingPulse(Amplitude, Width, Knots(Width, Edge), Edge == 0 ? [1, 1] : [0, 1, 1, 0])
{
    private static double[] Knots(double width, double edge)
    {
        if (!(edge >= 0) || 2 * edge > width) throw new ArgumentException($"edge must lie in [0, width/2] (got {edge})");
        return edge == 0 ? [0, 1] : [0, edge / width, 1 - edge / width, 1];
    }
}

/// <summary>Triangular pulse: 0 → Amplitude at PeakFraction·Width → 0 at Width.</summary>
public sealed record TriangularPulse(double Amplitude, double Width, double PeakFraction = 0.5)
    : ProgrammingPulse(Amplitude, Width, [0, CheckPeak(PeakFraction), 1], [0, 1, 0])
{
    private static double CheckPeak(double f) =>
        f > 0 && f < 1 ? f : throw new ArgumentException($"peak fraction must lie in (0, 1) (got {f})");
}

/// <summary>
/// Piecewise-linear shape in normalised coordinates: time fractions of the width (0 … 1, non-decreasing, equal
/// neighbours make a jump) and value fractions of the amplitude, e.g. the bipolar pulses of seed 002 §4.2.
/// </summary>
public sealed record PwlPulse(double Amplitude, double Width, double[] TimeFractions, double[] ValueFractions)
    : ProgrammingPulse(Amplitude, Width, TimeFractions, ValueFractions);
