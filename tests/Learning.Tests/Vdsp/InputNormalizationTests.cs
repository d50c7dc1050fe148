using CircuitNeuro.Learning.Vdsp;

namespace CircuitNeuro.Learning.Tests.Vdsp;

public class InputNormalizationTests
{
    [Fact]
    public void MaxAndMeanNormalisationsScaleEachImageByHand()
    {
        double[] x = [0, 0.2, 0.4, 0.1];
        Assert.Equal([0, 0.5, 1, 0.25], InputNormalization.Normalize(x, "max"));
        // mean 0.175 → scale 0.1307/0.175; no pixel reaches 1, so the mean is exactly the target.
        var m = InputNormalization.Normalize(x, "mean");
        Assert.Equal(0.4 * 0.1307 / 0.175, m[2], 15);
        Assert.Equal(InputNormalization.MeanTarget, m.Average(), 15);
        // A faint image (mean 0.02) is brightened 6.5× until its pixel clips at 1.
        Assert.Equal([1.0, 0, 0, 0, 0, 0, 0, 0, 0, 0], InputNormalization.Normalize([0.2, 0, 0, 0, 0, 0, 0, 0, 0, 0], "mean"));
        Assert.Equal([0.0, 0], InputNormalization.Normalize([0.0, 0], "mean"));
        Assert.Throws<ArgumentException>(() => InputNormalization.Apply(new Learning.Data.Dataset("d", [[0.1]], [0], 1), "zscore"));
    }
}
