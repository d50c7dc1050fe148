using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Circuits.Elements;

/// <summary>
/// Newton step limits for field-effect transistors, after SPICE's fetlim/limvds heuristics:
/// the gate voltage may not jump across the threshold region in one iteration, and the drain
/// voltage may not grow by more than a few volts at once.
/// </summary>
public static class FetLimits
{
    public static double Gate(double vNew, double vOld, double vto)
    {
        double hi = Math.Abs(2 * (vOld - vto)) + 2;
        double lo = hi / 2 + 2;
        double vtox = vto + 3.5;
        double delta = vNew - vOld;
        if (vOld >= vto)
        {
            if (vOld >= vtox)
            {
                if (delta <= 0)
                    return vNew >= vtox ? (-delta > lo ? vOld - lo : vNew) : Math.Max(vNew, vto + 2);
                return delta >= hi ? vOld + hi : vNew;
            }
            return delta <= 0 ? Math.Max(vNew, vto - 0.5) : Math.Min(vNew, vto + 4);
        }
        if (delta <= 0) return -delta > hi ? vOld - hi : vNew;
        double vOn = vto + 0.5;
        if (vNew <= vOn) return delta > lo ? vOld + lo : vNew;
        return vOn;
    }

    public static double Drain(double vNew, double vOld)
    {
        if (vOld >= 3.5)
            return vNew > vOld ? Math.Min(vNew, 3 * vOld + 2) : vNew < 3.5 ? Math.Max(vNew, 2) : vNew;
        return vNew > vOld ? Math.Min(vNew, 4) : Math.Max(vNew, -0.5);
    }

    /// <summary>Limits gate–source and drain–source voltages together, in the frame of whichever terminal acted as source last iteration.</summary>
    public static (double Vgs, double Vds) GateAndDrain(double vgs, double vds, double vgsOld, double vdsOld, double vto)
    {
        if (vdsOld >= 0)
        {
            double vgdRaw = vgs - vds;
            vgs = Gate(vgs, vgsOld, vto);
            return (vgs, Drain(vgs - vgdRaw, vdsOld));
        }
        double vgd = Gate(vgs - vds, vgsOld - vdsOld, vto);
        vds = -Drain(-(vgs - vgd), -vdsOld);
        return (vgd + vds, vds);
    }

    /// <summary>A linear (overlap) capacitance between two terminals, stamped as its companion conductance.</summary>
    public static void LoadOverlapCapacitance(LoadContext ctx, ReactiveState state, in ConductanceStamp stamp, double c, int a, int b)
    {
        if (c == 0) return;
        double v = ctx.V(a) - ctx.V(b);
        double i = state.Integrate(ctx.Integrator, c * v);
        double g = ctx.Integrator.A0 * c;
        stamp.Load(ctx, g);
        ctx.AddRhs(a, -(i - g * v));
        ctx.AddRhs(b, i - g * v);
    }
}
