using CircuitNeuro.Circuits.Devices;

namespace CircuitNeuro.Circuits.Tests.Devices;

/// <summary>
/// Half-select disturb in a 3×3 passive memristor crossbar (1 Ω line segments) with the seed-002 threshold device
/// (η = 0), a 1.6 V trapezoid (1 µs, 20 ns edges). The update of a cell that sees amplitude A is, by hand,
/// S·[(A − Vth)(W − 2e) + e(A − Vth)²/A] above threshold and exactly 0 below.
/// </summary>
public class HalfSelectDisturbTests
{
    private const double V = 1.6, W = 1e-6, Edge = 20e-9, S = 18, G0 = 3e-5;

    private static double Expected(double amplitude, double vth) =>
        Math.Abs(amplitude) <= vth ? 0 : S * Math.Sign(amplitude) * ((Math.Abs(amplitude) - vth) * (W - 2 * Edge) + Edge * Math.Pow(Math.Abs(amplitude) - vth, 2) / Math.Abs(amplitude));

    private static double[,] Write(double vth, HalfSelectScheme scheme)
    {
        var p = new ThresholdMemristorParameters { SlopePositive = S, SlopeNegative = S, ThresholdPositive = vth, ThresholdNegative = -vth };
        var xbar = MemristorCrossbar.Build(3, 3, (_, _) => new ThresholdMemristor(p), (_, _) => G0);
        return xbar.Write(1, 2, new RectangularPulse(V, W, Edge), scheme, delay: 0.05 * W).StateChange;
    }

    [Theory]
    [InlineData(HalfSelectScheme.VOverTwo)]
    [InlineData(HalfSelectScheme.VOverThree)]
    public void Threshold_between_V_over_2_and_V_changes_only_the_selected_cell(HalfSelectScheme scheme)
    {
        const double vth = 1.0; // V/2 = 0.8 < Vth < V = 1.6
        var d = Write(vth, scheme);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                if (i == 1 && j == 2) Assert.Equal(Expected(V, vth), d[i, j], 2e-3 * Expected(V, vth)); // line drop ≈ 6 Ω of ~30 kΩ
                else Assert.Equal(0, d[i, j]);
    }

    [Fact]
    public void V_over_3_disturbs_less_than_V_over_2()
    {
        const double vth = 0.7; // V/3 = 0.53 < Vth < V/2 = 0.8: half-selected cells switch under V/2 only
        var half = Write(vth, HalfSelectScheme.VOverTwo);
        var third = Write(vth, HalfSelectScheme.VOverThree);
        double worstHalf = 0, worstThird = 0;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                if (i == 1 && j == 2) continue;
                bool halfSelected = i == 1 || j == 2;
                Assert.Equal(halfSelected ? Expected(V / 2, vth) : 0, half[i, j], 5e-3 * Expected(V / 2, vth));
                Assert.Equal(0, third[i, j]);
                worstHalf = Math.Max(worstHalf, Math.Abs(half[i, j]));
                worstThird = Math.Max(worstThird, Math.Abs(third[i, j]));
            }
        Assert.True(worstThird < worstHalf && worstHalf > 0, $"V/3 disturb {worstThird} vs V/2 {worstHalf}");
    }
}
