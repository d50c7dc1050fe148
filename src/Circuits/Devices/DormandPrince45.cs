namespace CircuitNeuro.Circuits.Devices;

/// <summary>
/// Adaptive explicit Runge–Kutta 5(4) of Dormand &amp; Prince (J. Comput. Appl. Math. 6:19, 1980), local
/// extrapolation (the 5th-order solution is kept), error from the embedded 4th-order one, per-component
/// tolerance atol_i + rtol·|y_i|, step factor 0.9·err^{−1/5} clamped to [0.2, 5] (Hairer, Nørsett &amp; Wanner, II.4).
/// </summary>
public sealed class DormandPrince45
{
    // Butcher tableau.
    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;
    // Error weights: 5th-order minus 4th-order (b̂ = 5179/57600, 0, 7571/16695, 393/640, −92097/339200, 187/2100, 1/40).
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;

    /// <summary>dy/dt = f(t, y) written into the third argument.</summary>
    public delegate void Rhs(double t, ReadOnlySpan<double> y, Span<double> dydt);

    public required double RelativeTolerance { get; init; }
    /// <summary>Absolute tolerance per component.</summary>
    public required double[] AbsoluteTolerance { get; init; }
    public int MaxSteps { get; init; } = 1_000_000;

    public int AcceptedSteps { get; private set; }
    public int RejectedSteps { get; private set; }

    /// <summary>Called after each accepted step with the new state (for example to clamp it into bounds).</summary>
    public Action<Span<double>>? AfterStep { get; init; }

    /// <summary>Integrates y from t0 to t1 in place.</summary>
    public void Integrate(Rhs f, double t0, double t1, Span<double> y, double initialStep = double.NaN)
    {
        int n = y.Length;
        if (AbsoluteTolerance.Length != n) throw new ArgumentException("one absolute tolerance per component");
        if (!(t1 > t0)) return;
        var k = new double[7][];
        for (int i = 0; i < 7; i++) k[i] = new double[n];
        var yt = new double[n];
        var y5 = new double[n];
        double t = t0;
        double h = double.IsNaN(initialStep) ? (t1 - t0) / 100 : Math.Min(initialStep, t1 - t0);
        f(t, y, k[0]);
        int steps = 0;
        while (t < t1)
        {
            if (++steps > MaxSteps) throw new InvalidOperationException($"Dormand–Prince: more than {MaxSteps} steps from {t0} to {t1}");
            bool last = t + h >= t1 - 1e-12 * (t1 - t0);
            if (last) h = t1 - t;
            Stage(y, yt, h, k, 1, A21);
            f(t + C2 * h, yt, k[1]);
            Stage(y, yt, h, k, 2, A31, A32);
            f(t + C3 * h, yt, k[2]);
            Stage(y, yt, h, k, 3, A41, A42, A43);
            f(t + C4 * h, yt, k[3]);
            Stage(y, yt, h, k, 4, A51, A52, A53, A54);
            f(t + C5 * h, yt, k[4]);
            Stage(y, yt, h, k, 5, A61, A62, A63, A64, A65);
            f(t + h, yt, k[5]);
            for (int i = 0; i < n; i++)
                y5[i] = y[i] + h * (B1 * k[0][i] + B3 * k[2][i] + B4 * k[3][i] + B5 * k[4][i] + B6 * k[5][i]);
            f(t + h, y5, k[6]);

            double err = 0;
            for (int i = 0; i < n; i++)
            {
                double e = h * (E1 * k[0][i] + E3 * k[2][i] + E4 * k[3][i] + E5 * k[4][i] + E6 * k[5][i] + E7 * k[6][i]);
                double scale = AbsoluteTolerance[i] + RelativeTolerance * Math.Max(Math.Abs(y[i]), Math.Abs(y5[i]));
                err = Math.Max(err, Math.Abs(e) / scale);
            }
            double factor = err == 0 ? 5 : Math.Clamp(0.9 * Math.Pow(err, -0.2), 0.2, 5);
            if (err <= 1)
            {
                t = last ? t1 : t + h;
                y5.CopyTo(y);
                if (AfterStep is not null)
                {
                    AfterStep(y);
                    f(t, y, k[0]);
                }
                else k[6].CopyTo(k[0]); // first-same-as-last
                AcceptedSteps++;
            }
            else RejectedSteps++;
            h *= factor;
            if (h < 1e-15 * Math.Max(Math.Abs(t1), t1 - t0)) throw new InvalidOperationException($"Dormand–Prince: step underflow at t = {t}");
        }
    }

    private static void Stage(ReadOnlySpan<double> y, double[] yt, double h, double[][] k, int stage, params ReadOnlySpan<double> a)
    {
        for (int i = 0; i < y.Length; i++)
        {
            double s = 0;
            for (int j = 0; j < stage; j++) s += a[j] * k[j][i];
            yt[i] = y[i] + h * s;
        }
    }
}
