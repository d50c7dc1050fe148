using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.Data;
using CircuitNeuro.Learning.EqSpike;

namespace CircuitNeuro.Learning.Tests.EqSpike;

/// <summary>
/// Units of the rates in the nudge u_o −= β(ρ_o − ρ̂_o) (<see cref="EqSpikeParameters.NudgeRateUnits"/>; Alg. 2 [S L1304],
/// [S L1357], notes §2.5/§8): per step (f_max = 0.5) or over f_max (spikes per T_refract, ρ/f_max ∈ [0, 1]). Checked by hand
/// on a silent network, and per_fmax at β = 0.5 against per_step at β = 1 (the same nudge, so the same training bit for bit).
/// Also the dead-output count of <see cref="EqSpikeTrainer.Evaluate"/>.
/// </summary>
public class NudgeRateUnitsTests
{
    private static (Dataset Train, Dataset Test) Digits => RepositoryData.DigitsSplit(5);

    [Theory]
    [InlineData(NudgeRateUnits.PerStep, 0.1, 0.5, -0.4)]
    [InlineData(NudgeRateUnits.PerFmax, 0.1, 0.5, -0.8)]
    [InlineData(NudgeRateUnits.PerFmax, 0.5, 0.0, 1.0)]
    [InlineData(NudgeRateUnits.PerStep, 0.25, 0.0, 0.25)]
    public void NudgeError_IsTheRateErrorInTheChosenUnits(NudgeRateUnits units, double rate, double target, double expected) =>
        Assert.Equal(expected, new EqSpikeParameters { NudgeRateUnits = units }.NudgeError(rate, target), 15);

    private static EqSpikeNetwork Build(EqSpikeParameters p, ulong seed = 3) =>
        (EqSpikeSetup.EqSpikeDigits with { Parameters = p }).Build(Digits.Train.FeatureCount, Digits.Train.ClassCount, new RandomStreams(seed));

    /// <summary>
    /// Output weights 0 and η = 0: every output is silent (ρ = 0) and receives nothing, so after the first nudge step the
    /// target output holds (1 − γ_LIF)·β·f_max (per step) or (1 − γ_LIF)·β·1 (per f_max), the others 0 (Add, then the LIF step).
    /// </summary>
    [Theory]
    [InlineData(NudgeRateUnits.PerStep, 0.99 * 0.5 * 0.5)]
    [InlineData(NudgeRateUnits.PerFmax, 0.99 * 0.5 * 1.0)]
    public void FirstNudgeStep_MovesTheSilentTargetByHand(NudgeRateUnits units, double expected)
    {
        var p = new EqSpikeParameters { LearningRate = 0, RandomBetaSign = false, NudgeRateUnits = units };
        var net = Build(p);
        Array.Clear(net.Weights[1]);
        int label = Digits.Train.Labels[0];
        double[]? after = null;
        net.TickStarted = (step, _) => { if (step == p.FreeSteps + 1) after = net.Layer(2).Potentials.ToArray(); };
        net.Train(Digits.Train.Features[0], label);
        Assert.NotNull(after);
        for (int o = 0; o < after!.Length; o++)
            Assert.Equal(o == label ? expected : 0, after[o], 14);
    }

    [Fact]
    public void PerFmaxAtHalfBeta_TrainsLikePerStepAtBetaOne()
    {
        double[][] Train(NudgeRateUnits units, double beta)
        {
            var net = Build(new EqSpikeParameters { LearningRate = 3e-5, Beta = beta, NudgeRateUnits = units });
            for (int i = 0; i < 30; i++) net.Train(Digits.Train.Features[i], Digits.Train.Labels[i]);
            return net.Weights;
        }
        var fmax = Train(NudgeRateUnits.PerFmax, 0.5);
        Assert.Equal(Train(NudgeRateUnits.PerStep, 1.0), fmax);
        Assert.NotEqual(Train(NudgeRateUnits.PerStep, 0.5), fmax);
    }

    [Fact]
    public void Evaluate_CountsOutputsThatNeverFire()
    {
        var net = Build(new EqSpikeParameters { LearningRate = 3e-5 });
        var trainer = new EqSpikeTrainer(net, new RandomStreams(4));
        var test = Digits.Test.Slice(0, 40);
        Array.Fill(net.Weights[1], 0.2);
        var (_, before) = trainer.Evaluate(test);
        int row = net.Hidden + 1;
        foreach (int o in new[] { 2, 7 }) Array.Fill(net.Weights[1], -1.0, o * row, row);
        var (accuracy, silent) = trainer.Evaluate(test);
        Assert.Equal(0, before);
        Assert.Equal(2, silent);
        Assert.Equal(0, net.FreeOutputSpikes(7));
        Assert.Equal(accuracy, trainer.Accuracy(test));
    }
}
