namespace CircuitNeuro.Circuits.Devices;

/// <summary>
/// Integrates a device's state across one circuit time step, with the device voltage interpolated linearly
/// between the two accepted points (Dormand–Prince 5(4), cut at threshold crossings so kinks fall on step ends).
/// </summary>
public static class RampStateIntegrator
{
    /// <summary>State after <paramref name="duration"/> seconds while v goes linearly from v0 to v1.</summary>
    public static double Advance(IMemristorModel m, double x0, double v0, double v1, double duration, double relativeTolerance = 1e-9)
    {
        if (!(duration > 0)) return x0;
        // Below every threshold for the whole ramp: nothing moves (the common case in a read or between pulses).
        if (m.BoundedDerivative(v0, x0) == 0 && m.BoundedDerivative(v1, x0) == 0 && !CrossesThreshold(m, v0, v1)) return x0;
        var cuts = new List<double> { 0, duration };
        foreach (double vth in m.SwitchingThresholds)
            if ((v0 - vth) * (v1 - vth) < 0) cuts.Add((vth - v0) / (v1 - v0) * duration);
        cuts.Sort();
        Span<double> y = [x0];
        var solver = new DormandPrince45
        {
            RelativeTolerance = relativeTolerance,
            AbsoluteTolerance = [relativeTolerance * m.StateRange()],
            AfterStep = s => s[0] = Math.Clamp(s[0], m.MinState, m.MaxState),
        };
        for (int k = 0; k + 1 < cuts.Count; k++)
        {
            if (!(cuts[k + 1] > cuts[k])) continue;
            solver.Integrate((t, s, d) => d[0] = m.BoundedDerivative(v0 + (v1 - v0) * t / duration, s[0]),
                cuts[k], cuts[k + 1], y, (cuts[k + 1] - cuts[k]) / 4);
        }
        return Math.Clamp(y[0], m.MinState, m.MaxState);
    }

    private static bool CrossesThreshold(IMemristorModel m, double v0, double v1)
    {
        foreach (double vth in m.SwitchingThresholds)
            if ((v0 - vth) * (v1 - vth) <= 0) return true;
        return false;
    }
}
