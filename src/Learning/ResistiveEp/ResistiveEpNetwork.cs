using CircuitNeuro.Circuits.Analysis;

namespace CircuitNeuro.Learning.ResistiveEp;

/// <summary>
/// Reads and drives a built network through one MNA system: free and nudged equilibria,
/// doubled outputs d_c = V⁺_c − V⁻_c, the loss ½Σ(d − y)², and the drop across every weight.
/// The system is laid out once; conductance and source changes only refactor it.
/// </summary>
public sealed class ResistiveEpNetwork
{
    public ResistiveEpNetwork(ResistiveEpCircuit layout, MnaSystem system)
    {
        Layout = layout;
        System = system;
        _weightNodes = layout.Weights.Select(w => (system.NodeIndex(w.Nodes[0]), system.NodeIndex(w.Nodes[1]))).ToArray();
        _outPlus = layout.OutputPlusNodes.Select(system.NodeIndex).ToArray();
        _outMinus = layout.OutputMinusNodes.Select(system.NodeIndex).ToArray();
    }

    private readonly (int A, int B)[] _weightNodes;
    private readonly int[] _outPlus, _outMinus;
    private bool _solvedOnce;

    public ResistiveEpCircuit Layout { get; }
    public MnaSystem System { get; }

    /// <summary>
    /// Tolerances tight enough for finite-difference and small-β gradient checks (Newton converges
    /// quadratically, so the accepted iterate is far inside them).
    /// </summary>
    public static SimulationOptions PreciseOptions { get; } = new() { RelTol = 1e-11, VnTol = 1e-13, AbsTol = 1e-17 };

    /// <summary>Solves the operating point, starting from the previous equilibrium once there is one.</summary>
    public void Solve()
    {
        OperatingPoint.Solve(System, useCurrentSolutionAsGuess: _solvedOnce);
        _solvedOnce = true;
    }

    /// <summary>Free phase: inputs applied, no nudging; returns the doubled outputs.</summary>
    public double[] SolveFree(ReadOnlySpan<double> x)
    {
        Layout.SetInput(x);
        Layout.SetNudge([]);
        Solve();
        return Outputs();
    }

    /// <summary>
    /// Nudged phase with I_c = β(y_c − d_c) injected into V⁺_c (and −I_c into V⁻_c), i.e. −β ∂C/∂V.
    /// By default d is the free-phase output (the currents are numbers set once per phase, as a
    /// measure-then-inject loop would do); <paramref name="selfConsistent"/> iterates the currents
    /// until they match the nudged outputs themselves (the exact F = P + βC of the notes §4).
    /// Both give ∂L/∂g in the limit β → 0 with the same error orders.
    /// </summary>
    public double[] SolveNudged(double beta, ReadOnlySpan<double> y, ReadOnlySpan<double> freeOutputs, bool selfConsistent = false)
    {
        var d = freeOutputs.ToArray();
        var currents = new double[d.Length];
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double change = 0;
            for (int c = 0; c < d.Length; c++)
            {
                double next = beta * (y[c] - d[c]);
                change = Math.Max(change, Math.Abs(next - currents[c]));
                currents[c] = next;
            }
            if (iteration > 0 && change <= 1e-15 * Math.Max(1, Math.Abs(beta))) break;
            Layout.SetNudge(currents);
            Solve();
            d = Outputs();
            if (!selfConsistent) break;
        }
        return d;
    }

    public double[] Outputs()
    {
        var s = System.Solution;
        var d = new double[_outPlus.Length];
        for (int c = 0; c < d.Length; c++) d[c] = V(s, _outPlus[c]) - V(s, _outMinus[c]);
        return d;
    }

    /// <summary>Voltage drop across every weight conductance at the present solution.</summary>
    public double[] Drops()
    {
        var s = System.Solution;
        var drops = new double[_weightNodes.Length];
        for (int k = 0; k < drops.Length; k++) drops[k] = V(s, _weightNodes[k].A) - V(s, _weightNodes[k].B);
        return drops;
    }

    public static double Loss(ReadOnlySpan<double> outputs, ReadOnlySpan<double> y)
    {
        double l = 0;
        for (int c = 0; c < outputs.Length; c++) l += 0.5 * (outputs[c] - y[c]) * (outputs[c] - y[c]);
        return l;
    }

    /// <summary>Loss of the free equilibrium for one sample (the quantity EP differentiates).</summary>
    public double FreeLoss(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Loss(SolveFree(x), y);

    private static double V(double[] s, int i) => i < 0 ? 0 : s[i];
}
