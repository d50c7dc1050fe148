using CircuitNeuro.Circuits.Solver;
using static CircuitNeuro.Circuits.Tests.Solver.SolverTestMatrices;

namespace CircuitNeuro.Circuits.Tests.Solver;

public class KluRefactorTests
{
    [Fact]
    public void NewValues_SamePattern_UseRefactorAndGiveNewSolution()
    {
        var m = RandomMna(200, 20, seed: 1);
        using var k = new KluSolver();
        var x1 = SolveAndCheck(k, m, seed: 2);
        var rnd = new Random(3);
        for (int round = 0; round < 3; round++)
        {
            for (int s = 1; s < m.SlotCount; s++)
                if (m.Values[s] != 0 && m.RowOf(s) < 200 && m.ColOf(s) < 200) m.Values[s] *= 1 + 0.3 * rnd.NextDouble();
            var x = SolveAndCheck(k, m, seed: 2);
            Assert.True(RelativeError(x, x1) > 1e-3, "values changed, the solution must change");
        }
        Assert.Equal(1, k.FullFactorizations);
        Assert.Equal(3, k.Refactorizations);
    }

    private static (MnaMatrix m, int a00, int a01, int a10, int a11) TwoByTwo()
    {
        var m = new MnaMatrix(2);
        int a00 = m.Slot(0, 0), a01 = m.Slot(0, 1), a10 = m.Slot(1, 0), a11 = m.Slot(1, 1);
        m.Freeze();
        return (m, a00, a01, a10, a11);
    }

    private static void Set(MnaMatrix m, params (int slot, double v)[] values)
    {
        m.Clear();
        foreach (var (s, v) in values) m.Add(s, v);
    }

    [Fact]
    public void ZeroPivotAfterValueChange_FallsBackToFullFactor()
    {
        var (m, a00, a01, a10, a11) = TwoByTwo();
        using var k = new KluSolver();
        Set(m, (a00, 4), (a01, 1), (a10, 1), (a11, 3));
        SolveAndCheck(k, m, seed: 1);
        Set(m, (a00, 0), (a01, 2), (a10, 5), (a11, 1)); // old pivot (0,0) is now exactly zero
        var x = new[] { 4.0, 7.0 };
        k.Factor(m);
        k.Solve(x);
        Assert.Equal(1.0, x[0], 14); // 2x1 = 4, 5x0 + x1 = 7
        Assert.Equal(2.0, x[1], 14);
        Assert.Equal(2, k.FullFactorizations);
    }

    [Theory]
    [InlineData(1e-9)]  // small but not negligible: caught by the rcond drop
    [InlineData(1e-15)] // negligible: caught by the pivot scan
    public void TinyPivotAfterValueChange_IsRepivoted(double tiny)
    {
        var (m, a00, a01, a10, a11) = TwoByTwo();
        using var k = new KluSolver();
        Set(m, (a00, 4), (a01, 1), (a10, 1), (a11, 3));
        SolveAndCheck(k, m, seed: 1);
        Set(m, (a00, tiny), (a01, 1), (a10, 1), (a11, 1));
        // Without re-pivoting, growth ~1/tiny destroys the backward error checked here.
        SolveAndCheck(k, m, seed: 2);
        Assert.Equal(2, k.FullFactorizations);
    }

    [Theory]
    [InlineData("dense")]
    [InlineData("klu")]
    public void HotPath_DoesNotAllocate(string kind)
    {
        var m = RandomMna(150, 10, seed: 8);
        using var s = LinearSolverAccuracyTests.Make(kind);
        var b = new double[m.Size];
        for (int i = 0; i < 50; i++) { s.Factor(m); Array.Fill(b, 1.0); s.Solve(b); }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) { s.Factor(m); Array.Fill(b, 1.0); s.Solve(b); }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void NewMatrix_IsAnalyzedAgain()
    {
        using var k = new KluSolver();
        SolveAndCheck(k, RandomDominant(50, 1), seed: 1);
        SolveAndCheck(k, RandomDominant(80, 2), seed: 2);
        Assert.Equal(2, k.FullFactorizations);
    }

    [Fact]
    public void UseAfterDispose_Throws()
    {
        var k = new KluSolver();
        var m = RandomDominant(5, 1);
        k.Factor(m);
        k.Dispose();
        k.Dispose();
        Assert.Throws<ObjectDisposedException>(() => k.Factor(m));
        Assert.Throws<ObjectDisposedException>(() => k.Solve(new double[5]));
    }

    [Fact]
    public void SolveBeforeFactor_Throws()
    {
        using var k = new KluSolver();
        Assert.Throws<InvalidOperationException>(() => k.Solve(new double[3]));
        var unfrozen = new MnaMatrix(3);
        Assert.Throws<InvalidOperationException>(() => k.Factor(unfrozen));
    }
}
