using CircuitNeuro.Cli.Verification;

namespace CircuitNeuro.Cli.Tests;

public class InterpolationTests
{
    [Fact]
    public void ErrorEstimate_IsExactForAParabola()
    {
        double[] x = [0, 1, 2, 3];
        double[] y = x.Select(t => t * t).ToArray();
        var (value, error) = Interpolation.Linear(x, y, 1.5);
        Assert.Equal(2.5, value, 15);           // chord between (1,1) and (2,4)
        Assert.Equal(2.5 - 2.25, error, 15);    // chord minus the true parabola
    }

    [Fact]
    public void ErrorEstimate_IgnoresACornerOnOneSide()
    {
        // Flat, then a ramp from x = 2: between 3 and 4 the waveform is a straight line.
        double[] x = [0, 1, 2, 3, 4, 5];
        double[] y = [0, 0, 0, 1, 2, 3];
        var (value, error) = Interpolation.Linear(x, y, 3.5);
        Assert.Equal(1.5, value, 15);
        Assert.Equal(0, error, 15);
    }

    [Fact]
    public void OutsideTheSamples_ClampsToTheEnds()
    {
        Assert.Equal(7, Interpolation.Linear([0.0, 1], [7.0, 9], -1).Value);
        Assert.Equal(9, Interpolation.Linear([0.0, 1], [7.0, 9], 2).Value);
    }
}
