namespace CircuitNeuro.Circuits.Devices;

/// <summary>
/// Applies programming pulses to a behavioural device: integrates dx/dt = f(v(t), x) together with the
/// device energy ∫ v·i dt and charge ∫ i dt by an adaptive Dormand–Prince 5(4), restarting at every corner
/// of the pulse so kinks and jumps never fall inside a step. With a series resistance (a driver or access
/// resistance) the device voltage solves v_d + R_s·i(v_d, x) = v_pulse(t) at every stage.
/// </summary>
public sealed class PulseIntegrator
{
    /// <summary>Relative tolerance; the state's absolute tolerance is this times the state range.</summary>
    public double RelativeTolerance { get; init; } = 1e-8;

    /// <summary>Resistance in series with the device between the driver and the device, in ohms.</summary>
    public double SeriesResistance { get; init; }

    /// <summary>Applies one pulse and moves the device's state.</summary>
    public PulseResult Apply(MemristorDevice device, ProgrammingPulse pulse)
    {
        var m = device.Model;
        double before = device.State;
        // y = [x, device energy, series energy, charge]
        Span<double> y = [before, 0, 0, 0];
        double range = m.StateRange();
        var solver = new DormandPrince45
        {
            RelativeTolerance = RelativeTolerance,
            AbsoluteTolerance = [RelativeTolerance * range, 1e-30, 1e-30, 1e-30],
            AfterStep = s => s[0] = Math.Clamp(s[0], m.MinState, m.MaxState),
        };
        foreach (var whole in pulse.Segments())
        foreach (var segment in SplitAtThresholds(m, whole, y[0]))
        {
            solver.Integrate((t, s, d) =>
            {
                double x = Math.Clamp(s[0], m.MinState, m.MaxState);
                double vs = segment.VoltageAt(t);
                double vd = DeviceVoltage(m, vs, x);
                double i = m.Current(vd, x);
                d[0] = m.BoundedDerivative(vd, x);
                d[1] = vd * i;
                d[2] = (vs - vd) * i;
                d[3] = i;
            }, segment.T0, segment.T1, y, (segment.T1 - segment.T0) / 50);
        }
        device.State = y[0];
        return new PulseResult(before, device.State, y[1], y[2], y[3], solver.AcceptedSteps);
    }

    /// <summary>
    /// Cuts a linear segment where the device voltage crosses a switching threshold. Through a series resistance
    /// the source voltage of that crossing is estimated at the segment's starting state.
    /// </summary>
    private IEnumerable<PulseSegment> SplitAtThresholds(IMemristorModel m, PulseSegment s, double x)
    {
        var cuts = new List<double>();
        foreach (double vth in m.SwitchingThresholds)
        {
            double vs = vth + SeriesResistance * m.Current(vth, x);
            if ((s.V0 - vs) * (s.V1 - vs) < 0) cuts.Add(s.T0 + (vs - s.V0) / (s.V1 - s.V0) * (s.T1 - s.T0));
        }
        cuts.Sort();
        double t0 = s.T0;
        foreach (double t in cuts.Append(s.T1))
        {
            if (t > t0) yield return new PulseSegment(t0, t, s.VoltageAt(t0), s.VoltageAt(t));
            t0 = t;
        }
    }

    /// <summary>Applies pulses in order (0 V between them changes nothing for threshold devices and costs no energy).</summary>
    public IReadOnlyList<PulseResult> ApplyTrain(MemristorDevice device, IEnumerable<ProgrammingPulse> pulses) =>
        pulses.Select(p => Apply(device, p)).ToList();

    /// <summary>Device voltage for a source voltage through the series resistance (Newton, safeguarded by bisection).</summary>
    public double DeviceVoltage(IMemristorModel m, double sourceVoltage, double x)
    {
        double rs = SeriesResistance;
        if (rs == 0 || sourceVoltage == 0) return sourceVoltage;
        double lo = Math.Min(0, sourceVoltage), hi = Math.Max(0, sourceVoltage);
        double v = sourceVoltage / (1 + rs * m.DifferentialConductance(0, x));
        for (int it = 0; it < 100; it++)
        {
            double r = v + rs * m.Current(v, x) - sourceVoltage;
            if (Math.Abs(r) <= 1e-14 * Math.Abs(sourceVoltage)) return v;
            if (r > 0) hi = v; else lo = v;
            double next = v - r / (1 + rs * m.DifferentialConductance(v, x));
            v = next > lo && next < hi ? next : 0.5 * (lo + hi);
        }
        return v;
    }
}
