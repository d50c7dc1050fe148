using CircuitNeuro.Circuits.Solver;
using static CircuitNeuro.Circuits.Tests.Solver.SolverTestMatrices;

namespace CircuitNeuro.Circuits.Tests.Solver;

public class SingularMatrixTests
{
    public static TheoryData<string, int> Sizes()
    {
        var d = new TheoryData<string, int>();
        foreach (int n in new[] { 8, 30 }) { d.Add("dense", n); d.Add("klu", n); }
        d.Add("klu", 300);
        return d;
    }

    /// <summary>A resistor chain 0-1-…-(n-1), node 0 grounded, with a few nodes removed from the circuit.</summary>
    private static Dictionary<(int, int), double> Chain(int n, params int[] skip)
    {
        var e = new Dictionary<(int, int), double>();
        void Add(int r, int c, double v) => e[(r, c)] = e.GetValueOrDefault((r, c)) + v;
        int prev = -1;
        for (int i = 0; i < n; i++)
        {
            if (skip.Contains(i)) continue;
            double g = 1.0 / (1 + i % 5);
            Add(i, i, g);
            if (prev >= 0) { Add(prev, prev, g); Add(prev, i, -g); Add(i, prev, -g); }
            prev = i;
        }
        return e;
    }

    private static SingularMatrixException Fails(string kind, MnaMatrix m)
    {
        using var s = LinearSolverAccuracyTests.Make(kind);
        return Assert.Throws<SingularMatrixException>(() => s.Factor(m));
    }

    [Theory, MemberData(nameof(Sizes))]
    public void FloatingNode_NamesThatNode(string kind, int n)
    {
        int floating = n / 2 + 1;
        var m = Build(n, Chain(n, floating), new Random(n)); // its row and column are all zero
        Assert.Equal(floating, Fails(kind, m).Unknown);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void FloatingPair_NamesOneOfIt(string kind, int n)
    {
        int a = n / 3, b = n / 3 + 2;
        var e = Chain(n, a, b);
        e[(a, a)] = 0.5; e[(b, b)] = 0.5; e[(a, b)] = -0.5; e[(b, a)] = -0.5; // connected only to each other
        var ex = Fails(kind, Build(n, e, new Random(1)));
        Assert.Contains(ex.Unknown, new[] { a, b });
    }

    [Theory, MemberData(nameof(Sizes))]
    public void RankDeficientNonSymmetricBlock_NamesOneOfIt(string kind, int n)
    {
        int a = 1, b = n - 2;
        var e = Chain(n, a, b);
        e[(a, a)] = 1; e[(a, b)] = 2; e[(b, a)] = 3; e[(b, b)] = 6;
        var ex = Fails(kind, Build(n, e, new Random(2)));
        Assert.Contains(ex.Unknown, new[] { a, b });
    }

    [Theory, MemberData(nameof(Sizes))]
    public void FloatingTriangle_RoundOffPivot_IsDetected(string kind, int n)
    {
        // 1/3, 1/7, 1/11 leave a round-off-sized pivot instead of an exact zero.
        int a = 2, b = n / 2, c = n - 1;
        var e = Chain(n, a, b, c);
        void G(int p, int q, double g) { e[(p, p)] = e.GetValueOrDefault((p, p)) + g; e[(q, q)] = e.GetValueOrDefault((q, q)) + g; e[(p, q)] = -g; e[(q, p)] = -g; }
        G(a, b, 1.0 / 3); G(b, c, 1.0 / 7); G(a, c, 1.0 / 11);
        var ex = Fails(kind, Build(n, e, new Random(3)));
        Assert.Contains(ex.Unknown, new[] { a, b, c });
    }

    [Theory]
    [InlineData("dense")]
    [InlineData("klu")]
    public void ParallelVoltageSources_AreSingular(string kind)
    {
        const int n = 20;
        var e = Chain(n);
        int node = 7, br1 = n, br2 = n + 1;
        e[(node, br1)] = 1; e[(br1, node)] = 1;
        e[(node, br2)] = 1; e[(br2, node)] = 1;
        var ex = Fails(kind, Build(n + 2, e, new Random(4)));
        Assert.Contains(ex.Unknown, new[] { node, br1, br2 });
    }

    [Theory]
    [InlineData("dense")]
    [InlineData("klu")]
    public void AfterSingular_FixedValuesFactorAgain(string kind)
    {
        const int n = 40, floating = 13;
        var m = new MnaMatrix(n);
        var e = Chain(n);
        var slots = e.ToDictionary(kv => kv.Key, kv => m.Slot(kv.Key.Item1, kv.Key.Item2));
        m.Freeze();
        using var s = LinearSolverAccuracyTests.Make(kind);
        void Load(bool connected)
        {
            m.Clear();
            foreach (var kv in e)
            {
                // Disconnected: the node's row and column are zero (neighbours keep their diagonal).
                bool touches = kv.Key.Item1 == floating || kv.Key.Item2 == floating;
                m.Add(slots[kv.Key], touches && !connected ? 0 : kv.Value);
            }
        }
        Load(connected: true);
        SolveAndCheck(s, m, seed: 1);
        Load(connected: false);
        Assert.Equal(floating, Assert.Throws<SingularMatrixException>(() => s.Factor(m)).Unknown);
        Assert.Throws<InvalidOperationException>(() => s.Solve(new double[n]));
        Load(connected: true);
        SolveAndCheck(s, m, seed: 2);
    }
}
