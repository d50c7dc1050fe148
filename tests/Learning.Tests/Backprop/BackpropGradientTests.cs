using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Backprop;

namespace CircuitNeuro.Learning.Tests.Backprop;

/// <summary>
/// The backward pass against a central finite difference of the MSE (Eq. 3.12) for every parameter of a small
/// two-hidden-layer network, ideal writer, α = 1; and Adam's first steps against hand-computed updates.
/// </summary>
public class BackpropGradientTests
{
    private static (BackpropNetwork Net, double[] Input) Small(double scale)
    {
        var setup = new BackpropSetup { Hidden = [6, 4], Memristive = false, WeightScale = scale };
        var random = new RandomStreams(11);
        var net = setup.Build(5, 3, random);
        var rng = random.Get("test/input");
        // Biases off zero so some hidden neurons sit in the linear part and some saturate.
        foreach (var w in net.Weights)
            for (int k = 0; k < w.Length; k++) w[k] += rng.Normal(0, 0.3);
        return (net, Enumerable.Range(0, 5).Select(_ => rng.Uniform(0, 1)).ToArray());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Gradient_MatchesCentralDifferenceOfTheLoss_ForEveryParameter(double scale)
    {
        var (net, x) = Small(scale);
        const int label = 1;
        net.ComputeGradients(x, label);
        const double h = 1e-6;
        int checkedCount = 0;
        for (int l = 0; l < net.Weights.Length; l++)
            for (int k = 0; k < net.Weights[l].Length; k++)
            {
                double w0 = net.Weights[l][k];
                net.Weights[l][k] = w0 + h;
                double up = net.Loss(x, label);
                net.Weights[l][k] = w0 - h;
                double down = net.Loss(x, label);
                net.Weights[l][k] = w0;
                double numeric = (up - down) / (2 * h);
                Assert.True(Math.Abs(numeric - net.Gradients[l][k]) < 1e-8 + 1e-6 * Math.Abs(numeric),
                    $"layer {l} param {k}: backprop {net.Gradients[l][k]:G10}, finite difference {numeric:G10}");
                checkedCount++;
            }
        Assert.Equal((5 + 1) * 6 + (6 + 1) * 4 + (4 + 1) * 3, checkedCount);
        // The check is not vacuous: some gradients of the first layer are non-zero (a path through linear hidden units).
        Assert.Contains(net.Gradients[0], g => Math.Abs(g) > 1e-4);
    }

    [Fact]
    public void Adam_FirstTwoSteps_AreTheHandComputedUpdates()
    {
        var adam = new AdamOptimizer(0.001, [new double[1]]);
        adam.BeginStep();
        double first = adam.Update(0, 0, 0.2);
        // m = 0.1·0.2 = 0.02, v = 0.001·0.04 = 4e-5; m̂ = 0.2, v̂ = 0.04: ΔW = −0.001·0.2/(0.2 + 1e-8).
        Assert.Equal(-0.001 * 0.2 / (0.2 + 1e-8), first, 15);
        adam.BeginStep();
        double second = adam.Update(0, 0, -0.1);
        // m = 0.9·0.02 − 0.01 = 0.008, v = 0.999·4e-5 + 0.001·0.01 = 4.996e-5; m̂ = 0.008/0.19, v̂ = 4.996e-5/(1 − 0.999²).
        double mHat = 0.008 / 0.19, vHat = 4.996e-5 / (1 - 0.998001);
        Assert.Equal(-0.001 * mHat / (Math.Sqrt(vHat) + 1e-8), second, 15);
        Assert.True(second < 0, "the momentum keeps the first step's direction against a smaller opposite gradient");
    }

    [Fact]
    public void Sgd_StepIsMinusLearningRateTimesGradient_OnTheIdealWriter()
    {
        var (net, x) = Small(1);
        var before = net.Weights.Select(w => (double[])w.Clone()).ToArray();
        net.Train(x, 2);
        for (int l = 0; l < before.Length; l++)
            for (int k = 0; k < before[l].Length; k++)
                Assert.Equal(before[l][k] - 0.1 * net.Gradients[l][k], net.Weights[l][k], 15);
    }
}
