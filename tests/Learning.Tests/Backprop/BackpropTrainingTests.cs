using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Backprop;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.Backprop;

/// <summary>
/// Training on Digits (EqSpike's every-5th split: 1437 training, 360 test images, 6 epochs): BP-SGD
/// and BP-ADAM with Table 3.2's rates, ideal and memristive synapses, beat a clear threshold (chance is 10 %); same seed,
/// same weights; σ_neuron = 0 is the network without spread; bad values name their key.
/// </summary>
public class BackpropTrainingTests
{
    private static (BackpropTrainer Trainer, double Accuracy) Train(BackpropSetup setup, int epochs, ulong seed = 1)
    {
        var (train, test) = RepositoryData.DigitsSplit(5);
        var random = new RandomStreams(seed);
        var trainer = new BackpropTrainer(setup.Build(train.FeatureCount, train.ClassCount, random), random);
        BackpropEpochReport? last = null;
        for (int e = 0; e < epochs; e++) last = trainer.TrainEpoch(train, test);
        return (trainer, last!.TestAccuracy);
    }

    [Theory]
    [InlineData(BackpropOptimizer.Sgd, false)]
    [InlineData(BackpropOptimizer.Sgd, true)]
    [InlineData(BackpropOptimizer.Adam, false)]
    [InlineData(BackpropOptimizer.Adam, true)]
    public void TrainsOnADigitsSubset(BackpropOptimizer optimizer, bool memristive)
    {
        var (_, accuracy) = Train(new BackpropSetup { Optimizer = optimizer, Memristive = memristive }, epochs: 6);
        Assert.True(accuracy > 0.8, $"{optimizer}, memristive {memristive}: test accuracy {accuracy:P1} after 6 epochs");
    }

    [Fact]
    public void SameSeed_GivesBitIdenticalWeights_WithEveryNonIdeality()
    {
        var setup = new BackpropSetup
        {
            Optimizer = BackpropOptimizer.Adam, NeuronSpread = 0.3,
            Memristor = new MemristorSynapseOptions { WriteNoise = 1e-3, SlopeSpread = 0.2, ThresholdSpread = 1e-3 },
        };
        var a = Train(setup, 1).Trainer.Network.Weights;
        var b = Train(setup, 1).Trainer.Network.Weights;
        var c = Train(setup, 1, seed: 2).Trainer.Network.Weights;
        Assert.Equal(a.SelectMany(w => w).Select(BitConverter.DoubleToInt64Bits), b.SelectMany(w => w).Select(BitConverter.DoubleToInt64Bits));
        Assert.NotEqual(a.SelectMany(w => w), c.SelectMany(w => w));
    }

    [Fact]
    public void NeuronSpreadZero_IsBitIdenticalToNone_AndASpreadChangesTheRun()
    {
        var none = Train(new BackpropSetup(), 1).Trainer.Network;
        var zero = Train(new BackpropSetup { NeuronSpread = 0 }, 1).Trainer.Network;
        var spread = Train(new BackpropSetup { NeuronSpread = 0.5 }, 1).Trainer.Network;
        Assert.Equal(none.Weights.SelectMany(w => w), zero.Weights.SelectMany(w => w));
        Assert.All(zero.Gains.SelectMany(g => g), g => Assert.Equal(1.0, g));
        Assert.Contains(spread.Gains.SelectMany(g => g), g => Math.Abs(g - 1) > 0.1);
        Assert.True(spread.Gains.SelectMany(g => g).Min() >= 0.01);
        Assert.NotEqual(none.Weights.SelectMany(w => w), spread.Weights.SelectMany(w => w));
    }

    [Fact]
    public void GainSpread_ScalesTheForwardInput_ButNotTheBackwardSlope()
    {
        // g(x) = f(αx) forward; the backward pass uses f'(x) (§3.8.1): with α = 2 and an output pre-activation x, the
        // output delta is 2/M·(σ(2x) − y)·σ'(x).
        var net = new BackpropSetup { Hidden = [2], Memristive = false }.Build(2, 1, new RandomStreams(5));
        net.Gains[1][0] = 2;
        double[] input = [0.3, 0.7];
        net.ComputeGradients(input, 0);
        // The output bias gradient is the output delta itself.
        double y = net.Forward(input)[0];
        double x = Math.Log(y / (1 - y)) / 2;
        Assert.Equal(2.0 * (y - 1) * Activations.SigmoidSlope(x), net.Gradients[1][^1], 12);
    }

    [Theory]
    [InlineData("hidden", 0, 0.0, 0.0)]
    [InlineData("learning_rate", 32, -1.0, 0.0)]
    [InlineData("neuron_spread", 32, 0.1, -0.5)]
    public void BadValues_NameTheirKey(string key, int hidden, double rate, double spread)
    {
        var setup = new BackpropSetup { Hidden = [hidden], LearningRate = rate == 0 ? null : rate, NeuronSpread = spread };
        var ex = Assert.Throws<ArgumentException>(() => setup.Build(64, 10, new RandomStreams(1)));
        Assert.StartsWith(key, ex.Message);
    }

    [Fact]
    public void BadDevice_NamesTheDeviceKey()
    {
        var setup = new BackpropSetup { Memristor = new MemristorSynapseOptions { WriteNoise = -1 } };
        var ex = Assert.Throws<ArgumentException>(() => setup.Build(64, 10, new RandomStreams(1)));
        Assert.Contains("write_noise", ex.Message);
    }
}
