using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.ResistiveEp;
using Xunit.Abstractions;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>
/// The fast layered solver against the full MNA circuit it replaces: node voltages of the free and both
/// nudged equilibria and the EP gradient, on random small networks (one and two hidden layers, diode clamps
/// on shifted rails or to ground, linear, transformer and Kendall-like amplifiers) and on a Digits-size one.
/// </summary>
public class LayeredEquilibriumTests(ITestOutputHelper output)
{
    public static TheoryData<string, ulong> Networks() => new()
    {
        { "3-4-2 clamps ±0.4, B=A/16", 41 },
        { "3-4-3-2 clamps ±0.4, B=A", 42 },
        { "4-5-3 linear, B=A/8", 43 },
        { "5-6-4-2 clamps to ground, B=A/8", 44 },
        { "64-32-10 clamps ±0.4, B=A/16 (Digits size)", 45 },
    };

    public static ResistiveEpSpec SpecOf(string name) => name[..name.IndexOf(' ')] switch
    {
        "3-4-2" => new() { Inputs = 3, Hidden = [4], Outputs = 2, InputScale = 3, UpperClampRail = -0.4, LowerClampRail = 0.4, BackwardCurrentGain = 0.25 },
        "3-4-3-2" => new() { Inputs = 3, Hidden = [4, 3], Outputs = 2, InputScale = 3, UpperClampRail = -0.4, LowerClampRail = 0.4, InitialLayerScale = [1, 0.3, 0.1] },
        "4-5-3" => new() { Inputs = 4, Hidden = [5], Outputs = 3, DiodeClamps = false, BackwardCurrentGain = 0.5 },
        "5-6-4-2" => new() { Inputs = 5, Hidden = [6, 4], Outputs = 2, InputScale = 8, BackwardCurrentGain = 0.5, InitialLayerScale = [1, 0.5, 0.5] },
        _ => new() { Inputs = 64, Hidden = [32], Outputs = 10, InputScale = 4, UpperClampRail = -0.4, LowerClampRail = 0.4, BackwardCurrentGain = 0.25 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Voltages_and_ep_gradients_equal_the_mna_circuit(string name, ulong seed)
    {
        var spec = SpecOf(name);
        var net = EpTestNetworks.Build(spec, seed);
        var fast = new LayeredEquilibrium(spec, net.System.Options, net.Layout.Conductances());
        var r = new RandomStreams(seed).Get("sample");
        var x = EpTestNetworks.Uniform(r, spec.Inputs, 0, 1);
        var y = EpTestNetworks.Uniform(r, spec.Outputs, -0.5, 0.5);
        const double beta = 1e-5;

        fast.Prepare(x);
        var free = Phase(net, fast, [], () => net.SolveFree(x), "free");
        var power = fast.Power();
        output.WriteLine($"  free-phase power: resistors {power.Resistors:G3} W, diodes {power.Diodes:G3} W, amplifiers {power.Amplifiers:G3} W");
        if (spec.DiodeClamps) Assert.True(power.Diodes > 1e-7, "the clamp diodes barely conduct: the check would not exercise them");
        var currents = new double[spec.Outputs];
        for (int c = 0; c < currents.Length; c++) currents[c] = beta * (y[c] - free[c]);
        Phase(net, fast, currents, () => net.SolveNudged(beta, y, free), "+β");
        var plusDrops = net.Drops();
        var plus = fast.Solution.ToArray();
        Phase(net, fast, currents.Select(i => -i).ToArray(), () => net.SolveNudged(-beta, y, free), "−β");
        var minusDrops = net.Drops();

        var expected = EpGradient.CorrectForBackwardGain(EpGradient.Centered(plusDrops, minusDrops, beta), net.Layout);
        var actual = new double[expected.Length];
        fast.Gradient(plus, fast.Solution, 4 * beta, actual);
        double scale = expected.Max(Math.Abs), worst = expected.Zip(actual).Max(p => Math.Abs(p.First - p.Second));
        output.WriteLine($"{name}: {expected.Length} weights, largest |∂L/∂g| {scale:G3}, largest fast − MNA {worst:G3} (relative {worst / scale:G3})");
        Assert.True(scale > 0, "zero gradient: nothing was compared");
        Assert.True(worst <= 1e-9 * scale, $"gradients differ by {worst / scale:G3} relative");
    }

    /// <summary>Solves one phase both ways and compares every hidden and output node; returns the MNA outputs.</summary>
    private double[] Phase(ResistiveEpNetwork net, LayeredEquilibrium fast, double[] currents, Func<double[]> mna, string phase)
    {
        var outputs = mna();
        fast.SetNudge(currents);
        fast.Solve();
        double scale = 0, worst = 0;
        for (int k = 0; k < fast.Unknowns; k++)
        {
            double v = net.System.Voltage(fast.NodeName(k));
            scale = Math.Max(scale, Math.Abs(v));
            worst = Math.Max(worst, Math.Abs(v - fast.Solution[k]));
        }
        output.WriteLine($"  {phase}: {fast.Unknowns} nodes, largest |V| {scale:G3} V, largest fast − MNA {worst:G3} V, {fast.LastIterations} Newton iterations");
        Assert.True(scale > 0.01, "all node voltages near zero: nothing was compared");
        Assert.True(worst <= 1e-9 * scale, $"{phase} node voltages differ by {worst / scale:G3} relative");
        return outputs;
    }
}
