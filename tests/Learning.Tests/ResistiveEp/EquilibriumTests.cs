using CircuitNeuro.EventKernel.Random;
using CircuitNeuro.Learning.ResistiveEp;
using MathNet.Numerics.LinearAlgebra.Double;
using Xunit.Abstractions;

namespace CircuitNeuro.Learning.Tests.ResistiveEp;

/// <summary>
/// Check (2) of issue 6: the equilibrium the engine finds against an independent solution. The
/// nodal equations are written here from the weights alone: every hidden node h has V(a) = A·V(h)
/// and gives up B × the current a delivers (the amplifier); inputs, bias and rails are known voltages.
/// </summary>
public class EquilibriumTests(ITestOutputHelper output)
{
    // CODATA 2014, the values ngspice (and so the engine, for agreement with it) uses; 2018 values shift Vt by 3e-7 relative.
    private const double Boltzmann = 1.38064852e-23, Charge = 1.6021766208e-19;

    private sealed class Nodal
    {
        public readonly Dictionary<string, int> Unknown = new();
        public readonly Dictionary<string, double> Known = new();
        public readonly Dictionary<string, string> AmplifiedFrom = new(); // a-node → its hidden node
        public double A, B;

        /// <summary>V(node) = coefficient·u[index] + constant (index −1: known).</summary>
        public (int Index, double Coefficient, double Constant) Express(string node) =>
            Unknown.TryGetValue(node, out int i) ? (i, 1, 0)
            : AmplifiedFrom.TryGetValue(node, out var h) ? (Unknown[h], A, 0)
            : (-1, 0, node == "0" ? 0 : Known[node]);

        /// <summary>KCL row a current leaving <paramref name="node"/> counts in (with its factor), or none.</summary>
        public (int Row, double Factor) RowOf(string node) =>
            Unknown.TryGetValue(node, out int i) ? (i, 1)
            : AmplifiedFrom.TryGetValue(node, out var h) ? (Unknown[h], B)
            : (-1, 0);
    }

    private static Nodal Describe(ResistiveEpNetwork net, double[] x)
    {
        var layout = net.Layout;
        var spec = layout.Spec;
        var n = new Nodal { A = spec.AmplifierGain, B = spec.Backward };
        n.Known["bias"] = spec.BiasVoltage;
        n.Known["clampup"] = spec.UpperClampRail;
        n.Known["clampdn"] = spec.LowerClampRail;
        for (int i = 0; i < spec.Inputs; i++) { n.Known[$"x{i}p"] = spec.InputScale * x[i]; n.Known[$"x{i}n"] = -spec.InputScale * x[i]; }
        for (int k = 0; k < spec.Hidden.Length; k++)
            for (int j = 0; j < spec.Hidden[k]; j++)
            {
                n.Unknown[ResistiveEpCircuit.HiddenNode(k, j)] = n.Unknown.Count;
                n.AmplifiedFrom[ResistiveEpCircuit.AmplifiedNode(k, j)] = ResistiveEpCircuit.HiddenNode(k, j);
            }
        foreach (var o in layout.OutputPlusNodes.Concat(layout.OutputMinusNodes)) n.Unknown[o] = n.Unknown.Count;
        return n;
    }

    private static double[] Nudges(ResistiveEpNetwork net, double[] current, Nodal n)
    {
        var injected = new double[n.Unknown.Count];
        for (int c = 0; c < current.Length; c++)
        {
            injected[n.Unknown[net.Layout.OutputPlusNodes[c]]] += current[c];
            injected[n.Unknown[net.Layout.OutputMinusNodes[c]]] -= current[c];
        }
        return injected;
    }

    /// <summary>The network of <paramref name="spec"/> at equilibrium for inputs drawn U(0, 1) and the given output nudge currents.</summary>
    private static (ResistiveEpNetwork Net, double[] X) SolvedWithRandomInput(ResistiveEpSpec spec, ulong seed, double[] nudge)
    {
        var net = EpTestNetworks.Build(spec, seed);
        var x = EpTestNetworks.Uniform(new RandomStreams(seed).Get("sample"), spec.Inputs, 0, 1);
        net.Layout.SetInput(x);
        net.Layout.SetNudge(nudge);
        net.Solve();
        return (net, x);
    }

