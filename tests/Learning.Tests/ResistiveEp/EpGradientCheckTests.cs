using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.ResistiveEp;
using Xunit.Abstractions;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>
/// Check (1) of issue 6: the EP gradient from voltage drops equals the finite-difference gradient of
/// the free-equilibrium loss, with error ∝ β (one-sided) and ∝ β² (centered).
/// </summary>
public class EpGradientCheckTests(ITestOutputHelper output)
{
    private static readonly double[] Betas = [4e-6, 2e-6, 1e-6, 5e-7, 2.5e-7]; // S; weights are 10–50 µS

    public static TheoryData<ulong, bool> Cases => new() { { 11, false }, { 12, false }, { 13, true } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ep_gradient_matches_finite_differences_with_error_order_beta_and_beta_squared(ulong seed, bool selfConsistent)
    {
        var spec = new ResistiveEpSpec { Inputs = 3, Hidden = [4], Outputs = 2, InputScale = 2, UpperClampRail = -0.4, LowerClampRail = 0.4 };
        var net = EpTestNetworks.Build(spec, seed);
        var r = new RandomStreams(seed).Get("sample");
        var x = EpTestNetworks.Uniform(r, 3, 0, 1);
        var y = EpTestNetworks.Uniform(r, 2, -0.5, 0.5);

        var fd = EpGradient.FiniteDifference(net, x, y);
        var oneSided = Betas.Select(b => EpTestNetworks.RelativeError(EpGradient.Estimate(net, x, y, b, false, selfConsistent), fd)).ToArray();
        var centered = Betas.Select(b => EpTestNetworks.RelativeError(EpGradient.Estimate(net, x, y, b, true, selfConsistent), fd)).ToArray();
        double slope1 = EpTestNetworks.LogLogSlope(Betas, oneSided), slope2 = EpTestNetworks.LogLogSlope(Betas, centered);

        net.SolveFree(x);
        var hidden = ResistiveEpCircuit.HiddenNode(0, 0);
        output.WriteLine($"seed {seed} self-consistent {selfConsistent}: hidden V = [{string.Join(", ", Enumerable.Range(0, 4).Select(j => net.System.Voltage(ResistiveEpCircuit.HiddenNode(0, j)).ToString("F3")))}]");
        output.WriteLine($"β (S): {string.Join(", ", Betas.Select(b => b.ToString("G2")))}");
        output.WriteLine($"one-sided rel. error: {string.Join(", ", oneSided.Select(e => e.ToString("G3")))}  slope {slope1:F3}");
        output.WriteLine($"centered  rel. error: {string.Join(", ", centered.Select(e => e.ToString("G3")))}  slope {slope2:F3}");

        Assert.InRange(slope1, 0.9, 1.1);
        Assert.InRange(slope2, 1.85, 2.15);
        Assert.True(oneSided[^1] < 0.05, $"one-sided error at the smallest β is {oneSided[^1]:G3}");
        Assert.True(centered[^1] < 1e-3, $"centered error at the smallest β is {centered[^1]:G3}");
    }
}

/// <summary>
/// Amplifiers whose backward current gain B is not the voltage gain A (Kendall et al. use 1/A): the raw
/// drop-based estimate is off by (A/B) per downstream amplifier; with <see cref="EpGradient.LayerFactor"/> it is exact.
/// </summary>
public class BackwardGainTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0.25)]
    [InlineData(2.0)]
    public void Layer_factor_makes_the_ep_gradient_exact_for_any_backward_gain(double backward)
    {
        var spec = new ResistiveEpSpec { Inputs = 3, Hidden = [4, 3], Outputs = 2, InputScale = 2, UpperClampRail = -0.4, LowerClampRail = 0.4, BackwardCurrentGain = backward };
        var net = EpTestNetworks.Build(spec, 5);
        var r = new RandomStreams(5).Get("sample");
        var x = EpTestNetworks.Uniform(r, 3, 0, 1);
        var y = EpTestNetworks.Uniform(r, 2, -0.5, 0.5);
        var fd = EpGradient.FiniteDifference(net, x, y);
        var corrected = EpGradient.Estimate(net, x, y, 1e-8, centered: true);
        double error = EpTestNetworks.RelativeError(corrected, fd);
        var raw = (double[])corrected.Clone();
        for (int k = 0; k < raw.Length; k++) raw[k] /= EpGradient.LayerFactor(spec, net.Layout.WeightLayer[k]);
        double rawError = EpTestNetworks.RelativeError(raw, fd);
        output.WriteLine($"B = {backward}, A = 4: relative error corrected {error:G3}, raw {rawError:G3}");
        Assert.True(error < 1e-5, $"corrected error {error:G3}");
        Assert.True(rawError > 0.02 && rawError > 1000 * error, "the raw estimate should be visibly off when B ≠ A");
    }
}
