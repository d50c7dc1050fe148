using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.OdeSolvers;
using MathNet.Numerics.RootFinding;
using CircuitNeuro.Circuits.Devices;

namespace CircuitNeuro.Circuits.Tests.Devices;

/// <summary>
/// Independent reference: MathNet.Numerics' fixed-step classical RK4 on y = [x, E] with dx/dt and i(v, x)
/// written out in the test (not taken from the device code), over each piece of a pulse with a fine uniform step.
/// A series resistance is solved with MathNet's Brent root finder.
/// </summary>
internal static class MathNetReference
{
    public sealed record Equations(Func<double, double, double> StateDerivative, Func<double, double, double> Current, double Min, double Max);

    /// <summary>
    /// Integrates over each interval between the pulse's knot times with <paramref name="stepsPerPulse"/> steps in all,
    /// evaluating v just inside the interval so a jump at its end is not sampled on the wrong side.
    /// </summary>
    public static (double State, double Energy) Pulse(Equations eq, ProgrammingPulse pulse, double x0, int stepsPerPulse = 20000, double seriesResistance = 0)
    {
        double x = x0, energy = 0;
        var corners = pulse.Corners;
        for (int k = 0; k + 1 < corners.Count; k++)
        {
            double a = corners[k], b = corners[k + 1], eps = 1e-9 * (b - a);
            int n = Math.Max(100, (int)(stepsPerPulse * (b - a) / pulse.Width));
            var (xe, e) = Interval(eq, t => pulse.Voltage(Math.Clamp(t, a + eps, b - eps)), a, b, x, n + 1, seriesResistance);
            x = xe;
            energy += e;
        }
        return (x, energy);
    }

    private static (double State, double Energy) Interval(Equations eq, Func<double, double> sourceVoltage, double start, double end, double x0,
        int points, double seriesResistance)
    {
        double DeviceVoltage(double vs, double x) => seriesResistance == 0 || vs == 0 ? vs
            : Brent.FindRoot(v => v + seriesResistance * eq.Current(v, x) - vs, Math.Min(0, vs), Math.Max(0, vs), 1e-15 * Math.Abs(vs) + 1e-300, 200);

        Vector<double> Rhs(double t, Vector<double> y)
        {
            double x = Math.Clamp(y[0], eq.Min, eq.Max);
            double v = DeviceVoltage(sourceVoltage(t), x);
            double dx = eq.StateDerivative(v, x);
            if ((dx > 0 && x >= eq.Max) || (dx < 0 && x <= eq.Min)) dx = 0;
            return Vector<double>.Build.Dense([dx, v * eq.Current(v, x)]);
        }

        var result = RungeKutta.FourthOrder(Vector<double>.Build.Dense([x0, 0.0]), start, end, points, Rhs);
        var last = result[^1];
        return (Math.Clamp(last[0], eq.Min, eq.Max), last[1]);
    }
}
