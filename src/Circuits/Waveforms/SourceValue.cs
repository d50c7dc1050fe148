using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Circuits.Waveforms;

/// <summary>The value an independent source drives in the present analysis (shared by V and I sources).</summary>
public static class SourceValue
{
    /// <summary>
    /// The waveform during a transient and its initial operating point; otherwise the DC value,
    /// or the waveform at t = 0 when no DC value was given (as ngspice does); scaled by source stepping.
    /// </summary>
    public static double At(LoadContext ctx, double dcValue, Waveform? waveform)
    {
        double value = ctx.UseWaveforms && waveform is not null ? waveform.Value(ctx.Time)
            : !double.IsNaN(dcValue) ? dcValue
            : waveform?.Value(0) ?? 0;
        return value * ctx.SourceFactor;
    }
}
