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