    [Fact]
    public void Linear_network_equilibrium_equals_a_dense_solve_of_independently_assembled_nodal_equations()
    {
        var spec = new ResistiveEpSpec { Inputs = 3, Hidden = [4, 3], Outputs = 2, DiodeClamps = false, InitialLayerScale = [1, 0.3, 0.1] };
        double[] nudge = [2e-6, -1e-6];
        var (net, x) = SolvedWithRandomInput(spec, 21, nudge);

        var n = Describe(net, x);
        var m = new DenseMatrix(n.Unknown.Count);
        var rhs = DenseVector.OfArray(Nudges(net, nudge, n));
        foreach (var w in net.Layout.Weights)
        {
            // Current g(V_p − V_q) leaves p and enters q; write it into the rows both ends belong to.
            var (ip, cp, kp) = n.Express(w.Nodes[0]);
            var (iq, cq, kq) = n.Express(w.Nodes[1]);
            foreach (var (row, factor) in new[] { n.RowOf(w.Nodes[0]), n.RowOf(w.Nodes[1]) with { Factor = -n.RowOf(w.Nodes[1]).Factor } })
            {
                if (row < 0) continue;
                double g = factor * w.Conductance;
                if (ip >= 0) m[row, ip] += g * cp;
                if (iq >= 0) m[row, iq] -= g * cq;
                rhs[row] -= g * (kp - kq);
            }
        }
        var u = m.Solve(rhs);

        double worst = n.Unknown.Max(kv => Math.Abs(u[kv.Value] - net.System.Voltage(kv.Key)));
        output.WriteLine($"{n.Unknown.Count} unknown nodes, largest |V_engine − V_dense| = {worst:G3} V");
        Assert.True(worst < 1e-10, $"engine and dense nodal solve differ by {worst:G3} V");
        Assert.True(n.Unknown.Keys.Any(k => Math.Abs(net.System.Voltage(k)) > 0.05), "trivial (all-zero) solution");
    }

    [Fact]
    public void Diode_network_equilibrium_satisfies_kcl_with_the_shockley_equation_at_every_node()
    {
        var spec = new ResistiveEpSpec { Inputs = 3, Hidden = [4, 3], Outputs = 2, InputScale = 3, UpperClampRail = -0.4, LowerClampRail = 0.4, InitialLayerScale = [1, 0.3, 0.1] };
        double[] nudge = [3e-6, -2e-6];
        var (net, x) = SolvedWithRandomInput(spec, 22, nudge);

        var n = Describe(net, x);
        var residual = Nudges(net, nudge, n).Select(i => -i).ToArray(); // Σ leaving − injected
        double V(string node) => node == "0" ? 0 : net.System.Voltage(node);
        foreach (var w in net.Layout.Weights)
        {
            double i = w.Conductance * (V(w.Nodes[0]) - V(w.Nodes[1]));
            var (rp, fp) = n.RowOf(w.Nodes[0]);
            var (rq, fq) = n.RowOf(w.Nodes[1]);
            if (rp >= 0) residual[rp] += fp * i;
            if (rq >= 0) residual[rq] -= fq * i;
        }
        double vt = Boltzmann * (27 + 273.15) / Charge, gmin = net.System.Options.Gmin;
        double Shockley(double vd) => spec.Diode.Is * (Math.Exp(vd / vt) - 1) + gmin * vd;
        double largestDiode = 0;
        for (int k = 0; k < spec.Hidden.Length; k++)
            for (int j = 0; j < spec.Hidden[k]; j++)
            {
                string h = ResistiveEpCircuit.HiddenNode(k, j);
                double up = Shockley(V(h) - spec.UpperClampRail), down = Shockley(spec.LowerClampRail - V(h));
                residual[n.Unknown[h]] += up - down;
                largestDiode = Math.Max(largestDiode, Math.Max(Math.Abs(up), Math.Abs(down)));
            }

        double worst = residual.Max(Math.Abs);
        output.WriteLine($"largest diode current {largestDiode:G3} A, largest KCL residual {worst:G3} A");
        Assert.True(largestDiode > 1e-7, "the diodes are not conducting: the check would not exercise them");
        // The engine's reverse branch (below −3 Vt) differs from Shockley by less than Is = 1e-14 A.
        Assert.True(worst < 1e-13, $"KCL residual {worst:G3} A");
    }
}
