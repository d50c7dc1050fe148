using CircuitNeuro.Circuits.Solver;

namespace CircuitNeuro.Circuits.Tests.Solver;

public class CrossbarScaleTests
{
    /// <summary>256×256 crossbar with line resistance (131,584 unknowns): KLU solves it to round-off (speed is measured by the crossbar benchmark).</summary>
    [Fact]
    public void Crossbar256_SetupFactorSolve_IsAccurate()
    {
        const int N = 256, NN = N * N;
        var m = new MnaMatrix(2 * NN);
        var stamps = new List<(int slot, double v)>();
        var rnd = new Random(1);
        void G(int a, int b, double g)
        {
            stamps.Add((m.Slot(a, a), g));
            if (b < 0) return;
            stamps.Add((m.Slot(b, b), g)); stamps.Add((m.Slot(a, b), -g)); stamps.Add((m.Slot(b, a), -g));
        }
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
            {
                int w = i * N + j, bl = NN + w;
                if (j + 1 < N) G(w, w + 1, 0.4);
                if (i + 1 < N) G(bl, bl + N, 0.4); else G(bl, -1, 0.4);
                G(w, bl, 1e-6 + 1e-4 * rnd.NextDouble());
            }
        var b = new List<(int row, double v)>();
        for (int i = 0; i < N; i++)
        {
            int br = m.AddUnknown();
            stamps.Add((m.Slot(i * N, br), 1)); stamps.Add((m.Slot(br, i * N), 1));
            b.Add((br, 0.2 + 0.8 * rnd.NextDouble()));
        }
        m.Freeze();
        foreach (var (s, v) in stamps) m.Add(s, v);

        var rhs = new double[m.Size];
        foreach (var (row, v) in b) rhs[row] = v;
        var x = (double[])rhs.Clone();
        using var solver = LinearSolverFactory.Create(m);
        solver.Factor(m);
        solver.Solve(x);

        // Sparse residual b - A x and normwise backward error.
        var r = (double[])rhs.Clone();
        var rowNorm = new double[m.Size];
        for (int s = 1; s < m.SlotCount; s++)
        {
            r[m.RowOf(s)] -= m.Values[s] * x[m.ColOf(s)];
            rowNorm[m.RowOf(s)] += Math.Abs(m.Values[s]);
        }
        double err = r.Max(Math.Abs) / (rowNorm.Max() * x.Max(Math.Abs) + rhs.Max(Math.Abs));
        Assert.InRange(err, 0, 1e-13);
        foreach (var (row, v) in b.Take(3)) Assert.InRange(x[(row - 2 * NN) * N], v * 0.9, v); // driven word-line end ≈ source
    }
}
