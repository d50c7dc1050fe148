using CircuitNeuro.Circuits.Solver;
using static CircuitNeuro.Circuits.Tests.Solver.SolverTestMatrices;

namespace CircuitNeuro.Circuits.Tests.Solver;

public class LinearSolverAccuracyTests
{
    public static ILinearSolver Make(string kind) => kind == "klu" ? new KluSolver() : new DenseLuSolver();

    public static TheoryData<string, int> DominantCases()
    {
        var d = new TheoryData<string, int>();
        foreach (int n in new[] { 1, 2, 5, 12, 30 }) { d.Add("dense", n); d.Add("klu", n); }
        foreach (int n in new[] { 100, 400, 1000 }) d.Add("klu", n);
        return d;
    }

    public static TheoryData<string, int, int> MnaCases()
    {
        var d = new TheoryData<string, int, int>();
        foreach (var (nodes, src) in new[] { (3, 1), (10, 3), (25, 5) }) { d.Add("dense", nodes, src); d.Add("klu", nodes, src); }
        foreach (var (nodes, src) in new[] { (100, 10), (500, 40), (900, 100) }) d.Add("klu", nodes, src);
        return d;
    }

    [Theory, MemberData(nameof(DominantCases))]
    public void RandomDiagonallyDominant_MatchesMathNet(string kind, int n)
    {
        using var s = Make(kind);
        SolveAndCheck(s, RandomDominant(n, seed: n), seed: 7 * n);
    }

    [Theory, MemberData(nameof(MnaCases))]
    public void MnaWithZeroDiagonalBranchRows_MatchesMathNet(string kind, int nodes, int sources)
    {
        var m = RandomMna(nodes, sources, seed: nodes + sources);
        Assert.Contains(Enumerable.Range(nodes, m.Size - nodes), i => m[i, i] == 0); // really has zero diagonals
        using var s = Make(kind);
        SolveAndCheck(s, m, seed: nodes);
    }

    [Theory]
    [InlineData(20, 4)]
    [InlineData(60, 8)]
    public void DenseAndKlu_Agree(int nodes, int sources)
    {
        var m = RandomMna(nodes, sources, seed: 99 + nodes);
        var b = RandomVector(m.Size, 5);
        using var d = new DenseLuSolver();
        using var k = new KluSolver();
        var xd = (double[])b.Clone();
        var xk = (double[])b.Clone();
        d.Factor(m); d.Solve(xd);
        k.Factor(m); k.Solve(xk);
        Assert.InRange(RelativeError(xk, xd), 0, 1e-11);
        Assert.True(k.ReciprocalCondition > 0 && k.ReciprocalCondition <= 1);
        Assert.True(d.ReciprocalCondition > 0 && d.ReciprocalCondition <= 1);
    }

    [Theory]
    [InlineData("dense")]
    [InlineData("klu")]
    public void MultipleSolvesReuseFactorization(string kind)
    {
        var m = RandomMna(20, 3, seed: 3);
        using var s = Make(kind);
        SolveAndCheck(s, m, seed: 1);
        var a = ToDense(m);
        for (int seed = 2; seed < 5; seed++)
        {
            var b = RandomVector(m.Size, seed);
            var x = (double[])b.Clone();
            s.Solve(x);
            Assert.InRange(BackwardError(a, x, b), 0, 1e-13);
        }
    }

    [Fact]
    public void Crossbar_OperatingPointIsAccurate()
    {
        // 24x24 crossbar with line resistance: two coupled grids plus word-line drivers.
        const int N = 24, NN = N * N;
        var rnd = new Random(11);
        var e = new Dictionary<(int, int), double>();
        void Add(int r, int c, double v) => e[(r, c)] = e.GetValueOrDefault((r, c)) + v;
        void G(int a, int b, double g) { Add(a, a, g); if (b >= 0) { Add(b, b, g); Add(a, b, -g); Add(b, a, -g); } }
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
            {
                int w = i * N + j, bl = NN + w;
                if (j + 1 < N) G(w, w + 1, 0.4);
                if (i + 1 < N) G(bl, bl + N, 0.4); else G(bl, -1, 0.4);
                G(w, bl, 1e-6 + 1e-4 * rnd.NextDouble());
            }
        for (int i = 0; i < N; i++) { int br = 2 * NN + i; Add(i * N, br, 1); Add(br, i * N, 1); }
        var m = Build(2 * NN + N, e, rnd);
        using var k = new KluSolver();
        SolveAndCheck(k, m, seed: 4, relTol: 1e-9);
    }
}
